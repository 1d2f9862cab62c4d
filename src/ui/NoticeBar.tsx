/**
 * Messages for the person at the keyboard: forks and replaced work (with Undo), share-link
 * problems and host errors (NoticeMessage), and, most prominently, an invariant violation, which
 * halts playback (a visible stop beats a pretty wrong picture) and offers the recording to copy
 * for a bug report.
 */
import { formatSimTime } from '../scenario/sim-time'
import { NoticeMessage } from './NoticeMessage'
import { useAppStore } from './store-context'

export function NoticeBar() {
  const notice = useAppStore((state) => state.notice)
  const violation = useAppStore((state) => state.violation)
  const acknowledge = useAppStore((state) => state.acknowledgeViolation)
  const recordedScenario = useAppStore((state) => state.recordedScenario)
  const seed = useAppStore((state) => state.spec.seed)
  if (notice === null && violation === null) return null
  return (
    <div className="flex flex-col gap-1 px-4 pt-2">
      {violation !== null && (
        <div role="alert" className="notice border-danger">
          <strong className="text-danger">
            Invariant violated at {formatSimTime(violation.atMs)}:
          </strong>{' '}
          {violation.message} (seed {seed}). Playback stopped.
          <button
            type="button"
            className="btn ml-3 text-xs"
            onClick={() =>
              void navigator.clipboard?.writeText(JSON.stringify(recordedScenario(), null, 2))
            }
          >
            Copy recording
          </button>
          <button type="button" className="btn ml-2 text-xs" onClick={acknowledge}>
            Continue anyway
          </button>
        </div>
      )}
      {notice !== null && <NoticeMessage notice={notice} />}
    </div>
  )
}
