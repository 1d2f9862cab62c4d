/**
 * The page's side of the service worker (offline use, docs/hosting.md): registration, and the
 * news that a new version is waiting. The worker precaches the build; when a later visit finds a
 * new build, its worker installs and waits, and the update notice offers a reload. The page never
 * reloads by itself: a lesson or a design review must not restart in the middle because a
 * deploy happened. Only a reload the reader asked for, in this tab, happens; when another tab's
 * reader switched versions, this tab keeps running and its Reload simply reloads.
 */
import type { RegisterSWOptions } from 'vite-plugin-pwa/types'

/** What the update notice reads and calls. */
export interface UpdateChannel {
  /** True once a new version is installed and waiting for a reload. */
  readonly waiting: () => boolean
  /** Calls `listener` whenever `waiting()` changes; returns the unsubscribe. */
  readonly subscribe: (listener: () => void) => () => void
  /** Switches to the waiting version and reloads this page once it has taken over. */
  readonly reload: () => void
}

/** `registerSW` from `virtual:pwa-register`: registers and returns "activate the waiting one". */
export type RegisterServiceWorker = (options: RegisterSWOptions) => () => Promise<void>

export interface ServiceWorkerUpdates extends UpdateChannel {
  /** Registers the worker through `register`; only the first call does anything. */
  readonly start: (register: RegisterServiceWorker) => void
}

/** What the channel needs from the page, as functions so that tests can stand in for them. */
export interface PageHooks {
  reloadPage: () => void
  /** Calls `callback` once, the next time a new service worker takes control of this page. */
  onceControllerChanges: (callback: () => void) => void
}

/**
 * @example
 * const updates = createUpdateChannel(browserHooks())
 * updates.start(registerSW)
 * updates.subscribe(() => console.log(updates.waiting()))
 */
export function createUpdateChannel(hooks: PageHooks): ServiceWorkerUpdates {
  const listeners = new Set<() => void>()
  let waiting = false
  let activate: (() => Promise<void>) | null = null
  let registration: ServiceWorkerRegistration | undefined
  let requested = false
  const setWaiting = (next: boolean) => {
    if (waiting === next) return
    waiting = next
    for (const listener of [...listeners]) listener()
  }
  return {
    waiting: () => waiting,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    reload: () => {
      // Nothing waits any more when another tab switched versions already: the new version
      // controls this page too, and a plain reload shows it.
      if (activate === null || registration?.waiting == null) {
        hooks.reloadPage()
        return
      }
      if (requested) return
      requested = true
      hooks.onceControllerChanges(hooks.reloadPage)
      void activate()
    },
    start: (register) => {
      if (activate !== null) return
      activate = register({
        onNeedRefresh: () => setWaiting(true),
        // Without this the plugin reloads the page itself whenever a new version takes over,
        // including when the reader of another tab pressed Reload.
        onNeedReload: () => {},
        onRegisteredSW: (_url, registered) => {
          registration = registered
        },
        onRegisterError: (error: unknown) =>
          console.warn('Offline use is unavailable: the service worker did not register.', error),
      })
    },
  }
}

/** The real page: `location.reload()` and the service worker container's `controllerchange`. */
export function browserHooks(): PageHooks {
  return {
    reloadPage: () => window.location.reload(),
    onceControllerChanges: (callback) =>
      navigator.serviceWorker.addEventListener('controllerchange', callback, { once: true }),
  }
}

/** The app's one channel. */
export const serviceWorkerUpdates = createUpdateChannel(browserHooks())

/**
 * Registers the service worker in production builds, in browsers that have service workers.
 * The registration code and workbox-window load on demand, after first paint, so they cost the
 * initial JavaScript nothing; workbox-window itself waits for the page's `load` event.
 */
export function registerServiceWorker(updates: ServiceWorkerUpdates = serviceWorkerUpdates): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  void import('virtual:pwa-register').then(
    ({ registerSW }) => updates.start(registerSW),
    (error: unknown) => console.warn('Offline use is unavailable.', error),
  )
}
