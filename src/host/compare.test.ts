/**
 * Running comparisons in the host: both engines run to the same time under the same fault script,
 * in slices or in one go with the same result, through the inline host as through the core the
 * worker runs, without touching the timeline. The run checks use guided scenarios whose outcomes
 * the guided-scenario tests already pin (acks=1 loses acknowledged records, unclean election
 * trades lost records for less offline time). Design comparisons run a layout with two replicas
 * of a partition in one zone against its generated reassignment through a zone loss: the
 * reassignment keeps every partition writable, and the frames rebuild each run's state.
 */
import { describe, expect, it } from 'vitest'
import { applyChange } from '../analysis/compare'
import { createSimulation, restoreSimulation } from '../engine/index'
import { loadGuidedScenario } from '../scenarios/index'
import { readGuidedFile } from '../scenarios/test-helpers'
import { BAD_LAYOUT_SCENARIO, specOf } from '../analysis/testing/bad-layout'
import {
  compareDesigns,
  compareDesignsInSlices,
  type CompareDesignsRequest,
  frameIntervalMs,
  runComparison,
  runComparisonInSlices,
} from './compare'
import { compareDesigns as compareDesignsOnPage } from './design-host'
import type { Snapshot } from '../engine/types'
import { applyPatch, type SnapshotPatch } from './snapshot-patch'
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

describe('comparing two designs', () => {
  const current = specOf(BAD_LAYOUT_SCENARIO)
  const request: CompareDesignsRequest = {
    current,
    a: { kind: 'current' },
    b: { kind: 'reassignment' },
    faults: { kind: 'zone', zone: 'use1-az1', atMs: 10_000 },
    durationMs: 120_000,
    sliceMs: 30_000,
  }
  const compared = (() => {
    const message = compareDesigns(engine, request)
    if (message.kind !== 'designsCompared' || !message.outcome.ok)
      throw new Error(`no comparison: ${JSON.stringify(message)}`)
    return message.outcome.comparison
  })()
  const byKey = Object.fromEntries(compared.rows.map((r) => [r.key, r]))

  it('keeps every partition writable through a zone loss after the reassignment', () => {
    expect(compared.designs.a.label).toBe('Current: Two replicas in one zone')
    expect(compared.designs.b.label).toBe('Reassignment: moves 3 replicas (orders)')
    expect(compared.faultScript.text).toBe('stopZone use1-az1 at 00:10')
    // orders-0 keeps one replica (broker 2) after use1-az1 goes: under min.insync.replicas 2.
    expect(byKey['unwritable']!.a).toBeGreaterThan(10_000)
    expect(byKey['unwritable']).toMatchObject({ b: 0, winner: 'B' })
    // Every reassigned partition has a replica in the lost zone, so each waits for its ISR to
    // shrink (replica.lag.time.max.ms) but then takes writes again; orders-0 never does.
    expect(byKey['clientUnwritable']!.winner).toBe('B')
    expect(byKey['error:NOT_ENOUGH_REPLICAS']!.a).toBeGreaterThan(0)
    expect(byKey['error:NOT_ENOUGH_REPLICAS']!.b).toBe(0)
    expect(byKey['stall']!.atLeast).toEqual({ a: true, b: false })
    expect(compared.findings.a.some((f) => f.onlyHere && f.path === 'topics[0].assignment')).toBe(
      true,
    )
    expect(compared.findings.b.some((f) => f.path === 'topics[0].assignment')).toBe(false)
  })

  it('keeps a frame of each run every second, each rebuilding that moment', () => {
    const track = compared.frames.a
    expect(frameIntervalMs(120_000)).toBe(1000)
    expect(frameIntervalMs(3_600_000)).toBe(12_000)
    expect(track.times).toEqual(Array.from({ length: 121 }, (_, k) => k * 1000))
    expect(track.patches).toHaveLength(120)
    const parse = (frame: string) => JSON.parse(frame) as Snapshot & SnapshotPatch
    let snapshot: Snapshot = parse(track.first)
    for (const patch of track.patches.slice(0, 30)) snapshot = applyPatch(snapshot, parse(patch))
    expect(snapshot.nowMs).toBe(30_000)
    expect(snapshot.zones.find((z) => z.name === 'use1-az1')!.stopped).toBe(true)
    const p0 = snapshot.partitions.find((p) => p.topic === 'orders' && p.partition === 0)!
    expect(p0.isr).toEqual([2])
    // Slim frames: what the compact topology does not draw is left out.
    expect(p0.replicaStates).toEqual([])
    expect(parse(track.first).traffic).toBeUndefined()
    const b0 = compared.frames.b.patches
      .map(parse)
      .reduce(applyPatch, parse(compared.frames.b.first) as Snapshot)
      .partitions.find((p) => p.partition === 0)!
    expect(b0.isr.length).toBe(2)
  })

  it('gives the same outcome in slices on the page, reporting progress', async () => {
    const progress: number[] = []
    const sliced = await compareDesignsInSlices(engine, request, {
      onProgress: (atMs) => progress.push(atMs),
    })
    expect(progress).toEqual([30_000, 60_000, 90_000, 120_000])
    expect(sliced).toEqual({ ok: true, comparison: compared })
    const onPage = await compareDesignsOnPage(request, { worker: false })
    expect(onPage).toEqual(sliced)
  })

  it('stops when cancelled', async () => {
    const controller = new AbortController()
    const running = compareDesignsInSlices(engine, request, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    })
    await expect(running).rejects.toThrow('The comparison was cancelled')
  })

  it('refuses designs it cannot read or that lack the failing zone, saying why', () => {
    const message = compareDesigns(engine, {
      ...request,
      a: { kind: 'file', name: 'broken.json', text: '{' },
      b: {
        kind: 'file',
        name: 'small.json',
        text: JSON.stringify({
          version: 1,
          name: 'small',
          cluster: { zones: ['use1-az2', 'use1-az3'], brokersPerZone: 1 },
        }),
      },
    })
    expect(message.kind).toBe('designsCompared')
    if (message.kind !== 'designsCompared' || message.outcome.ok) return
    expect(
      message.outcome.rejections.map((r) => [r.side, r.label, r.problems.map((p) => p.path)]),
    ).toEqual([
      ['A', 'Scenario file', ['line 1, column 2']],
      ['B', 'File: small.json', ['faults[0]']],
    ])
  })

  it('compares peak utilisation of two broker types', () => {
    const message = compareDesigns(engine, {
      ...request,
      a: { kind: 'edited', change: { kind: 'brokerType', value: 'kafka.t3.small' } },
      b: { kind: 'edited', change: { kind: 'brokerType', value: 'kafka.m7g.4xlarge' } },
      durationMs: 20_000,
    })
    if (message.kind !== 'designsCompared' || !message.outcome.ok) throw new Error('no outcome')
    const row = message.outcome.comparison.rows.find((r) => r.key === 'utilisation')!
    expect(row.label).toBe('Peak broker utilisation (kafka.t3.small vs kafka.m7g.4xlarge)')
    expect(row.a!).toBeGreaterThan(row.b!)
    expect(row.b!).toBeGreaterThan(0)
    expect(row.winner).toBe('B')
    expect(message.outcome.comparison.designs.b.brokerType).toBe('kafka.m7g.4xlarge')
  })

  it('turns a crash into an error message', () => {
    const broken = {
      createSimulation: () => {
        throw new Error('no engine here')
      },
    }
    expect(compareDesigns(broken, request)).toEqual({ kind: 'error', message: 'no engine here' })
  })
})
