/**
 * Renders ConfigEditor in jsdom on a hand-built three-zone spec and acts as a user: a bad RF shows
 * an inline message tied to its input (aria-invalid, aria-describedby) and disables "Apply and
 * restart"; fixing it re-enables Apply, which hands a rebuilt spec to onApply; shrinking the
 * zones lists the faults that applying would drop. The capacity part: choosing an MSK broker
 * type shows its published limits (and "not published" where AWS gives none), Express hides the
 * volume, Custom asks for its limits, producers take a record size, and a bad value is named at
 * its field.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SimulationSpec } from '../../engine/spec'
import { ConfigEditor } from './ConfigEditor'
import { baseSpec, capacitySpec } from './fixtures'

afterEach(cleanup)

function applyButton() {
  return screen.getByRole<HTMLButtonElement>('button', { name: 'Apply and restart' })
}

function brokerType() {
  return screen.getByRole<HTMLSelectElement>('combobox', { name: 'Broker type' })
}

/** The published limits beside the broker-type select, as "term: value" lines. */
function limitLines(type: string) {
  const region = screen.getByRole('region', { name: `Published limits of ${type}` })
  const terms = within(region).getAllByRole('term')
  return terms.map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`)
}

/** The problems shown with a control (its aria-describedby), or null when it has none. */
function problemsOf(control: HTMLElement) {
  if (control.getAttribute('aria-invalid') !== 'true') return null
  const ids = control.getAttribute('aria-describedby')!.split(' ')
  return document.getElementById(ids[0]!)!.textContent
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

  it("gives every input a visible label, with each broker type's fields shown", () => {
    const { container } = render(<ConfigEditor spec={baseSpec()} onApply={vi.fn()} />)
    const checkLabels = () => {
      for (const control of container.querySelectorAll('input, select')) {
        const labelled =
          control.closest('label') !== null ||
          container.querySelector(`label[for="${control.id}"]`) !== null
        expect(labelled, control.outerHTML).toBe(true)
      }
    }
    checkLabels()
    for (const type of ['custom', 'kafka.m5.large']) {
      fireEvent.change(brokerType(), { target: { value: type } })
      checkLabels()
    }
  })
})

describe('ConfigEditor: broker type, storage and record size', () => {
  it('offers None, the Standard and Express types in their groups, and Custom', () => {
    render(<ConfigEditor spec={baseSpec()} onApply={vi.fn()} />)
    const select = brokerType()
    expect(select.value).toBe('none')
    expect(select.options[0]!.textContent).toBe('None (no capacity model)')
    const groups = [...select.querySelectorAll('optgroup')].map((g) => [
      g.label,
      g.querySelectorAll('option').length,
      g.querySelector('option')!.value,
    ])
    expect(groups).toEqual([
      ['Standard', 16, 'kafka.t3.small'],
      ['Express', 7, 'express.m7g.large'],
    ])
    expect(select.options[select.options.length - 1]!.value).toBe('custom')
    expect(screen.queryByLabelText('Volume (GiB)')).toBeNull()
  })

  it("shows kafka.m5.large's published limits with their AWS sources, and its volume fields", () => {
    render(<ConfigEditor spec={baseSpec()} onApply={vi.fn()} />)
    fireEvent.change(brokerType(), { target: { value: 'kafka.m5.large' } })
    expect(limitLines('kafka.m5.large')).toEqual([
      'vCPUs: 2',
      'Memory: 8 GiB',
      'Network, baseline: 0.75 Gbps, bursts to 10 Gbps on credits',
      'Storage throughput: 250 MiB/s default',
      'Provisioned throughput: cannot provision',
      'Partitions, recommended: 1000 per broker',
      'Partitions, max: 1500 per broker',
    ])
    const region = screen.getByRole('region', { name: 'Published limits of kafka.m5.large' })
    expect(
      within(region)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Amazon EC2 User Guide: General purpose instances (vCPUs, memory, baseline and burst bandwidth), archived 2023-06-15',
      'Amazon MSK Developer Guide: Manage storage throughput for Standard brokers',
      'Amazon MSK Developer Guide: Best practices for Standard brokers (partitions per broker, CPU under 60%)',
    ])
    expect(screen.getByLabelText('Volume (GiB)')).toBeTruthy()
    expect(screen.getByLabelText('Provisioned storage throughput (MiB/s)')).toBeTruthy()
  })

  it('names provisioned throughput on kafka.m5.large and a 0 GiB volume at their fields', () => {
    render(<ConfigEditor spec={baseSpec()} onApply={vi.fn()} />)
    fireEvent.change(brokerType(), { target: { value: 'kafka.m5.large' } })
    const volume = screen.getByLabelText('Volume (GiB)')
    const throughput = screen.getByLabelText('Provisioned storage throughput (MiB/s)')
    fireEvent.change(volume, { target: { value: '0' } })
    expect(problemsOf(volume)).toBe('⚠ must be at least 1 (got 0)')
    expect(applyButton().disabled).toBe(true)
    fireEvent.change(volume, { target: { value: '100' } })
    fireEvent.change(throughput, { target: { value: '500' } })
    expect(problemsOf(volume)).toBeNull()
    expect(problemsOf(throughput)).toContain(
      'kafka.m5.large cannot have provisioned storage throughput',
    )
    expect(screen.getByRole('status').textContent).toBe('Fix 1 problem to apply.')
  })

  it('shows an Express type\'s sustained throughput, "not published" figures, and hides the volume', () => {
    const onApply = vi.fn()
    render(<ConfigEditor spec={capacitySpec()} onApply={onApply} />)
    expect(screen.getByLabelText<HTMLInputElement>('Volume (GiB)').value).toBe('1000')
    fireEvent.change(brokerType(), { target: { value: 'express.m7g.large' } })
    expect(limitLines('express.m7g.large')).toEqual([
      'Ingress, sustained: 15.6 MBps recommended max',
      'Egress, sustained: 31.2 MBps recommended max',
      'vCPUs: not published',
      'Memory: not published',
      'Network, baseline: not published',
      'Partitions, recommended: not published',
      'Partitions, max: not published',
      'Storage: managed by MSK',
      'Fixed settings: RF 3, min.insync.replicas 2, unclean election off, 3 AZs',
    ])
    expect(screen.queryByLabelText('Volume (GiB)')).toBeNull()
    expect(screen.queryByLabelText('Provisioned storage throughput (MiB/s)')).toBeNull()
    fireEvent.click(applyButton())
    const next = onApply.mock.calls[0]![0] as SimulationSpec
    expect(next.cluster.brokerType).toBe('express.m7g.large')
    expect(next.cluster.storage).toBeUndefined()
  })

  it('keeps the volume typed for a Standard type while Express is tried', () => {
    render(<ConfigEditor spec={capacitySpec()} onApply={vi.fn()} />)
    fireEvent.change(brokerType(), { target: { value: 'express.m7g.large' } })
    fireEvent.change(brokerType(), { target: { value: 'kafka.m7g.4xlarge' } })
    expect(screen.getByLabelText<HTMLInputElement>('Volume (GiB)').value).toBe('1000')
    expect(
      screen.getByLabelText<HTMLInputElement>('Provisioned storage throughput (MiB/s)').value,
    ).toBe('400')
  })

  it('names an Express fixed setting at its field: RF 2 on express.m7g.large', () => {
    render(<ConfigEditor spec={baseSpec()} onApply={vi.fn()} />)
    fireEvent.change(brokerType(), { target: { value: 'express.m7g.large' } })
    expect(applyButton().disabled).toBe(false)
    const rf = screen.getByLabelText('RF')
    fireEvent.change(rf, { target: { value: '2' } })
    expect(problemsOf(rf)).toContain(
      'express.m7g.large is an Express broker, which fixes replicationFactor at 3 (got 2)',
    )
  })

  it('asks a custom type for its limits, naming vCPUs as required, and applies them', () => {
    const onApply = vi.fn()
    render(<ConfigEditor spec={baseSpec()} onApply={onApply} />)
    fireEvent.change(brokerType(), { target: { value: 'custom' } })
    expect(screen.queryByRole('region', { name: /Published limits/ })).toBeNull()
    const vcpus = screen.getByLabelText('vCPUs')
    const network = screen.getByLabelText('Network (MiB/s, each direction)')
    for (const label of [
      'Volume throughput (MiB/s)',
      'Recommended partitions per broker',
      'Max partitions per broker',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy()
    }
    fireEvent.change(network, { target: { value: '500' } })
    expect(problemsOf(vcpus)).toBe('⚠ is required')
    expect(problemsOf(network)).toBeNull()
    expect(screen.getByRole('status').textContent).toBe('Fix 1 problem to apply.')
    fireEvent.change(vcpus, { target: { value: '8' } })
    fireEvent.change(screen.getByLabelText('Volume (GiB)'), { target: { value: '2000' } })
    fireEvent.click(applyButton())
    const next = onApply.mock.calls[0]![0] as SimulationSpec
    expect(next.cluster.brokerType).toBe('custom')
    expect(next.cluster.brokerLimits).toEqual({ vcpus: 8, networkMiBps: 500 })
    expect(next.cluster.storage).toEqual({ volumeGiB: 2000 })
  })

  it("sets a producer's record size, empty meaning the default 1024", () => {
    const onApply = vi.fn()
    render(<ConfigEditor spec={baseSpec()} onApply={onApply} />)
    const size = screen.getByLabelText<HTMLInputElement>('Record size (bytes)')
    expect(size.value).toBe('')
    expect(document.getElementById(size.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Optional; empty: 1024',
    )
    fireEvent.change(size, { target: { value: '0' } })
    expect(problemsOf(size)).toBe('⚠ must be at least 1 (got 0)')
    fireEvent.change(size, { target: { value: '4096' } })
    fireEvent.click(applyButton())
    const next = onApply.mock.calls[0]![0] as SimulationSpec
    const producer = next.clients[0]!
    expect(producer.kind === 'producer' && producer.recordBytes).toBe(4096)
  })
})
