/**
 * Share links in the browser: building one from the current recording and reading one from the
 * address bar. The scenario writer loads on demand, so a plain visit does not pay for it in its
 * initial JavaScript; a link is read in the reader worker (ui/reader), because decompressing and
 * validating a large one took over a second on the page's thread (a link at the 10,000-fault
 * limit: 1.4 s; refusing one with 1,000,000 partitions: 1.5 s).
 */
import type { AppState } from '../store/app-store'
import type { DecodedLink } from '../store/share-link'
import { encodeShareLink, isShareLink } from '../store/share-link'
import { readInReader } from './reader/reader'

export async function shareUrl(state: AppState): Promise<string> {
  const { scenarioToJson } = await import('../scenario/export')
  const hash = encodeShareLink(state.recordedScenario(), state.simTimeMs, scenarioToJson)
  return `${location.origin}${location.pathname}${location.search}${hash}`
}

/** Null when the hash is not a share link at all. */
export async function readShareLink(hash: string): Promise<DecodedLink | null> {
  if (!isShareLink(hash)) return null
  try {
    return await readInReader({ kind: 'shareLink', hash })
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
