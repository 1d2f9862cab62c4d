import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './index.css'
import type { SimulationSpec } from './engine/spec'
import { createHost } from './host/create-host'
import { DEFAULT_SCENARIO } from './scenarios/default-scenario'
import { createAppStore } from './store/app-store'
import type { Notice } from './store/slices/simulation-slice'
import { App } from './ui/App'
import { UpdateNotice } from './ui/UpdateNotice'
import { hashWithoutLink, refusedLinkNotice } from './store/share-link'
import { readShareLink } from './ui/share'
import { StoreContext } from './ui/store-context'
import { installTestApi } from './ui/test-api'
import { keepWork, offerSavedWork, openPastedLink, pageStorage } from './ui/keep-work'
import type { Autosave } from './store/autosave'
import { isEmbedMode } from './export/embed'

/**
 * Takes a refused share link out of the address bar, keeping the path, the query and any other
 * hash parameter (`embed=1`), so a reload does not show the same error again. Does nothing when
 * the hash has changed since it was read: that is a newer link, not this one.
 */
function clearRefusedLink(hash: string): void {
  if (location.hash !== hash) return
  const url = `${location.pathname}${location.search}${hashWithoutLink(hash)}`
  history.replaceState(history.state, '', url)
}

async function start(root: HTMLElement): Promise<void> {
  const startHash = location.hash
  // An embedded view neither offers nor overwrites the work saved by the full dashboard.
  const storage = isEmbedMode(location) ? null : pageStorage()
  const link = await readShareLink(startHash)
  let spec: SimulationSpec = DEFAULT_SCENARIO
  let atMs = 0
  let notice: Notice | null = null
  if (link?.ok === true) {
    spec = link.spec
    atMs = link.atMs
  } else if (link?.ok === false) {
    notice = { tone: 'error', message: refusedLinkNotice(link.message, 'default') }
    clearRefusedLink(startHash)
  }
  const store = createAppStore({ host: await createHost(), spec, atMs, storage })
  if (notice !== null) store.getState().showNotice(notice)
  installTestApi(store)
  // A visit that did not open a link may bring back the work saved on an earlier one.
  if (link?.ok !== true) void offerSavedWork(store, storage, DEFAULT_SCENARIO)
  let autosave: Autosave | null = null
  void keepWork(store, {
    storage,
    defaultSpec: DEFAULT_SCENARIO,
    link: link?.ok === true ? startHash : null,
  }).then((started) => (autosave = started))
  // Pasting another share link into the address bar opens it without a reload, keeping unsaved
  // work for Undo; a damaged one leaves the loaded scenario (the user's work) alone. Only the
  // latest paste counts. The address bar's own updates (replaceState) fire no hashchange, and a
  // hash we wrote ourselves is never read as a new link.
  let latestPaste = 0
  window.addEventListener('hashchange', (event) => {
    // The address the user went to, even if the address bar has been rewritten since.
    const hash = new URL(event.newURL).hash
    if (autosave?.wrote(hash) === true) return
    const paste = ++latestPaste
    const release = autosave?.hold()
    void readShareLink(hash)
      .then((next) => {
        if (next === null || paste !== latestPaste) return
        if (next.ok) {
          openPastedLink(store, next, hash, autosave)
          return
        }
        store
          .getState()
          .showNotice({ tone: 'error', message: refusedLinkNotice(next.message, 'current') })
        clearRefusedLink(hash)
      })
      .finally(() => release?.())
  })
  createRoot(root).render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <App />
        <UpdateNotice />
      </StoreContext.Provider>
    </StrictMode>,
  )
}

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')
void start(root)
