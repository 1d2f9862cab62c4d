/**
 * The verdict panel in jsdom, fed by the review's own stages (host/review.ts computeReview, the
 * worker's code run in place): the headline says in words whether the layout survives a single
 * zone; each failure class shows the same sentences as the Markdown; the client figures arrive in
 * a second stage; a class's worst case can be injected.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { classSentences } from '../../analysis/index'
import { buildSpec, producer, recommendedSpec } from '../../analysis/test-helpers'
import { computeReview, type ReviewMessage, type ReviewResult } from '../../host/review'
import type { SimulationSpec } from '../../engine/spec'
import { VerdictPanel } from './VerdictPanel'

afterEach(cleanup)

function stages(spec: SimulationSpec): ReviewResult[] {
  const out: ReviewResult[] = []
  computeReview(spec, (m: ReviewMessage) => {
    if (m.kind === 'review') out.push(m.result)
    const last = out.at(-1)
    if (m.kind === 'verdict' && last !== undefined)
      out.push({ ...last, report: { ...last.report, verdict: m.verdict }, complete: true })
  })
  return out
}

const sharedZone = buildSpec({
  brokersPerZone: 2,
  topics: [
    {
      name: 'orders',
      partitions: 3,
      replicationFactor: 3,
      config: { 'min.insync.replicas': 2 },
      assignment: [
        [1, 4, 2],
        [4, 1, 3],
        [1, 4, 5],
      ],
    },
  ],
  clients: [producer('checkout', 'orders', { acks: -1 })],
})

describe('VerdictPanel', () => {
  it('says a shared-zone layout does not survive its zone, with the Markdown’s sentences', () => {
    const [first, last] = stages(sharedZone)
    expect(first!.complete).toBe(false)
    expect(last!.complete).toBe(true)
    const onRun = vi.fn()
    render(
      <VerdictPanel review={{ result: last!, running: null, error: null }} onRunFailure={onRun} />,
    )
    const panel = screen.getByRole('region', { name: 'Verdict' })
    expect(panel.textContent).toContain('Does not survive a single zone: use1-az1')
    const zone = within(panel).getByRole('listitem', { name: 'Any single zone' })
    const zoneVerdict = last!.report.verdict.classes.find((c) => c.kind === 'zone')!
    for (const sentence of classSentences(zoneVerdict)) expect(zone.textContent).toContain(sentence)
    expect(zone.textContent).toContain('In a 60 s run of use1-az1')
    fireEvent.click(within(zone).getByRole('button', { name: 'Inject use1-az1' }))
    expect(onRun).toHaveBeenCalledWith(expect.objectContaining({ kind: 'zone', name: 'use1-az1' }))
  })

  it('shows the counts before the client runs, and says which run is under way', () => {
    const [first] = stages(recommendedSpec())
    render(
      <VerdictPanel
        review={{ result: first!, running: { kind: 'zone', index: 1, total: 4 }, error: null }}
        onRunFailure={vi.fn()}
      />,
    )
    const zone = screen.getByRole('listitem', { name: 'Any single zone' })
    expect(zone.textContent).toContain('no case loses availability')
    expect(zone.textContent).toMatch(/Running use1-az\d in the simulator for the client figures/)
    expect(screen.getByRole('listitem', { name: 'Any single broker' }).textContent).toContain(
      'Client figures to come',
    )
  })
})
