/**
 * The import panel in jsdom: a bad describe line is listed with its line number, the pasted text
 * stays and nothing loads; a good import shows a preview (brokers, zones, configs with their
 * sources, clients, what the current scenario loses) and loads only on "Confirm import"; "MSK
 * defaults" fills the config fields for the zone count the kafka-configs output gives; an edit
 * retires a stale preview; MSK's numbering is offered for an empty zone map and marked as an
 * assumption; the zone repair generates a reassignment JSON with Download and re-analyses. A
 * large paste is read by the reader (a worker in the app; a fake here) once typing pauses: a newer
 * paste stops the older read and drops its late result, and an edit drops a late import.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { describeOutput, kafkaConfigsOutput } from '../../scenario/import-fixtures'
import { note } from '../../scenario/text'
import { ImportPanel, type ImportReader } from './ImportPanel'
import {
  capOutcome,
  configPreview,
  EMPTY_INPUTS,
  importCluster,
  type ImportFacts,
  type ImportInputs,
  type ImportOutcome,
} from './import-cluster'

afterEach(cleanup)

const ZONES = '1=use1-az1,2=use1-az1,3=use1-az2,4=use1-az3'
const DESCRIBE = `Topic: orders\tPartitionCount: 2\tReplicationFactor: 3\tConfigs: min.insync.replicas=2
\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3
\tTopic: orders\tPartition: 1\tLeader: 3\tReplicas: 3,4,1\tIsr: 3,4,1
`
const SIX = describeOutput(6, [{ name: 'payments', partitions: 6 }])
const RACKS = kafkaConfigsOutput({
  1: 'use1-az1',
  2: 'use1-az2',
  3: 'use1-az3',
  4: 'use1-az1',
  5: 'use1-az2',
  6: 'use1-az3',
})

function type(name: RegExp, value: string) {
  fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } })
}

function fill(text: string, zones = ZONES) {
  type(/kafka-topics --describe output/, text)
  type(/Broker → zone map/, zones)
  fireEvent.click(screen.getByRole('button', { name: 'Import' }))
}

function current() {
  const outcome = importCluster(DESCRIBE, ZONES)
  if (!outcome.ok) throw new Error('fixture does not import')
  return { spec: { ...outcome.spec, name: 'Current one' }, changes: [], reachedMs: 12_000 }
}

describe('ImportPanel', () => {
  it('lists errors with line numbers and keeps the text', () => {
    const onLoad = vi.fn()
    render(<ImportPanel onLoad={onLoad} download={vi.fn()} />)
    const bad = DESCRIBE.replace('Partition: 1\tLeader: 3', 'Partition: one\tLeader: 3')
    fill(bad)
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toMatch(/The import failed with \d+ errors?; nothing was changed/)
    expect(within(alert).getAllByRole('listitem')[0]!.textContent).toMatch(
      /^Line 3: Partition "one" is not a number/,
    )
    expect(
      screen.getByRole<HTMLTextAreaElement>('textbox', { name: /describe output/ }).value,
    ).toBe(bad)
    expect(screen.queryByRole('button', { name: 'Confirm import' })).toBeNull()
    expect(onLoad).not.toHaveBeenCalled()
  })

  it('previews kafka-configs zones, MSK defaults and a workload, and loads only on confirm', () => {
    const onLoad = vi.fn()
    render(<ImportPanel onLoad={onLoad} download={vi.fn()} current={current()} />)
    type(/kafka-topics --describe output/, SIX)
    type(/Broker → zone map/, RACKS)
    expect(screen.getByText('Read as kafka-configs output: 6 brokers in 3 zones.')).toBeTruthy()
    const minIsr = screen.getByRole<HTMLInputElement>('textbox', { name: 'min.insync.replicas' })
    expect(minIsr.value).toBe('1')
    fireEvent.click(screen.getByRole('button', { name: 'MSK defaults' }))
    expect(minIsr.value).toBe('2')
    expect(
      screen.getByRole<HTMLInputElement>('textbox', { name: 'default.replication.factor' }).value,
    ).toBe('3')
    expect(screen.getByRole('button', { name: 'MSK defaults' }).getAttribute('aria-pressed')).toBe(
      'true',
    )
    fireEvent.click(screen.getByRole('checkbox', { name: /Add a workload/ }))
    type(/Records\/s per producer/, '40')
    fireEvent.click(screen.getByRole('button', { name: 'Import' }))

    const preview = screen.getByRole('region', { name: 'Preview' })
    expect(within(preview).getAllByRole('status')[0]!.textContent).toMatch(
      /^Ready to import describe output: 1 topic, 6 partitions on 6 brokers in 3 zones \(use1-az1, use1-az2, use1-az3\)\. Nothing has changed yet\./,
    )
    expect(preview.textContent).toContain('min.insync.replicas2 (MSK default for 3 zones)')
    expect(preview.textContent).toContain(
      '1 producer (acks=all, 40 records/s of 1,024 B each) and 1 consumer group',
    )
    expect(preview.textContent).toContain(
      'Importing replaces the current scenario “Current one” (4 brokers, 1 topic, 0 clients, 0 scripted faults), and its run (at 00:12.000) restarts',
    )
    expect(onLoad).not.toHaveBeenCalled()
    fireEvent.click(within(preview).getByRole('button', { name: 'Confirm import' }))
    expect(onLoad).toHaveBeenCalledTimes(1)
    const spec = onLoad.mock.calls[0]![0] as {
      cluster: { zones: string[]; config: Record<string, unknown> }
      clients: { id: string }[]
    }
    expect(spec.cluster.zones).toEqual(['use1-az1', 'use1-az2', 'use1-az3'])
    expect(spec.cluster.config['min.insync.replicas']).toBe(2)
    expect(spec.clients.map((c) => c.id)).toEqual(['payments-producer', 'payments-consumer'])
    expect(screen.queryByRole('region', { name: 'Preview' })).toBeNull()
    expect(screen.getByRole('status').textContent).toMatch(
      /Imported “.*”: 6 brokers in 3 zones, 2 clients/,
    )
  })

  it('retires the preview on an edit, and Cancel loads nothing', () => {
    const onLoad = vi.fn()
    render(<ImportPanel onLoad={onLoad} download={vi.fn()} />)
    fill(DESCRIBE)
    expect(screen.getByRole('region', { name: 'Preview' })).toBeTruthy()
    type(/^min\.insync\.replicas/, '3')
    expect(screen.queryByRole('region', { name: 'Preview' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Import' }))
    expect(screen.getByRole('region', { name: 'Preview' }).textContent).toContain(
      'min.insync.replicas3 (given)',
    )
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('region', { name: 'Preview' })).toBeNull()
    expect(onLoad).not.toHaveBeenCalled()
  })

  it('offers MSK numbering for an empty zone map, as an assumption', () => {
    render(<ImportPanel onLoad={vi.fn()} download={vi.fn()} />)
    type(/kafka-topics --describe output/, SIX)
    fireEvent.click(screen.getByRole('button', { name: 'Assume 3 zones' }))
    expect(screen.getByRole('note').textContent).toMatch(
      /This is an assumption, not read from the cluster/,
    )
    expect(
      screen.getByRole<HTMLTextAreaElement>('textbox', { name: /Broker → zone map/ }).disabled,
    ).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'Import' }))
    const preview = screen.getByRole('region', { name: 'Preview' })
    expect(preview.textContent).toMatch(
      /az1 \(2 brokers\), az2 \(2 brokers\), az3 \(2 brokers\); assumed from MSK's broker numbering/,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Stop assuming' }))
    expect(screen.queryByRole('note')).toBeNull()
  })

  it('generates the reassignment and re-analyses', () => {
    const download = vi.fn()
    render(<ImportPanel onLoad={vi.fn()} download={download} />)
    fill(DESCRIBE)
    expect(screen.getByText('Topics with replicas sharing a zone: orders.')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Generate reassignment JSON' }))
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: /Reassignment JSON/ })
    expect(box.readOnly).toBe(true)
    expect(JSON.parse(box.value)).toMatchObject({
      version: 1,
      partitions: [{ topic: 'orders', partition: 0 }, { partition: 1 }],
    })
    fireEvent.click(screen.getByRole('button', { name: 'Download' }))
    expect(download).toHaveBeenCalledWith({
      name: expect.stringMatching(/-reassignment\.json$/) as unknown,
      mime: 'application/json',
      data: box.value,
    })
    fireEvent.click(screen.getByRole('button', { name: 'Re-analyse' }))
    const region = screen.getByRole('region', { name: 'Re-analysis' })
    expect(within(region).getByRole('status').textContent).toMatch(
      /^Advisor before the reassignment: .* After: .*/,
    )
    expect(region.textContent).not.toContain('replicas-share-zone')
  })

  it('shows warnings, such as a missing zone map', () => {
    render(<ImportPanel onLoad={vi.fn()} download={vi.fn()} />)
    fill(DESCRIBE, '')
    expect(screen.getByText(/Zone map:/).closest('li')?.textContent).toMatch(/unknown-zone/)
  })
})

/** A reader whose answers the test gives, one read at a time. */
function fakeReader() {
  const reads: {
    kind: 'facts' | 'plan'
    inputs: ImportInputs
    signal: AbortSignal
    answer: (value: ImportFacts | ImportOutcome) => void
  }[] = []
  const read =
    (kind: 'facts' | 'plan') =>
    <T,>(inputs: ImportInputs, signal: AbortSignal) =>
      new Promise<T>((resolve) => {
        reads.push({ kind, inputs, signal, answer: (value) => resolve(value as T) })
      })
  const reader: ImportReader = { facts: read('facts'), plan: read('plan') }
  return { reader, reads, of: (kind: 'facts' | 'plan') => reads.filter((r) => r.kind === kind) }
}

function facts(brokers: number): ImportFacts {
  return {
    zoneState: null,
    offers: { counts: [3], brokers },
    resolved: configPreview(EMPTY_INPUTS),
  }
}

/** Pastes `text` into the describe box, as the clipboard hands it over. */
function paste(text: string) {
  const box = screen.getByRole('textbox', { name: /kafka-topics --describe output/ })
  fireEvent.paste(box, { clipboardData: { getData: () => text } })
}

/** Large input: anything over the panel's inline limit of 10 characters here. */
function renderLarge() {
  const fake = fakeReader()
  render(
    <ImportPanel
      onLoad={vi.fn()}
      download={vi.fn()}
      reader={fake.reader}
      inlineLimit={10}
      debounceMs={5}
    />,
  )
  return fake
}

describe('ImportPanel: a large paste', () => {
  it('is read once typing pauses; a newer paste stops the older read and drops its result', async () => {
    const { of } = renderLarge()
    paste(SIX)
    await waitFor(() => expect(of('facts')).toHaveLength(1))
    paste(`${SIX}\n`)
    const [older] = of('facts')
    expect(older!.signal.aborted).toBe(true)
    await waitFor(() => expect(of('facts')).toHaveLength(2))
    expect(of('facts')[1]!.inputs.text).toBe(`${SIX}\n`)
    of('facts')[1]!.answer(facts(6))
    expect(await screen.findByText(/Brokers 1–6 fit MSK/)).toBeTruthy()
    // The older read answers after the newer one: dropped, so its offer never shows.
    await act(async () => {
      older!.answer(facts(99))
      await Promise.resolve()
    })
    expect(screen.queryByText(/Brokers 1–99/)).toBeNull()
    expect(screen.getByText(/Brokers 1–6 fit MSK/)).toBeTruthy()
  })

  it('is imported by the reader, and the problems show the first 50 and the count', async () => {
    const { of } = renderLarge()
    paste(SIX)
    fireEvent.click(screen.getByRole('button', { name: 'Import' }))
    expect(screen.getByRole('status').textContent).toMatch(/^Reading the import \(/)
    const bad: ImportOutcome = {
      ok: false,
      format: 'describe',
      problems: Array.from({ length: 100_000 }, (_, i) => note(`line ${i + 1}`, 'bad line')),
    }
    of('plan')[0]!.answer(capOutcome(bad))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('The import failed with 100,000 errors')
    expect(within(alert).getAllByRole('listitem')).toHaveLength(50)
    expect(alert.textContent).toContain('… and 99,950 more errors, not listed.')
    expect(screen.queryByText(/Reading the import/)).toBeNull()
  })

  it('an edit while the import is read drops its late result', async () => {
    const { of } = renderLarge()
    paste(SIX)
    fireEvent.click(screen.getByRole('button', { name: 'Import' }))
    const [plan] = of('plan')
    paste(`${SIX}x`)
    expect(plan!.signal.aborted).toBe(true)
    expect(screen.queryByText(/Reading the import/)).toBeNull()
    await act(async () => {
      plan!.answer(capOutcome(importCluster(DESCRIBE, ZONES)))
      await Promise.resolve()
    })
    expect(screen.queryByRole('region', { name: 'Preview' })).toBeNull()
  })

  it('is kept out of the box: its first lines, read-only, its size, and Clear', () => {
    renderLarge()
    const lines = Array.from({ length: 500 }, (_, i) => `line ${i + 1}`).join('\n')
    paste(lines)
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: /describe output/ })
    expect(box.readOnly).toBe(true)
    expect(box.value.split('\n')).toHaveLength(20)
    expect(box.value.startsWith('line 1\nline 2\n')).toBe(true)
    expect(box.getAttribute('aria-describedby')).toBeTruthy()
    const note = document.getElementById(box.getAttribute('aria-describedby') ?? '')
    expect(note?.textContent).toContain(
      `Pasted text: ${lines.length.toLocaleString('en-US')} characters, 500 lines.`,
    )
    // Pasting again replaces the held text whole.
    paste('only this, but still long')
    expect(box.value).toBe('only this, but still long')
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }))
    expect(box.readOnly).toBe(false)
    expect(box.value).toBe('')
    expect(document.activeElement).toBe(box)
  })
})
