/**
 * The advisor panel in jsdom: it lists `advise(spec)` findings with severity as text, message and
 * path; errors, warnings and info differ in word and colour (info neutral); a fix button applies
 * the fix with `applyFix` and hands the next spec over; a clean layout says there is nothing to
 * fix.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { advise } from '../../analysis/index'
import { buildSpec, producer, recommendedSpec } from '../../analysis/test-helpers'
import { AdvisorPanel } from './AdvisorPanel'

afterEach(cleanup)

const risky = buildSpec({
  brokersPerZone: 1,
  topics: [
    { name: 'orders', partitions: 3, replicationFactor: 3, config: { 'min.insync.replicas': 1 } },
  ],
  clients: [producer('p1', 'orders', { acks: 1 })],
})

describe('AdvisorPanel', () => {
  it('shows each finding with severity, message and path', () => {
    render(<AdvisorPanel spec={risky} onApplyFix={vi.fn()} />)
    const findings = advise(risky)
    const items = within(screen.getByRole('region', { name: 'Advisor' })).getAllByRole('listitem')
    expect(items).toHaveLength(findings.length)
    findings.forEach((finding, i) => {
      const text = items[i]!.textContent ?? ''
      expect(text).toContain(
        finding.severity === 'info' ? 'Info' : finding.severity === 'error' ? 'Error' : 'Warning',
      )
      expect(text).toContain(finding.message)
      expect(text).toContain(finding.path)
    })
    expect(screen.getByRole('status').textContent).toMatch(
      new RegExp(`^${findings.length} findings`),
    )
  })

  it('applies a fix and passes the fixed spec on', () => {
    const onApplyFix = vi.fn()
    render(<AdvisorPanel spec={risky} onApplyFix={onApplyFix} />)
    const acks = advise(risky).find((f) => f.id === 'acks-not-all')!
    fireEvent.click(screen.getByRole('button', { name: acks.fix!.label }))
    expect(onApplyFix).toHaveBeenCalledTimes(1)
    const [next, fix] = onApplyFix.mock.calls[0] as [typeof risky, typeof acks.fix]
    expect(fix).toEqual(acks.fix)
    const p1 = next.clients.find((c) => c.id === 'p1')
    expect(p1?.kind === 'producer' && p1.config.acks).toBe(-1)
    expect(advise(next).some((f) => f.id === 'acks-not-all')).toBe(false)
  })

  it('reports a fix that cannot apply instead of throwing', () => {
    const onApplyFix = vi.fn()
    const { rerender } = render(<AdvisorPanel spec={risky} onApplyFix={onApplyFix} />)
    const label = advise(risky).find((f) => f.id === 'acks-not-all')!.fix!.label
    const button = screen.getByRole('button', { name: label })
    // The panel's spec changes under it: the producer is gone, so the patch names an unknown client.
    rerender(<AdvisorPanel spec={{ ...risky, clients: [] }} onApplyFix={onApplyFix} />)
    if (button.isConnected) {
      fireEvent.click(button)
      expect(screen.getByRole('alert').textContent).toMatch(/Unknown client "p1"/)
    }
    expect(onApplyFix).not.toHaveBeenCalled()
  })

  it('shows errors red, warnings orange and info neutral, each with its word', () => {
    // RF 3 with min.insync.replicas 3 on 3 zones: losing any zone stops acks=all writes (error,
    // zone-loss-unavailable) and one broker down does too (warning, min-isr-equals-rf); a ZooKeeper
    // cluster on 3.9 gets the note that 4.0 removed ZooKeeper (info).
    const spec = buildSpec({
      controller: 'zookeeper',
      topics: [
        {
          name: 'strict',
          partitions: 1,
          replicationFactor: 3,
          config: { 'min.insync.replicas': 3 },
        },
      ],
    })
    render(<AdvisorPanel spec={spec} onApplyFix={vi.fn()} />)
    const items = within(screen.getByRole('region', { name: 'Advisor' })).getAllByRole('listitem')
    const item = (id: string) => items.find((li) => li.textContent?.includes(id))!
    const expected = [
      ['zone-loss-unavailable', '✖ Error', 'text-danger'],
      ['min-isr-equals-rf', '▲ Warning', 'text-out-of-sync'],
      ['zookeeper-removed-in-4', 'ℹ Info', 'text-muted'],
    ] as const
    for (const [id, label, colour] of expected) {
      expect(item(id).textContent, id).toMatch(new RegExp(`^${label}${id}at `))
      expect(item(id).className, id).toContain(colour)
    }
    const others = ['text-danger', 'text-out-of-sync', 'text-in-sync']
    expect(others.some((c) => item('zookeeper-removed-in-4').className.includes(c))).toBe(false)
    expect(screen.getByRole('status').textContent).toBe('3 findings: 1 error, 1 warning, 1 info.')
  })

  it('says so when there is nothing to fix', () => {
    const spec = recommendedSpec()
    const findings = advise(spec)
    render(<AdvisorPanel spec={spec} onApplyFix={vi.fn()} />)
    if (findings.length === 0) {
      expect(screen.getByRole('status').textContent).toMatch(/^No findings/)
    } else {
      expect(findings.every((f) => f.severity !== 'error')).toBe(true)
    }
  })
})
