/**
 * Messages for the person at the keyboard: forks, share-link problems and host errors, and, most
 * prominently, an invariant violation, which halts playback (a visible stop beats a pretty wrong
 * picture) and offers the recording to copy for a bug report.
 */
import { formatSimTime } from '../scenario/sim-time'
import { useAppStore } from './store-context'

const TONE_CLASS = {
  info: 'border-in-sync text-fg',
  warning: 'border-out-of-sync text-fg',
  error: 'border-danger text-fg',
} as const

export function NoticeBar() {
  const notice = useAppStore((state) => state.notice)
  const violation = useAppStore((state) => state.violation)
  const showNotice = useAppStore((state) => state.showNotice)
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
      {notice !== null && (
        <div
          role={notice.tone === 'error' ? 'alert' : 'status'}
          className={`notice ${TONE_CLASS[notice.tone]}`}
        >
          <span>{notice.message}</span>
          <button
            type="button"
            className="btn ml-3 text-xs"
            aria-label="Dismiss message"
            onClick={() => showNotice(null)}
          >
            Dismiss
          </button>
        </div>
      )}
    </div>
  )
}
