/**
 * Running comparisons in the host: both engines run to the same time under the same fault script,
 * in slices or in one go with the same result, through the inline host as through the core the
 * worker runs, without touching the timeline. The run checks use guided scenarios whose outcomes
 * the guided-scenario tests already pin (acks=1 loses acknowledged records, unclean election
 * trades lost records for less offline time).
 */
import { describe, expect, it } from 'vitest'
import { applyChange } from '../analysis/compare'
import { createSimulation, restoreSimulation } from '../engine/index'
import { loadGuidedScenario } from '../scenarios/index'
import { readGuidedFile } from '../scenarios/test-helpers'
import { runComparison, runComparisonInSlices } from './compare'
import { createHostCore } from './core'
import { createInlineHost } from './inline-host'
import type { CompareMessage, HostMessage } from './protocol'

const engine = { createSimulation, restoreSimulation }
const guided = (id: string) => loadGuidedScenario(id, readGuidedFile).spec

describe('runComparison', () => {
  it('acks=all keeps the records acks=1 loses when the leader crashes', () => {
    const spec = guided('acks1-vs-acks-all')
    const result = runComparison(engine, {
      specA: spec,
      specB: applyChange(spec, { kind: 'acks', value: -1 }),
      durationMs: 90_000,
    })
    const lost = result.rows.find((r) => r.key === 'lost')!
    expect(lost.a).toBeGreaterThan(0)
    expect(lost.b).toBe(0)
    expect(lost.winner).toBe('B')
    expect(result.durationMs).toBe(90_000)
    expect(result.a.series.at(-1)!.atMs).toBe(90_000)
    expect(result.b.series.at(-1)!.atMs).toBe(90_000)
  })

  it('turning unclean election off loses nothing but stays offline longer', () => {
    const spec = guided('rf2-minisr1-two-az')
    const result = runComparison(engine, {
      specA: spec,
      specB: applyChange(spec, { kind: 'unclean', enabled: false }),
      durationMs: 180_000,
    })
    const byKey = Object.fromEntries(result.rows.map((r) => [r.key, r]))
    expect(byKey['lost']).toMatchObject({ b: 0, winner: 'B' })
    expect(byKey['lost']!.a).toBeGreaterThan(0)
    expect(byKey['offline']!.winner).toBe('A')
    expect(byKey['unclean']).toMatchObject({ a: 1, b: 0 })
  })

  it('gives the same result in slices as in one go', async () => {
    const spec = guided('rf3-minisr3-patching')
    const variant = applyChange(spec, { kind: 'minIsr', value: 2 })
    const progress: number[] = []
    const request = { specA: spec, specB: variant, durationMs: 60_000 }
    const sliced = await runComparisonInSlices(
      engine,
      { ...request, sliceMs: 25_000 },
      { onProgress: (atMs) => progress.push(atMs) },
    )
    expect(progress).toEqual([25_000, 50_000, 60_000])
    expect(sliced).toEqual(runComparison(engine, request))
  })
})

describe('the host runs comparisons', () => {
  const spec = guided('acks1-vs-acks-all')
  const request = {
    specA: spec,
    specB: applyChange(spec, { kind: 'acks', value: -1 }),
    durationMs: 30_000,
    sliceMs: 10_000,
  }

  it('in the core the worker runs, reporting progress, beside an untouched timeline', () => {
    const core = createHostCore(engine)
    const loaded = core.handle({ type: 'load', spec, atMs: 1000 })
    const progress: number[] = []
    const message = core.compare(request, (atMs) => progress.push(atMs))
    expect(progress).toEqual([10_000, 20_000, 30_000])
    expect(message).toEqual<CompareMessage>({
      kind: 'compared',
      comparison: runComparison(engine, request),
    })
    const after = core.handle({ type: 'advance', targetMs: 1000 })
    expect(loaded.kind === 'update' && loaded.update.simTimeMs).toBe(1000)
    expect(after.kind === 'update' && after.update.simTimeMs).toBe(1000)
  })

  it('in the core, turning a failure into an error message', () => {
    const core = createHostCore({
      createSimulation: () => {
        throw new Error('no engine here')
      },
    })
    expect(core.compare(request)).toEqual({ kind: 'error', message: 'no engine here' })
  })

  it('in the inline host, which also stops when cancelled', async () => {
    const host = createInlineHost(engine)
    const seen: HostMessage[] = []
    host.subscribe((message) => seen.push(message))
    const comparison = await host.compare(request)
    expect(comparison).toEqual(runComparison(engine, request))
    expect(seen).toEqual([])
    const controller = new AbortController()
    const cancelled = host.compare(request, { signal: controller.signal })
    controller.abort()
    await expect(cancelled).rejects.toThrow('The comparison was cancelled')
  })
})
