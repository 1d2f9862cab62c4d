/**
 * "Copy share link": puts the scenario, its recorded faults, the seed and the current time into
 * the address bar and, where the browser allows, onto the clipboard.
 */
import { shareUrl } from './share'
import { useAppStore, useStoreApi } from './store-context'

export function ShareButton() {
  const store = useStoreApi()
  const ready = useAppStore((state) => state.snapshot !== null)
  async function share() {
    const url = await shareUrl(store.getState())
    history.replaceState(null, '', url)
    let copied = false
    try {
      await navigator.clipboard.writeText(url)
      copied = true
    } catch {
      copied = false
    }
    store.getState().showNotice({
      tone: 'info',
      message: copied
        ? 'Share link copied to the clipboard (and shown in the address bar).'
        : 'Share link is in the address bar: copy it from there.',
    })
  }
  return (
    <button type="button" className="btn" disabled={!ready} onClick={() => void share()}>
      Copy share link
    </button>
  )
}
