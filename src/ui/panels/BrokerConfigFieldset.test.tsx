/**
 * The editor's cluster-wide configs (issue 17): min.insync.replicas and
 * default.replication.factor sit with the other broker configs; a topic showing the cluster's
 * old min.insync.replicas follows a change of it while a topic with another value keeps it, and
 * Apply writes both configs into the spec. Choosing an Express broker type shows its fixed values
 * (min.insync.replicas 2, default.replication.factor 3) in those fields, so applying raises no
 * problem.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SimulationSpec } from '../../engine/spec'
import { ConfigEditor } from './ConfigEditor'
import { baseSpec } from './fixtures'

afterEach(cleanup)

function brokerConfigs() {
  return within(screen.getByRole('group', { name: 'Broker configs' }))
}

function topicMinIsr(): HTMLInputElement[] {
  const topics = within(screen.getByRole('group', { name: /^Topics/ }))
  return topics.getAllByLabelText<HTMLInputElement>('min.insync.replicas')
}

describe('the cluster-wide configs in the editor', () => {
  it('edits min.insync.replicas and default.replication.factor; topics at the old value follow', () => {
    const spec = baseSpec()
    spec.topics.push({
      ...structuredClone(spec.topics[0]!),
      name: 'audit',
      config: { 'min.insync.replicas': 1 },
    })
    const onApply = vi.fn()
    render(<ConfigEditor spec={spec} onApply={onApply} />)
    const minIsr = brokerConfigs().getByLabelText<HTMLInputElement>('min.insync.replicas')
    const defaultRf = brokerConfigs().getByLabelText<HTMLInputElement>('default.replication.factor')
    expect(minIsr.value).toBe('2')
    expect(defaultRf.value).toBe('1')
    expect(topicMinIsr().map((i) => i.value)).toEqual(['2', '1'])
    fireEvent.change(minIsr, { target: { value: '3' } })
    fireEvent.change(defaultRf, { target: { value: '3' } })
    // orders showed the cluster's 2 and follows; audit had its own 1 and keeps it.
    expect(topicMinIsr().map((i) => i.value)).toEqual(['3', '1'])
    fireEvent.click(screen.getByRole('button', { name: 'Apply and restart' }))
    const applied = onApply.mock.calls[0]![0] as SimulationSpec
    expect(applied.cluster.config['min.insync.replicas']).toBe(3)
    expect(applied.cluster.config['default.replication.factor']).toBe(3)
    expect(applied.topics.map((t) => t.config['min.insync.replicas'])).toEqual([3, 1])
  })

  it('names a value the reader refuses at its field', () => {
    render(<ConfigEditor spec={baseSpec()} onApply={vi.fn()} />)
    const defaultRf = brokerConfigs().getByLabelText<HTMLInputElement>('default.replication.factor')
    fireEvent.change(defaultRf, { target: { value: '0' } })
    expect(defaultRf.getAttribute('aria-invalid')).toBe('true')
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Apply and restart' }).disabled,
    ).toBe(true)
  })

  it('shows an Express type’s fixed values when it is chosen', () => {
    const spec = baseSpec()
    spec.cluster.config['min.insync.replicas'] = 1
    spec.topics[0]!.config['min.insync.replicas'] = 2
    const onApply = vi.fn()
    render(<ConfigEditor spec={spec} onApply={onApply} />)
    fireEvent.change(screen.getByRole('combobox', { name: 'Broker type' }), {
      target: { value: 'express.m7g.large' },
    })
    expect(brokerConfigs().getByLabelText<HTMLInputElement>('min.insync.replicas').value).toBe('2')
    expect(
      brokerConfigs().getByLabelText<HTMLInputElement>('default.replication.factor').value,
    ).toBe('3')
    fireEvent.click(screen.getByRole('button', { name: 'Apply and restart' }))
    const applied = onApply.mock.calls[0]![0] as SimulationSpec
    expect(applied.cluster.config['min.insync.replicas']).toBe(2)
    expect(applied.cluster.config['default.replication.factor']).toBe(3)
  })
})
