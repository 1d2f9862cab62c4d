import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './index.css'
import type { SimulationSpec } from './engine/spec'
import { createHost } from './host/create-host'
import { DEFAULT_SCENARIO } from './scenarios/default-scenario'
import { createAppStore } from './store/app-store'
import type { Notice } from './store/slices/simulation-slice'
import { App } from './ui/App'
import { hashWithoutLink, refusedLinkNotice } from './store/share-link'
import { readShareLink } from './ui/share'
import { StoreContext } from './ui/store-context'
import { installTestApi } from './ui/test-api'

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
  const store = createAppStore({ host: await createHost(), spec, atMs })
  if (notice !== null) store.getState().showNotice(notice)
  installTestApi(store)
  // Pasting another share link into the address bar opens it without a reload; a damaged one
  // leaves the loaded scenario (the user's work) alone.
  window.addEventListener('hashchange', () => {
    const hash = location.hash
    void readShareLink(hash).then((next) => {
      if (next === null) return
      if (next.ok) {
        store.getState().loadScenario(next.spec, { atMs: next.atMs })
        return
      }
      store
        .getState()
        .showNotice({ tone: 'error', message: refusedLinkNotice(next.message, 'current') })
      clearRefusedLink(hash)
    })
  })
  createRoot(root).render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>
    </StrictMode>,
  )
}

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')
void start(root)
