/**
 * Compare two designs in jsdom with the real engine: an edited copy of a guided scenario (acks=all
 * keeps what acks=1 loses); a layout with two replicas in one zone against its generated
 * reassignment through a zone loss, with the difference table, both topologies following the one
 * time control, and the advisor's findings differing; a scenario file chosen in a file input;
 * and the refusals (no file chosen, a file whose cluster lacks the failing zone). jsdom has no
 * workers, so the comparison runs on this thread in slices (host/design-host.ts).
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import {
  BAD_LAYOUT_DESCRIBE,
  BAD_LAYOUT_SCENARIO,
  BAD_LAYOUT_ZONES,
  GOOD_LAYOUT_SCENARIO,
  specOf,
} from '../../analysis/testing/bad-layout'
import { parseScenario } from '../../scenario/index'
import { ComparePanel } from './ComparePanel'

afterEach(cleanup)

// jsdom's import.meta.url is not a file URL, so read the guided scenario from the project root.
const parsed = parseScenario(readFileSync('public/scenarios/acks1-vs-acks-all.json', 'utf8'))
if (!parsed.ok) throw new Error('acks1-vs-acks-all.json does not parse')
const guided = parsed.spec
const badLayout = specOf(BAD_LAYOUT_SCENARIO)

function cells(table: HTMLElement, name: RegExp): string[] {
  return within(within(table).getByRole('row', { name }))
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '')
}

function choose(name: string, value: string) {
  fireEvent.change(screen.getByRole('combobox', { name }), { target: { value } })
}

async function runToTable(): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('button', { name: 'Run comparison' }))
  return screen.findByRole('table', {}, { timeout: 15_000 })
}

describe('ComparePanel', () => {
  it('compares the current scenario with an edited copy', async () => {
    render(<ComparePanel spec={guided} />)
    expect(screen.getByRole('combobox', { name: 'Design A' })).toHaveProperty('value', 'current')
    expect(screen.getByRole('combobox', { name: 'Fault script' })).toHaveProperty(
      'value',
      'scenario',
    )
    choose('Change', 'acks')
    choose('Value', '-1')
    choose('Run for', '60000')
    const table = await runToTable()
    expect(screen.getByRole('status').textContent).toBe(
      'Compared: B has acks=all on every producer.',
    )
    const lost = cells(table, /^Lost acknowledged records/)
    expect(Number(lost[0]!.replaceAll(',', ''))).toBeGreaterThan(0)
    expect(lost[1]).toBe('0')
    expect(lost[2]).toMatch(/^✓ B better: [\d,]+ fewer$/)
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Measure', 'A: Current', 'B: Edited copy', 'Which is better'])
    const charts = screen.getAllByRole('img').map((c) => c.getAttribute('aria-label'))
    expect(charts).toContainEqual(
      expect.stringMatching(
        /^Lost acknowledged records \(cumulative\): A peaks at [1-9]\d*, B peaks at 0$/,
      ),
    )
  }, 30_000)

  it('compares a bad layout with its reassignment through a zone loss', async () => {
    render(<ComparePanel spec={badLayout} />)
    choose('Design B', 'reassignment')
    expect(screen.getByRole('group', { name: 'Design B' }).textContent).toContain(
      "Reassignment: the advisor's zone-aware reassignment",
    )
    expect(screen.getByRole('combobox', { name: 'Fault script' })).toHaveProperty('value', 'zone')
    expect(screen.getByRole('combobox', { name: 'Zone' })).toHaveProperty('value', 'use1-az1')
    const table = await runToTable()
    expect(screen.getByRole('status').textContent).toBe(
      'Compared A (Current: Two replicas in one zone) with B (Reassignment: moves 3 replicas (orders)).',
    )
    const unwritable = cells(table, /^Unwritable partition-time \(ISR under/)
    expect(unwritable[1]).toBe('0.0 s')
    expect(unwritable[2]).toMatch(/^✓ B better: \d+\.\d s less$/)
    expect(cells(table, /as producers felt it/)[2]).toMatch(/^✓ B better/)
    expect(cells(table, /^Longest write stall/)[0]).toMatch(/^≥ /)

    // One time control drives both topologies.
    const time = screen.getByRole('slider', { name: 'Time' })
    fireEvent.change(time, { target: { value: '5000' } })
    const figures = () =>
      screen.getAllByRole('figure').map((f) => f.querySelector('figcaption')?.textContent ?? '')
    expect(figures().slice(0, 2)).toEqual([
      expect.stringMatching(/^A: Current at 00:05 all 6 brokers up; every partition/),
      expect.stringMatching(/^B: Reassignment at 00:05 all 6 brokers up; every partition/),
    ])
    fireEvent.change(time, { target: { value: '50000' } })
    expect(figures().slice(0, 2)).toEqual([
      expect.stringMatching(/^A: Current at 00:50 .*1 under min\.insync\.replicas$/),
      expect.stringMatching(/^B: Reassignment at 00:50 .*every partition has a leader/),
    ])
    expect(document.querySelectorAll('svg.topology [data-broker]').length).toBe(12)

    const findings = screen.getByRole('region', { name: 'Advisor findings' })
    const forA = within(findings).getByRole('list', { name: 'Findings for A' })
    expect(forA.textContent).toMatch(/orders.*\(not in B\)/)
    expect(
      within(findings).queryByRole('list', { name: 'Findings for B' })?.textContent ?? '',
    ).not.toMatch(/replicas/)
    expect(findings.textContent).toMatch(/B clears [1-9]\d* findings? A has/)
  }, 30_000)

  it('compares the current scenario with a scenario file', async () => {
    render(<ComparePanel spec={badLayout} />)
    choose('Design B', 'file')
    fireEvent.click(screen.getByRole('button', { name: 'Run comparison' }))
    expect(screen.getByRole('alert').textContent).toBe('Design B: choose a scenario file first.')
    const file = new File([JSON.stringify(GOOD_LAYOUT_SCENARIO)], 'good-layout.json', {
      type: 'application/json',
    })
    fireEvent.change(screen.getByLabelText('Scenario file for B'), { target: { files: [file] } })
    await screen.findByText('File: good-layout.json')
    const table = await runToTable()
    expect(screen.getByRole('status').textContent).toBe(
      'Compared A (Current: Two replicas in one zone) with B (File: good-layout.json).',
    )
    expect(cells(table, /^Unwritable partition-time \(ISR under/)[2]).toMatch(/^✓ B better/)
  }, 30_000)

  it("compares with kafka-topics --describe output, reporting the importer's problems", async () => {
    render(<ComparePanel spec={badLayout} />)
    choose('Design A', 'describe')
    choose('Design B', 'reassignment')
    // The same layout as described by Kafka, but the zone map misses five brokers.
    fireEvent.change(
      screen.getByRole('textbox', { name: 'kafka-topics --describe output for A' }),
      {
        target: { value: BAD_LAYOUT_DESCRIBE },
      },
    )
    fireEvent.change(screen.getByRole('textbox', { name: 'Broker to zone map for A' }), {
      target: { value: '1=use1-az1' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Run comparison' }))
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 })
    expect(alert.textContent).toMatch(
      /A \(kafka-topics --describe output\): zoneMap: no zone for brokers 2, 3, 4, 5, 6/,
    )
    fireEvent.change(screen.getByRole('textbox', { name: 'Broker to zone map for A' }), {
      target: { value: BAD_LAYOUT_ZONES },
    })
    const table = await runToTable()
    expect(screen.getByRole('status').textContent).toBe(
      'Compared A (Describe: pasted text (1 topic, 3 partitions on 6 brokers in 3 zones)) with B (Reassignment: moves 3 replicas (orders)).',
    )
    // The imported cluster is the current one, so it loses writes where the reassignment does not.
    expect(cells(table, /^Unwritable partition-time \(ISR under/)[2]).toMatch(/^✓ B better/)
  }, 30_000)

  it('refuses a file whose cluster lacks the failing zone, saying why', async () => {
    render(<ComparePanel spec={badLayout} />)
    choose('Design B', 'file')
    const small = {
      version: 1,
      name: 'Two zones',
      cluster: { zones: ['use1-az2', 'use1-az3'], brokersPerZone: 1 },
    }
    const file = new File([JSON.stringify(small)], 'two-zones.json')
    fireEvent.change(screen.getByLabelText('Scenario file for B'), { target: { files: [file] } })
    await screen.findByText('File: two-zones.json')
    fireEvent.click(screen.getByRole('button', { name: 'Run comparison' }))
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 })
    expect(alert.textContent).toContain(
      'B (File: two-zones.json): faults[0]: stopZone at 00:10 needs a broker in zone use1-az1, which this design does not have',
    )
    expect(screen.queryByRole('table')).toBeNull()
  }, 30_000)

  it('keeps the replication factor of an edited copy within the brokers', () => {
    render(<ComparePanel spec={guided} />)
    choose('Change', 'rf')
    const value = screen.getByRole('spinbutton', { name: 'Value' })
    expect(value.getAttribute('max')).toBe(String(guided.cluster.brokers.length))
    fireEvent.change(value, { target: { value: '99' } })
    expect((value as HTMLInputElement).value).toBe(String(guided.cluster.brokers.length))
    choose('Change', 'brokerType')
    expect(screen.getByRole('group', { name: 'Design B' }).textContent).toContain(
      'Edited copy: broker type kafka.m7g.large on every broker',
    )
  })
})
