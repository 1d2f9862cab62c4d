/**
 * The import panel in jsdom: a bad describe line is listed with its line number, the pasted text
 * stays and nothing loads; a good import shows a preview (brokers, zones, configs with their
 * sources, clients, what the current scenario loses) and loads only on "Confirm import"; "MSK
 * defaults" fills the config fields for the zone count the kafka-configs output gives; an edit
 * retires a stale preview; MSK's numbering is offered for an empty zone map and marked as an
 * assumption; the zone repair generates a reassignment JSON with Download and re-analyses.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { describeOutput, kafkaConfigsOutput } from '../../scenario/import-fixtures'
import { ImportPanel } from './ImportPanel'
import { importCluster } from './import-cluster'

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
