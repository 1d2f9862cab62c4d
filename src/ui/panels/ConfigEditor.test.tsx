/**
 * Renders ConfigEditor in jsdom on a hand-built three-zone spec and acts as a user: a bad RF shows
 * an inline message tied to its input (aria-invalid, aria-describedby) and disables "Apply and
 * restart"; fixing it re-enables Apply, which hands a rebuilt spec to onApply; shrinking the
 * zones lists the faults that applying would drop.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SimulationSpec } from '../../engine/spec'
import { ConfigEditor } from './ConfigEditor'
import { baseSpec } from './fixtures'

afterEach(cleanup)

function applyButton() {
  return screen.getByRole<HTMLButtonElement>('button', { name: 'Apply and restart' })
}

describe('ConfigEditor', () => {
  it('shows an inline error for an RF above the broker count and disables Apply', () => {
    const onApply = vi.fn()
    render(<ConfigEditor spec={baseSpec()} onApply={onApply} />)
    const rf = screen.getByLabelText('RF')
    fireEvent.change(rf, { target: { value: '4' } })

    expect(rf.getAttribute('aria-invalid')).toBe('true')
    const message = document.getElementById(rf.getAttribute('aria-describedby')!)!
    expect(message.textContent).toContain(
      'replicationFactor 4 is larger than the number of brokers (3)',
    )
    expect(applyButton().disabled).toBe(true)
    expect(screen.getByRole('status').textContent).toBe('Fix 1 problem to apply.')

    fireEvent.change(screen.getByLabelText('Brokers per zone'), {
      target: { value: '2' },
    })
    expect(rf.getAttribute('aria-invalid')).toBeNull()
    expect(applyButton().disabled).toBe(false)
    fireEvent.click(applyButton())
    expect(onApply).toHaveBeenCalledTimes(1)
    const next = onApply.mock.calls[0]![0] as SimulationSpec
    expect(next.cluster.brokers).toHaveLength(6)
    expect(next.topics[0]!.replicationFactor).toBe(4)
    expect(next.topics[0]!.assignment.every((r) => r.length === 4)).toBe(true)
  })

  it('names a bad bootstrap server at its field', () => {
    render(<ConfigEditor spec={baseSpec()} onApply={vi.fn()} />)
    const servers = screen.getByLabelText('bootstrap.servers (broker ids)')
    fireEvent.change(servers, { target: { value: '1, 9' } })
    expect(servers.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText('unknown broker 9; brokers are 1, 2, 3')).toBeTruthy()
    expect(applyButton().disabled).toBe(true)
  })

  it('lists the faults that applying a smaller cluster would drop', () => {
    const onApply = vi.fn()
    render(<ConfigEditor spec={baseSpec()} onApply={onApply} />)
    fireEvent.change(screen.getByLabelText('Zones (1–100)'), {
      target: { value: '2' },
    })
    fireEvent.change(screen.getByLabelText('RF'), { target: { value: '2' } })
    fireEvent.change(screen.getByLabelText('bootstrap.servers (broker ids)'), {
      target: { value: '1, 2' },
    })
    const notice = screen.getByRole('region', { name: 'Changes to the fault script' })
    const items = within(notice)
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(items).toContain('crashBroker at 00:30.000: unknown broker 3; brokers are 1, 2')
    expect(items).toContain(
      'stopZone at 01:00.000: unknown zone "use1-az3"; cluster.zones lists "use1-az1", "use1-az2". Did you mean "use1-az1"?',
    )
    fireEvent.click(applyButton())
    const next = onApply.mock.calls[0]![0] as SimulationSpec
    expect(next.faults.map((f) => f.type)).toEqual([
      'crashController',
      'electLeaders',
      'rollingRestart',
    ])
    expect(screen.getByRole('status').textContent).toBe(
      'Applied; the simulation restarts. 2 faults dropped.',
    )
  })

  it('offers the Kafka version, says what it changes, and names ZooKeeper on 4.1 at its field', () => {
    const onApply = vi.fn()
    render(<ConfigEditor spec={baseSpec()} onApply={onApply} />)
    const version = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Kafka version' })
    expect(version.value).toBe('3.9')
    const hint = () => document.getElementById(version.getAttribute('aria-describedby')!)!
    expect(hint().textContent).toContain('ELR off unless enabled')
    fireEvent.change(version, { target: { value: '4.1' } })
    expect(hint().textContent).toBe(
      'KRaft only · min ISR capped at RF · high watermark held under min ISR · ELR on by default · linger.ms 5',
    )
    const elr = screen.getByRole<HTMLInputElement>('checkbox', {
      name: /eligible\.leader\.replicas\.enable/,
    })
    expect(elr.checked).toBe(true)

    const mode = screen.getByRole('combobox', { name: 'Controller mode' })
    fireEvent.change(mode, { target: { value: 'zookeeper' } })
    expect(mode.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(mode.getAttribute('aria-describedby')!)!.textContent).toContain(
      'Kafka 4.1 has no ZooKeeper mode (removed in 4.0)',
    )
    expect(applyButton().disabled).toBe(true)

    fireEvent.change(mode, { target: { value: 'kraft' } })
    fireEvent.click(applyButton())
    const next = onApply.mock.calls[0]![0] as SimulationSpec
    expect(next.cluster.kafkaVersion).toBe('4.1')
    expect(next.cluster.config['eligible.leader.replicas.enable']).toBe(true)
  })

  it('gives every input a visible label', () => {
    const { container } = render(<ConfigEditor spec={baseSpec()} onApply={vi.fn()} />)
    for (const control of container.querySelectorAll('input, select')) {
      const labelled =
        control.closest('label') !== null ||
        container.querySelector(`label[for="${control.id}"]`) !== null
      expect(labelled, control.outerHTML).toBe(true)
    }
  })
})
