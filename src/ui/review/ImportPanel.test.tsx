/**
 * The import panel in jsdom: a bad describe line is listed with its line number and the pasted
 * text stays; a good import offers "Load into the simulator", generates a reassignment JSON in a
 * read-only box with Download, and re-analyses the reassigned cluster.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ImportPanel } from './ImportPanel'

afterEach(cleanup)

const ZONES = '1=use1-az1,2=use1-az1,3=use1-az2,4=use1-az3'
const DESCRIBE = `Topic: orders\tPartitionCount: 2\tReplicationFactor: 3\tConfigs: min.insync.replicas=2
\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3
\tTopic: orders\tPartition: 1\tLeader: 3\tReplicas: 3,4,1\tIsr: 3,4,1
`

function fill(text: string, zones = ZONES) {
  fireEvent.change(screen.getByRole('textbox', { name: /kafka-topics --describe output/ }), {
    target: { value: text },
  })
  fireEvent.change(screen.getByRole('textbox', { name: /Broker → zone map/ }), {
    target: { value: zones },
  })
  fireEvent.click(screen.getByRole('button', { name: 'Import' }))
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
    expect(screen.queryByRole('button', { name: 'Load into the simulator' })).toBeNull()
    expect(onLoad).not.toHaveBeenCalled()
  })

  it('imports, loads, generates the reassignment and re-analyses', () => {
    const onLoad = vi.fn()
    const download = vi.fn()
    render(<ImportPanel onLoad={onLoad} download={download} />)
    fill(DESCRIBE)
    expect(
      screen.getByText(/Imported describe output: 1 topic, 2 partitions on 4 brokers in 3 zones/),
    ).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Load into the simulator' }))
    expect(onLoad.mock.calls[0]?.[0]).toMatchObject({ topics: [{ name: 'orders', partitions: 2 }] })

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
