/**
 * "Copy share link": puts the scenario, its recorded faults, the seed and the current time onto
 * the clipboard, where the browser allows, and into the address bar (which the app also keeps up
 * to date as you go, store/autosave.ts), keeping other hash parameters such as `embed=1`. A link
 * too long to open again is not offered as one: the notice says to export the scenario instead.
 */
import { hashWithoutLink, SHARE_LIMITS } from '../store/share-link'
import { shareUrl } from './share'
import { useAppStore, useStoreApi } from './store-context'

/** `url` with the current address's other hash parameters (`embed=1`) after the link's own. */
function withOtherParams(url: string): string {
  const others = hashWithoutLink(location.hash)
  return others === '' ? url : `${url}&${others.slice(1)}`
}

export function ShareButton() {
  const store = useStoreApi()
  const ready = useAppStore((state) => state.snapshot !== null)
  async function share() {
    const url = await shareUrl(store.getState())
    const hashLength = url.length - url.indexOf('#')
    if (hashLength > SHARE_LIMITS.encodedChars) {
      store.getState().showNotice({
        tone: 'warning',
        message:
          `This scenario is too large for a share link (${hashLength} characters; a link may` +
          ` have ${SHARE_LIMITS.encodedChars}): export the scenario file to share it instead.`,
      })
      return
    }
    history.replaceState(history.state, '', withOtherParams(url))
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
