/**
 * The review's verdict, above the survivability matrix: one headline (✓ survives, ▲ at risk, ✖
 * does not survive a single broker or zone, in words as well as colour), then per failure class
 * the sentences the Markdown carries too (analysis/verdict-text.ts) — the counts and the worst
 * case with its topics, what the clients saw in a run of it, and the survivors' capacity — with
 * a button to inject that worst case. The client figures arrive from the worker as each run ends.
 */
import type { ClassVerdict, FailureOutcome } from '../../analysis/index'
import { CLASS_LABELS, classSentences, clientsNote, verdictHeadline } from '../../analysis/index'
import type { ReviewState } from './use-review'

const TONE_CLASS = {
  ok: 'border-ok text-ok',
  risk: 'border-out-of-sync text-out-of-sync',
  bad: 'border-danger text-danger',
} as const
const TONE_MARK = { ok: '✓', risk: '▲', bad: '✖' } as const

export interface VerdictPanelProps {
  review: ReviewState
  onRunFailure: (failure: FailureOutcome) => void
}

function worstRow(
  c: ClassVerdict,
  failures: readonly FailureOutcome[],
): FailureOutcome | undefined {
  return c.worst === null
    ? undefined
    : failures.find((f) => f.kind === c.kind && f.name === c.worst!.name)
}

export function VerdictPanel({ review, onRunFailure }: VerdictPanelProps) {
  const { result, running, error } = review
  if (error !== null)
    return (
      <p role="alert" className="text-sm text-danger">
        The review could not be computed: {error}
      </p>
    )
  if (result === null) return <p className="text-sm text-muted">Reviewing the layout…</p>
  const { verdict: v, failures } = result.report
  const headline = verdictHeadline(v)
  const note = clientsNote(v)
  return (
    <section aria-labelledby="verdict-heading" className="flex flex-col gap-2 text-sm">
      <h2 id="verdict-heading" className="font-semibold">
        Verdict
      </h2>
      <p
        className={`rounded border-l-4 bg-panel px-3 py-2 font-semibold ${TONE_CLASS[headline.tone]}`}
      >
        <span aria-hidden="true">{TONE_MARK[headline.tone]} </span>
        {headline.text}
      </p>
      <ul className="flex flex-col gap-2">
        {v.classes.map((c) => {
          const [first, ...rest] = classSentences(c)
          const row = worstRow(c, failures)
          const hurts = c.availabilityLost > 0 || c.durabilityAtRisk > 0
          return (
            <li
              key={c.kind}
              aria-label={CLASS_LABELS[c.kind]}
              className="rounded border border-border px-3 py-2"
            >
              <p>
                <span aria-hidden="true" className={hurts ? 'text-danger' : 'text-ok'}>
                  {c.availabilityLost > 0 ? '✖ ' : c.durabilityAtRisk > 0 ? '▲ ' : '✓ '}
                </span>
                {first}
              </p>
              {rest.map((sentence) => (
                <p key={sentence} className="mt-1 text-muted">
                  {sentence}
                </p>
              ))}
              {c.clients === null && v.hasProducers && !result.complete && (
                <p className="mt-1 text-muted">
                  {running?.kind === c.kind
                    ? `Running ${c.worst?.name ?? ''} in the simulator for the client figures…`
                    : 'Client figures to come…'}
                </p>
              )}
              {row !== undefined && (
                <button
                  type="button"
                  className="btn mt-1 text-xs"
                  onClick={() => onRunFailure(row)}
                >
                  Inject {row.name}
                </button>
              )}
            </li>
          )
        })}
      </ul>
      {note !== null && result.complete && <p className="text-xs text-muted">{note}</p>}
      <p className="sr-only" aria-live="polite">
        {running === null
          ? result.complete
            ? 'Verdict complete.'
            : ''
          : `Client run ${running.index + 1} of ${running.total}: ${CLASS_LABELS[running.kind]}.`}
      </p>
    </section>
  )
}
