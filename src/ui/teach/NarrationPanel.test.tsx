/**
 * The narration panel in jsdom: it shows the current step (title, text, Kafka rule, config keys,
 * step x of n), Back and Next ask for the neighbouring step and are disabled at the ends, and the
 * last step shows the "Try it yourself" text with its "Try it: <label>" button (also in the
 * recap), a failed try's reason, and, while a variant runs, the note leading back instead.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ScenarioNarration } from '../../scenario/types'
import { NarrationPanel } from './NarrationPanel'

afterEach(cleanup)

const disabled = (element: HTMLElement) => (element as HTMLButtonElement).disabled

const narration: ScenarioNarration = {
  steps: [
    {
      atMs: 0,
      title: 'Steady state',
      text: 'One copy of everything.',
      configKeys: ['default.replication.factor'],
    },
    {
      atMs: 10_000,
      title: 'Broker 1 is patched',
      text: 'Two partitions go offline.',
      rule: 'Only a replica can lead (PartitionChangeBuilder.electLeader).',
      configKeys: ['controlled.shutdown.enable'],
      checkpoint: true,
    },
    { atMs: 36_000, title: 'Broker 1 is back', text: 'Partitions return.' },
  ],
  tryIt: 'Set replicationFactor to 3 and replay.',
}

function Controlled({ onStepChange }: { onStepChange: (index: number) => void }) {
  const [index, setIndex] = useState(0)
  return (
    <NarrationPanel
      title="RF 1 during a rolling update"
      narration={narration}
      stepIndex={index}
      nextCheckpointMs={10_000}
      onStepChange={(next) => {
        onStepChange(next)
        setIndex(next)
      }}
    />
  )
}

describe('NarrationPanel', () => {
  it('steps through the narration with Next and Back', () => {
    const onStepChange = vi.fn()
    render(<Controlled onStepChange={onStepChange} />)
    const panel = screen.getByRole('region', { name: 'Narration' })
    const back = within(panel).getByRole('button', { name: 'Back' })
    const next = within(panel).getByRole('button', { name: 'Next' })
    expect(within(panel).getByText(/Step 1 of 3/)).toBeTruthy()
    expect(within(panel).getByRole('heading', { name: 'Steady state' })).toBeTruthy()
    expect(within(panel).getByText('default.replication.factor')).toBeTruthy()
    expect(within(panel).getByText('Next pause at 00:10.000')).toBeTruthy()
    expect(disabled(back)).toBe(true)

    fireEvent.click(next)
    expect(onStepChange).toHaveBeenLastCalledWith(1)
    expect(within(panel).getByText(/Step 2 of 3 · at 00:10.000 · checkpoint/)).toBeTruthy()
    expect(within(panel).getByText('Two partitions go offline.')).toBeTruthy()
    expect(within(panel).getByText(/PartitionChangeBuilder.electLeader/).textContent).toMatch(
      /^Kafka rule: /,
    )
    expect(within(panel).getByText('controlled.shutdown.enable')).toBeTruthy()
    expect(within(panel).queryByText('Try it yourself')).toBeNull()

    fireEvent.click(next)
    expect(within(panel).getByText('Try it yourself')).toBeTruthy()
    expect(within(panel).getByText('Set replicationFactor to 3 and replay.')).toBeTruthy()
    expect(disabled(next)).toBe(true)

    fireEvent.click(back)
    expect(onStepChange).toHaveBeenLastCalledWith(1)
    expect(within(panel).getByRole('heading', { name: 'Broker 1 is patched' })).toBeTruthy()
  })

  it('shows the first step before its time and clamps past the end', () => {
    const { rerender } = render(
      <NarrationPanel title="t" narration={narration} stepIndex={-1} onStepChange={vi.fn()} />,
    )
    expect(screen.getByRole('heading', { name: 'Steady state' })).toBeTruthy()
    rerender(
      <NarrationPanel title="t" narration={narration} stepIndex={9} onStepChange={vi.fn()} />,
    )
    expect(screen.getByRole('heading', { name: 'Broker 1 is back' })).toBeTruthy()
  })

  it('offers Close narration when given onClose', () => {
    const onClose = vi.fn()
    render(
      <NarrationPanel
        title="t"
        narration={{ steps: [] }}
        stepIndex={0}
        onStepChange={vi.fn()}
        onClose={onClose}
      />,
    )
    expect(screen.getByText('This scenario has no narration steps.')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Close narration' }))
    expect(onClose).toHaveBeenCalled()
  })

  it('ends on the recap card: what happened, Try it, Replay and another scenario', () => {
    const onStepChange = vi.fn()
    const onReplay = vi.fn()
    const onChooseAnother = vi.fn()
    render(
      <NarrationPanel
        title="t"
        narration={narration}
        stepIndex={2}
        onStepChange={onStepChange}
        end={{
          durationMs: 180_000,
          recaps: [
            {
              fault: { type: 'crashBroker', broker: 1, atMs: 3_100 },
              atMs: 3_100,
              brokers: [1],
              worst: { partition: 'orders-0', stallMs: 8_700 },
              partitionsTouched: 3,
              detectedAtMs: 11_000,
              detection: 'BrokerFenced',
              leadersMovedAtMs: 11_000,
              newLeaders: [2],
              elections: { clean: 1, unclean: 0, elr: 0 },
              retriedRecords: 260,
              failedRecords: 0,
              lostAckedRecords: 0,
              writes: 'resumed',
              recoveredAtMs: 11_300,
              steps: null,
            },
          ],
        }}
        onReplay={onReplay}
        onChooseAnother={onChooseAnother}
      />,
    )
    expect(screen.getByText(/End of the scenario at 03:00/)).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'What happened' })).toBeTruthy()
    const item = screen.getByRole('listitem')
    expect(item.textContent).toContain('00:03.1 broker 1 crashed')
    expect(item.textContent).toContain('clients could not write to orders-0 for 8.7 s')
    expect(item.textContent).toContain('0 acknowledged records lost')
    expect(screen.getByText('Set replicationFactor to 3 and replay.')).toBeTruthy()
    expect(disabled(screen.getByRole('button', { name: 'Next' }))).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'Back' }))
    expect(onStepChange).toHaveBeenCalledWith(2)
    fireEvent.click(screen.getByRole('button', { name: 'Replay' }))
    fireEvent.click(screen.getByRole('button', { name: 'Choose another scenario' }))
    expect(onReplay).toHaveBeenCalledTimes(1)
    expect(onChooseAnother).toHaveBeenCalledTimes(1)
  })

  it('says so when no fault hit the cluster', () => {
    render(
      <NarrationPanel
        title="t"
        narration={narration}
        stepIndex={2}
        onStepChange={vi.fn()}
        end={{ durationMs: 60_000, recaps: [] }}
      />,
    )
    expect(screen.getByText('No fault hit the cluster in this run.')).toBeTruthy()
  })
})

describe('NarrationPanel: predict before playing', () => {
  it("shows the step's question, and Next asks for the step that answers it", () => {
    const onStepChange = vi.fn()
    render(
      <NarrationPanel
        title="AZ loss"
        narration={{
          steps: [
            { atMs: 0, title: 'Layout', text: 'Three AZs.', predict: 'Will orders stay writable?' },
            { atMs: 30_000, title: 'use1-az1 goes dark', text: 'Two brokers stop.' },
          ],
        }}
        stepIndex={0}
        nextCheckpointMs={null}
        onStepChange={onStepChange}
      />,
    )
    const question = screen.getByRole('group', { name: 'Predict' })
    expect(within(question).getByText('Will orders stay writable?')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    expect(onStepChange).toHaveBeenCalledWith(1)
  })
})

describe('NarrationPanel: Try it loads the variant', () => {
  const recapsNone = { durationMs: 60_000, recaps: [] }
  const offer = (more: { pending?: boolean; error?: string | null } = {}) => ({
    label: 'set replicationFactor to 3',
    onTry: vi.fn(),
    ...more,
  })

  it('offers "Try it: <label>" on the last step only, and calls onTry', () => {
    const tryIt = offer()
    const { rerender } = render(
      <NarrationPanel
        title="t"
        narration={narration}
        stepIndex={1}
        onStepChange={vi.fn()}
        tryItOffer={tryIt}
      />,
    )
    expect(screen.queryByRole('button', { name: /^Try it:/ })).toBeNull()
    rerender(
      <NarrationPanel
        title="t"
        narration={narration}
        stepIndex={2}
        onStepChange={vi.fn()}
        tryItOffer={tryIt}
      />,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Try it: set replicationFactor to 3' }))
    expect(tryIt.onTry).toHaveBeenCalledTimes(1)
    expect(screen.getByRole('heading', { name: 'Try it yourself' })).toBeTruthy()
  })

  it('offers it in the recap too, disabled while pending, with the reason a try failed', () => {
    const { rerender } = render(
      <NarrationPanel
        title="t"
        narration={narration}
        stepIndex={2}
        onStepChange={vi.fn()}
        end={recapsNone}
        tryItOffer={offer({ pending: true })}
      />,
    )
    const button = screen.getByRole('button', { name: 'Try it: set replicationFactor to 3' })
    expect(disabled(button)).toBe(true)
    expect(screen.queryByRole('alert')).toBeNull()
    rerender(
      <NarrationPanel
        title="t"
        narration={narration}
        stepIndex={2}
        onStepChange={vi.fn()}
        end={recapsNone}
        tryItOffer={offer({
          error: 'The variant could not be loaded: topics[0].replicationFactor: too big',
        })}
      />,
    )
    expect(disabled(screen.getByRole('button', { name: /^Try it:/ }))).toBe(false)
    expect(screen.getByRole('alert').textContent).toBe(
      'The variant could not be loaded: topics[0].replicationFactor: too big',
    )
  })

  it('shows no button for a scenario without a variant', () => {
    render(<NarrationPanel title="t" narration={narration} stepIndex={2} onStepChange={vi.fn()} />)
    expect(screen.getByText('Set replicationFactor to 3 and replay.')).toBeTruthy()
    expect(screen.queryByRole('button', { name: /^Try it/ })).toBeNull()
  })

  it('in the variant: a note on every step leads back, and no variant of the variant is offered', () => {
    const onBack = vi.fn()
    const props = {
      title: 't — variant',
      narration,
      onStepChange: vi.fn(),
      tryItOffer: offer(),
      variant: { label: 'set replicationFactor to 3', onBack },
    }
    const { rerender } = render(<NarrationPanel {...props} stepIndex={0} />)
    const note = screen.getByRole('group', { name: 'Variant' })
    expect(note.textContent).toContain('Variant: set replicationFactor to 3.')
    expect(note.textContent).toContain('The steps narrate the original scenario')
    fireEvent.click(within(note).getByRole('button', { name: 'Back to the original' }))
    expect(onBack).toHaveBeenCalledTimes(1)
    rerender(<NarrationPanel {...props} stepIndex={2} />)
    expect(screen.getByRole('heading', { name: 'In this variant' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: /^Try it/ })).toBeNull()
    rerender(<NarrationPanel {...props} stepIndex={2} end={recapsNone} />)
    expect(screen.getByRole('heading', { name: 'What happened' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Back to the original' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: /^Try it/ })).toBeNull()
  })
})
