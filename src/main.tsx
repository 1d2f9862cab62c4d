import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './index.css'
import type { SimulationSpec } from './engine/spec'
import { createHost } from './host/create-host'
import { DEFAULT_SCENARIO } from './scenarios/default-scenario'
import { createAppStore } from './store/app-store'
import type { Notice } from './store/slices/simulation-slice'
import { App } from './ui/App'
import { fallbackMessage, readShareLink } from './ui/share'
import { StoreContext } from './ui/store-context'
import { installTestApi } from './ui/test-api'

async function start(root: HTMLElement): Promise<void> {
  const link = await readShareLink(location.hash)
  let spec: SimulationSpec = DEFAULT_SCENARIO
  let atMs = 0
  let notice: Notice | null = null
  if (link?.ok === true) {
    spec = link.spec
    atMs = link.atMs
  } else if (link?.ok === false) {
    notice = { tone: 'error', message: fallbackMessage(link.message) }
  }
  const store = createAppStore({ host: await createHost(), spec, atMs })
  if (notice !== null) store.getState().showNotice(notice)
  installTestApi(store)
  // Pasting another share link into the address bar opens it without a reload.
  window.addEventListener('hashchange', () => {
    void readShareLink(location.hash).then((next) => {
      if (next === null) return
      if (next.ok) store.getState().loadScenario(next.spec, { atMs: next.atMs })
      else store.getState().showNotice({ tone: 'error', message: next.message })
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
