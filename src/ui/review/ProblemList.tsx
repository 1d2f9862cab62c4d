/** Import errors or warnings, each with its place (line number, zone map, JSON path). */
import { renderProblem, type Problem } from '../../scenario/messages'
import { problemPlace } from './import-cluster'

export interface ProblemListProps {
  problems: readonly Problem[]
  tone: 'error' | 'warning'
}

export function ProblemList({ problems: all, tone }: ProblemListProps) {
  const error = tone === 'error'
  // Notes that describe no risk (an ignored config, an assumed mode) are info, not warnings.
  const infos = error ? [] : all.filter((p) => p.level === 'info')
  const problems = error ? all : all.filter((p) => p.level !== 'info')
  return (
    <>
      {problems.length > 0 && <Problems problems={problems} error={error} />}
      {infos.length > 0 && (
        <div role="status" className="text-muted">
          <p className="font-semibold">
            <span aria-hidden="true">ℹ </span>
            {infos.length === 1 ? 'Info:' : `Info (${infos.length}):`}
          </p>
          <ul className="ml-5 list-disc">
            {infos.map((problem, i) => (
              <li key={`${problem.path}-${i}`}>
                <span className="font-semibold">{problemPlace(problem)}:</span>{' '}
                {renderProblem(problem)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  )
}

function Problems({ problems, error }: { problems: readonly Problem[]; error: boolean }) {
  return (
    <div role={error ? 'alert' : 'status'} className={error ? 'text-danger' : 'text-out-of-sync'}>
      <p className="font-semibold">
        <span aria-hidden="true">{error ? '✖ ' : '▲ '}</span>
        {error
          ? `The import failed with ${problems.length} ${problems.length === 1 ? 'error' : 'errors'}; nothing was changed.`
          : `${problems.length} ${problems.length === 1 ? 'warning' : 'warnings'}:`}
      </p>
      <ul className="ml-5 list-disc">
        {problems.map((problem, i) => (
          <li key={`${problem.path}-${i}`}>
            <span className="font-semibold">{problemPlace(problem)}:</span> {renderProblem(problem)}
          </li>
        ))}
      </ul>
    </div>
  )
}
