/**
 * A labelled form control with its inline problems, each rendered by the scenario format's
 * renderer. The messages are linked to the control with aria-describedby and the control is
 * marked aria-invalid, so a screen reader reads the problems with the field; each message also
 * starts with a warning sign, not only red text.
 */
import { type CSSProperties, Fragment, type ReactNode, useId } from 'react'
import { renderProblem, type Problem } from '../../scenario/messages'

export interface FieldControlProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

interface FieldProps {
  label: string
  problems: readonly Problem[] | undefined
  /** Extra explanation shown under the control. */
  hint?: string
  children: (control: FieldControlProps) => ReactNode
}

/**
 * A label with a line-break opportunity (`<wbr>`) after each dot, so a Kafka key wraps where a
 * reader expects it ("unclean.leader." / "election.enable"), never mid-word; the text itself is
 * unchanged. Only a single segment wider than its column still breaks inside it (the label's
 * `overflow-wrap: anywhere`, the last resort).
 */
export function breakAtDots(text: string): ReactNode {
  const parts = text.split('.')
  if (parts.length === 1) return text
  return parts.map((part, i) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          .<wbr />
        </>
      )}
    </Fragment>
  ))
}

/**
 * The columns of a grid of fields, each at least wide enough for the longest option of the
 * grid's selects (`ch` of the control's font, plus room for padding and the arrow) and never
 * below `minRem`, nor wider than the grid itself, so a phone shows one column instead of a
 * truncated select.
 */
export function fieldGridStyle(longestOption: number, minRem = 10): CSSProperties {
  const track = `min(100%, max(${minRem}rem, calc(${longestOption}ch + 2.75rem)))`
  return { gridTemplateColumns: `repeat(auto-fill, minmax(${track}, 1fr))` }
}

/** The length of the longest of some option labels (for `fieldGridStyle`). */
export function longestLabel(labels: readonly string[]): number {
  return labels.reduce((max, label) => Math.max(max, label.length), 0)
}

export const INPUT_CLASS =
  'w-full rounded border border-border bg-panel px-2 py-1 aria-invalid:border-danger'

export function Field({ label, problems, hint, children }: FieldProps) {
  const id = useId()
  const error = problems === undefined || problems.length === 0 ? undefined : problems
  const errorId = `${id}-error`
  const hintId = `${id}-hint`
  const describedBy = [error === undefined ? null : errorId, hint === undefined ? null : hintId]
    .filter((x) => x !== null)
    .join(' ')
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-medium [overflow-wrap:anywhere]">
        {breakAtDots(label)}
      </label>
      {children({
        id,
        'aria-invalid': error === undefined ? undefined : true,
        'aria-describedby': describedBy === '' ? undefined : describedBy,
      })}
      {hint !== undefined && (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {error !== undefined && (
        <div id={errorId} className="text-xs text-danger">
          {error.map((problem, i) => (
            <p key={i}>
              <span aria-hidden="true">⚠ </span>
              {renderProblem(problem)}
            </p>
          ))}
        </div>
      )}
    </div>
  )
}
