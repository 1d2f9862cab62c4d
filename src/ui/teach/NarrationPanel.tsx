/**
 * The narration of a guided scenario beside the run: the current step's title and text, the
 * Kafka rule at work and the config keys involved, "Step x of n" with Back and Next, and on the
 * last step the closing "Try it yourself" suggestion with its "Try it: <label>" button. While a
 * variant runs, a note above the steps says so and leads back to the original. Controlled:
 * `NarrationDock` passes the step index (from `narrationPosition` at the current sim time) and
 * seeks when the user moves.
 */
import type { IncidentRecap } from '../../analysis/incident'
import { formatSimTime } from '../../scenario/sim-time'
import type { ScenarioNarration } from '../../scenario/types'
import { useT } from '../i18n/react'
import { orderedSteps } from './narration'
import { RecapCard } from './RecapCard'
import { TryItBox, type TryItOffer } from './TryItBox'
import { type VariantBack, VariantNote } from './VariantNote'

/** The run has reached the scenario's end: the panel shows the recap as its final card. */
export interface NarrationEnd {
  durationMs: number
  recaps: readonly IncidentRecap[]
}

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
  /** Set once the run reaches the scenario's `durationMs`. */
  end?: NarrationEnd | null
  onReplay?: () => void
  onChooseAnother?: () => void
  /** The scenario's variant, offered on the last step and in the recap. */
  tryItOffer?: TryItOffer | null
  /** Set while this run is a variant: its label and the way back. */
  variant?: VariantBack | null
}

export function NarrationPanel({
  title,
  narration,
  stepIndex,
  onStepChange,
  nextCheckpointMs = null,
  onClose,
  end = null,
  onReplay,
  onChooseAnother,
  tryItOffer = null,
  variant = null,
}: NarrationPanelProps) {
  const t = useT()
  const steps = orderedSteps(narration)
  const index = Math.max(0, Math.min(steps.length - 1, stepIndex))
  const step = steps[index]
  const last = index === steps.length - 1
  const tryIt = narration.tryIt ?? ''
  // A variant offers no variant of its own: its note leads back instead.
  const offer = variant === null ? tryItOffer : null
  // At the end, Back returns to the last step; before it, Back goes one step back.
  const backTo = end !== null ? index : index - 1

  return (
    <section
      aria-label={t('narration.label')}
      className="rounded border border-border bg-panel p-3 text-sm [overflow-wrap:anywhere]"
    >
      <header className="mb-2 flex items-start gap-2">
        <h2 className="min-w-0 flex-1 font-semibold">{title}</h2>
        {onClose !== undefined && (
          <button type="button" className="btn shrink-0 text-xs" onClick={onClose}>
            {t('narration.close')}
          </button>
        )}
      </header>
      {variant !== null && <VariantNote {...variant} />}
      {end !== null ? (
        <div aria-live="polite">
          <RecapCard
            durationMs={end.durationMs}
            recaps={end.recaps}
            tryIt={tryIt}
            tryItOffer={offer}
            isVariant={variant !== null}
            onReplay={onReplay}
            onChooseAnother={onChooseAnother}
          />
        </div>
      ) : step === undefined ? (
        <p>{t('narration.noSteps')}</p>
      ) : (
        <div aria-live="polite" className="flex flex-col gap-2">
          <p className="text-xs text-muted">
            {t('narration.position', {
              step: index + 1,
              total: steps.length,
              time: formatSimTime(step.atMs),
            })}
            {step.checkpoint === true && t('narration.checkpoint')}
          </p>
          <h3 className="font-semibold">{step.title}</h3>
          <p>{step.text}</p>
          {step.rule !== undefined && step.rule !== '' && (
            <p className="border-l-4 border-elr pl-2">
              <span className="font-semibold">{`${t('narration.rule')} `}</span>
              {step.rule}
            </p>
          )}
          {step.configKeys !== undefined && step.configKeys.length > 0 && (
            <p className="flex flex-wrap items-center gap-1">
              <span className="font-semibold">{t('narration.configKeys')}</span>
              {step.configKeys.map((key) => (
                <code key={key} className="rounded bg-bg px-1 text-xs">
                  {key}
                </code>
              ))}
            </p>
          )}
          {step.predict !== undefined && !last && (
            <div
              role="group"
              aria-label={t('narration.predict')}
              className="rounded border border-leader p-2"
            >
              <h3 className="font-semibold">{t('narration.predictTitle')}</h3>
              <p>{step.predict}</p>
              <p className="mt-1 text-xs text-muted">{t('narration.predictHint')}</p>
            </div>
          )}
          {last && <TryItBox text={tryIt} offer={offer} isVariant={variant !== null} />}
        </div>
      )}
      <div className="mt-3 flex items-center gap-2">
        <button
          type="button"
          className="btn"
          disabled={backTo < 0 || step === undefined}
          onClick={() => onStepChange(backTo)}
        >
          {t('common.back')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={last || end !== null}
          onClick={() => onStepChange(index + 1)}
        >
          {t('common.next')}
        </button>
        {nextCheckpointMs !== null && (
          <span className="ml-auto text-xs text-muted">
            {t('narration.nextPause', { time: formatSimTime(nextCheckpointMs) })}
          </span>
        )}
      </div>
    </section>
  )
}
