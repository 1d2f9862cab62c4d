/**
 * The toolbar's line about the last Step. Step runs the simulation to the next logged event, and
 * on a quiet cluster that can be a minute away (the host looks at most that far ahead), so a jump
 * longer than a second gets a sentence saying how far it went and why; a short step needs none.
 */
import { formatSimTime } from '../scenario/sim-time'
import type { StepOutcome } from '../store/slices/playback-slice'
import { t } from './i18n/runtime'

/** Jumps up to this long read as "the next moment" and get no explanation. */
export const STEP_HINT_MIN_MS = 1000

/**
 * @example
 * stepStatusText({ fromMs: 74, toMs: 120_074, events: 2 })
 * // 'Stepped 02:00.000 ahead to the next event, at 02:00.074 (nothing happened in between).'
 */
export function stepStatusText(step: StepOutcome | null): string | null {
  if (step === null) return null
  const jumpMs = step.toMs - step.fromMs
  if (jumpMs <= STEP_HINT_MIN_MS) return null
  const jump = formatSimTime(jumpMs)
  const time = formatSimTime(step.toMs)
  return t(step.events === 0 ? 'step.quiet' : 'step.toEvent', { jump, time })
}
