/**
 * "A new version is available. Reload": a small polite status at the foot of the page once a
 * new build's service worker is installed and waiting (pwa.ts). The reader chooses the moment;
 * "Not now" hides it for this visit and the new version starts on the next one. The live region
 * is always in the page, empty until there is news, so screen readers announce the news when it
 * arrives; it takes focus from nobody. Mounting it also registers the service worker.
 */
import { useEffect, useState, useSyncExternalStore } from 'react'
import { registerServiceWorker, serviceWorkerUpdates, type UpdateChannel } from './pwa'

export interface UpdateNoticeProps {
  updates?: UpdateChannel
  /** Registers the service worker (tests pass a stub). */
  register?: () => void
}

export function UpdateNotice({
  updates = serviceWorkerUpdates,
  register = registerServiceWorker,
}: UpdateNoticeProps) {
  useEffect(() => register(), [register])
  const waiting = useSyncExternalStore(updates.subscribe, updates.waiting, () => false)
  const [dismissed, setDismissed] = useState(false)
  return (
    <div
      role="status"
      aria-label="App update"
      className="pointer-events-none fixed right-4 bottom-4 z-50"
    >
      {waiting && !dismissed && (
        <div className="notice pointer-events-auto border-in-sync text-fg shadow-md">
          <span>A new version is available.</span>
          <button type="button" className="btn ml-3 text-xs" onClick={() => updates.reload()}>
            Reload
          </button>
          <button type="button" className="btn ml-2 text-xs" onClick={() => setDismissed(true)}>
            Not now
          </button>
        </div>
      )}
    </div>
  )
}
