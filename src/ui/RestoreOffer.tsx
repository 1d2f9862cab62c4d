/**
 * The offer to bring back work saved on an earlier visit ("Restore your work: “Default …”, 2
 * recorded faults, at 00:31.000"), shown on a visit without a share link. It never restores by
 * itself and never takes the focus on arrival (it is a polite status); Restore loads the work,
 * Dismiss forgets the saved copy. Either way the focus moves on to the message that follows, or
 * to the playback controls, instead of falling to the page.
 */
import { useId } from 'react'
import { restoreOfferText } from '../store/slices/work-slice'
import { useAppStore } from './store-context'

/** After the offer closes: the next message's Dismiss, else the first playback control. */
function focusAfterOffer(): void {
  setTimeout(() => {
    const next =
      document.querySelector<HTMLElement>('[data-notice-dismiss]') ??
      document.querySelector<HTMLElement>('[role="toolbar"] button:not([disabled])')
    next?.focus()
  }, 0)
}

export function RestoreOffer() {
  const offer = useAppStore((state) => state.restoreOffer)
  const restore = useAppStore((state) => state.restoreSavedWork)
  const dismiss = useAppStore((state) => state.dismissSavedWork)
  const textId = useId()
  if (offer === null) return null
  return (
    <div className="px-4 pt-2">
      <div
        role="status"
        aria-labelledby={textId}
        className="notice border-in-sync text-fg"
        data-testid="restore-offer"
      >
        <span id={textId}>{restoreOfferText(offer)}.</span>
        <button
          type="button"
          className="btn btn-primary ml-3 text-xs"
          onClick={() => {
            restore()
            focusAfterOffer()
          }}
        >
          Restore
        </button>
        <button
          type="button"
          className="btn ml-2 text-xs"
          aria-label="Dismiss the saved work"
          onClick={() => {
            dismiss()
            focusAfterOffer()
          }}
        >
          Dismiss
        </button>
      </div>
    </div>
  )
}
