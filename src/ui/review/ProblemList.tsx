/**
 * Import errors or warnings, each with its place (line number, zone map, JSON path). At most
 * PROBLEMS_SHOWN of each kind become list items, then one line says how many more there are:
 * a 4 MB paste can have 100,000 errors, which as list items froze the tab for tens of seconds.
 * `totals` gives the real counts when the list handed in was already capped (capOutcome, in the
 * worker that read the paste).
 */
import { renderProblem, type Problem } from '../../scenario/messages'
import { PROBLEMS_SHOWN, problemPlace, type ProblemTotals } from './import-cluster'

export interface ProblemListProps {
  problems: readonly Problem[]
  tone: 'error' | 'warning'
  /** How many there are in all, when `problems` holds only the first of them. */
  totals?: ProblemTotals
}

const count = (n: number) => n.toLocaleString('en-US')

/** "errors", "1 more warning", …: the word for `n` of them. */
function plural(n: number, word: string): string {
  return `${word}${n === 1 ? '' : 's'}`
}

export function ProblemList({ problems: all, tone, totals }: ProblemListProps) {
  const error = tone === 'error'
  // Notes that describe no risk (an ignored config, an assumed mode) are info, not warnings.
  const infos = error ? [] : all.filter((p) => p.level === 'info')
  const problems = error ? all : all.filter((p) => p.level !== 'info')
  const problemTotal = Math.max(problems.length, totals?.problems ?? 0)
  const infoTotal = error ? 0 : Math.max(infos.length, totals?.infos ?? 0)
  return (
    <>
      {problemTotal > 0 && <Problems problems={problems} total={problemTotal} error={error} />}
      {infoTotal > 0 && (
        <div role="status" className="text-muted">
          <p className="font-semibold">
            <span aria-hidden="true">ℹ </span>
            {infoTotal === 1 ? 'Info:' : `Info (${count(infoTotal)}):`}
          </p>
          <Items problems={infos} total={infoTotal} word="note" />
        </div>
      )}
    </>
  )
}

function Problems({
  problems,
  total,
  error,
}: {
  problems: readonly Problem[]
  total: number
  error: boolean
}) {
  const word = error ? 'error' : 'warning'
  return (
    <div role={error ? 'alert' : 'status'} className={error ? 'text-danger' : 'text-out-of-sync'}>
      <p className="font-semibold">
        <span aria-hidden="true">{error ? '✖ ' : '▲ '}</span>
        {error
          ? `The import failed with ${count(total)} ${plural(total, word)}; nothing was changed.`
          : `${count(total)} ${plural(total, word)}:`}
      </p>
      <Items problems={problems} total={total} word={word} />
    </div>
  )
}

/** The first PROBLEMS_SHOWN as list items, then "… and N more" (not an item: it is not one). */
function Items({
  problems,
  total,
  word,
}: {
  problems: readonly Problem[]
  total: number
  word: string
}) {
  const shown = problems.slice(0, PROBLEMS_SHOWN)
  const more = total - shown.length
  return (
    <>
      <ul className="ml-5 list-disc">
        {shown.map((problem, i) => (
          <li key={`${problem.path}-${i}`}>
            <span className="font-semibold">{problemPlace(problem)}:</span> {renderProblem(problem)}
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p className="ml-5">
          … and {count(more)} more {plural(more, word)}, not listed.
        </p>
      )}
    </>
  )
}
