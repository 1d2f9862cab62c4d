/**
 * The narration of a guided scenario beside the run: the current step's title and text, the
 * Kafka rule at work and the config keys involved, "Step x of n" with Back and Next, and on the
 * last step the closing "Try it yourself" suggestion. Controlled: `NarrationDock` passes the step
 * index (from `narrationPosition` at the current sim time) and seeks when the user moves.
 */
import { formatSimTime } from '../../scenario/sim-time'
import type { ScenarioNarration } from '../../scenario/types'
import { orderedSteps } from './narration'

export interface NarrationPanelProps {
  /** The guided scenario's title. */
  title: string
  narration: ScenarioNarration
  /** The current step; -1 (before the first step) shows the first step. */
  stepIndex: number
  /** Back and Next: the caller seeks the run to `steps[index].atMs`. */
  onStepChange: (index: number) => void
  /** The next time playback pauses, shown as a hint. */
  nextCheckpointMs?: number | null
  onClose?: () => void
}

export function NarrationPanel({
  title,
  narration,
  stepIndex,
  onStepChange,
  nextCheckpointMs = null,
  onClose,
}: NarrationPanelProps) {
  const steps = orderedSteps(narration)
  const index = Math.max(0, Math.min(steps.length - 1, stepIndex))
  const step = steps[index]
  const last = index === steps.length - 1
  const tryIt = narration.tryIt ?? ''

  return (
    <section
      aria-label="Narration"
      className="rounded border border-border bg-panel p-3 text-sm [overflow-wrap:anywhere]"
    >
      <header className="mb-2 flex items-start gap-2">
        <h2 className="min-w-0 flex-1 font-semibold">{title}</h2>
        {onClose !== undefined && (
          <button type="button" className="btn shrink-0 text-xs" onClick={onClose}>
            Close narration
          </button>
        )}
      </header>
      {step === undefined ? (
        <p>This scenario has no narration steps.</p>
      ) : (
        <div aria-live="polite" className="flex flex-col gap-2">
          <p className="text-xs text-muted">
            Step {index + 1} of {steps.length} · at {formatSimTime(step.atMs)}
            {step.checkpoint === true && ' · checkpoint: playback pauses here'}
          </p>
          <h3 className="font-semibold">{step.title}</h3>
          <p>{step.text}</p>
          {step.rule !== undefined && step.rule !== '' && (
            <p className="border-l-4 border-elr pl-2">
              <span className="font-semibold">Kafka rule: </span>
              {step.rule}
            </p>
          )}
          {step.configKeys !== undefined && step.configKeys.length > 0 && (
            <p className="flex flex-wrap items-center gap-1">
              <span className="font-semibold">Config keys:</span>
              {step.configKeys.map((key) => (
                <code key={key} className="rounded bg-bg px-1 text-xs">
                  {key}
                </code>
              ))}
            </p>
          )}
          {last && tryIt !== '' && (
            <div className="rounded border border-ok p-2">
              <h3 className="font-semibold">Try it yourself</h3>
              <p>{tryIt}</p>
            </div>
          )}
        </div>
      )}
      <div className="mt-3 flex items-center gap-2">
        <button
          type="button"
          className="btn"
          disabled={index <= 0}
          onClick={() => onStepChange(index - 1)}
        >
          Back
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={last}
          onClick={() => onStepChange(index + 1)}
        >
          Next
        </button>
        {nextCheckpointMs !== null && (
          <span className="ml-auto text-xs text-muted">
            Next pause at {formatSimTime(nextCheckpointMs)}
          </span>
        )}
      </div>
    </section>
  )
}
