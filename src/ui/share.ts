/**
 * Share links in the browser: building one from the current recording and reading one from the
 * address bar. The scenario reader and writer load on demand, so a plain visit does not pay for
 * them in its initial JavaScript.
 */
import type { AppState } from '../store/app-store'
import type { DecodedLink } from '../store/share-link'
import { decodeShareLink, encodeShareLink, isShareLink } from '../store/share-link'

export async function shareUrl(state: AppState): Promise<string> {
  const { scenarioToJson } = await import('../scenario/export')
  const hash = encodeShareLink(state.recordedScenario(), state.simTimeMs, scenarioToJson)
  return `${location.origin}${location.pathname}${location.search}${hash}`
}

/** Null when the hash is not a share link at all. */
export async function readShareLink(hash: string): Promise<DecodedLink | null> {
  if (!isShareLink(hash)) return null
  try {
    const { parseScenario } = await import('../scenario/validate')
    return decodeShareLink(hash, parseScenario)
  } catch {
    return {
      ok: false,
      failure: 'reader-failed',
      message:
        'The share link could not be opened: the part of the app that reads scenarios did not' +
        ' load (reload the page to try again).',
    }
  }
}
