/**
 * Compare mode in jsdom with the real engine on a guided scenario: choose one change, run, and
 * read the summary table and the two time-locked charts; the replication factor stays within
 * the brokers. jsdom has no workers, so the comparison runs in the inline host over the engine.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createLocalHost } from '../../host/local-host'
import { parseScenario } from '../../scenario/index'
import { ComparePanel } from './ComparePanel'

afterEach(cleanup)

// jsdom's import.meta.url is not a file URL, so read the guided scenario from the project root.
const parsed = parseScenario(readFileSync('public/scenarios/acks1-vs-acks-all.json', 'utf8'))
if (!parsed.ok) throw new Error('acks1-vs-acks-all.json does not parse')
const spec = parsed.spec
const run = createLocalHost().compare

describe('ComparePanel', () => {
  it('runs A and B to the same time and summarises', async () => {
    render(<ComparePanel spec={spec} run={run} />)
    fireEvent.change(screen.getByRole('combobox', { name: 'Change' }), {
      target: { value: 'acks' },
    })
    fireEvent.change(screen.getByRole('combobox', { name: 'Value' }), { target: { value: '-1' } })
    fireEvent.change(screen.getByRole('combobox', { name: 'Run for' }), {
      target: { value: '60000' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Run comparison' }))
    const table = await screen.findByRole('table', {}, { timeout: 10_000 })
    expect(screen.getByRole('status').textContent).toBe(
      'Compared: B has acks=all on every producer.',
    )
    const lost = within(table).getByRole('row', { name: /Lost acknowledged records/ })
    const cells = within(lost)
      .getAllByRole('cell')
      .map((c) => c.textContent)
    expect(Number(cells[0])).toBeGreaterThan(0)
    expect(cells[1]).toBe('0')
    expect(cells[2]).toMatch(/^✓ B better/)
    const charts = screen.getAllByRole('img')
    expect(charts.map((c) => c.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(/^OfflinePartitionsCount: A peaks at \d+, B peaks at \d+$/),
      expect.stringMatching(
        /^Lost acknowledged records \(cumulative\): A peaks at [1-9]\d*, B peaks at 0$/,
      ),
    ])
  }, 20_000)

  it('keeps the replication factor within the brokers and runs', async () => {
    render(<ComparePanel spec={spec} run={run} />)
    fireEvent.change(screen.getByRole('combobox', { name: 'Change' }), { target: { value: 'rf' } })
    const value = screen.getByRole('spinbutton', { name: 'Value' })
    expect(value.getAttribute('max')).toBe(String(spec.cluster.brokers.length))
    fireEvent.change(value, { target: { value: '99' } })
    expect((value as HTMLInputElement).value).toBe(String(spec.cluster.brokers.length))
    fireEvent.click(screen.getByRole('button', { name: 'Run comparison' }))
    await screen.findByRole('table', {}, { timeout: 10_000 })
  }, 20_000)
})
