/**
 * The update channel between the service worker and the update notice, over stand-ins for
 * `registerSW` and the page: a waiting version is reported; Reload activates it and reloads once
 * it has taken over; nothing reloads by itself, not even when another tab switched versions;
 * and a version another tab switched to is shown by a plain reload.
 */
import { describe, expect, it, vi } from 'vitest'
import type { RegisterSWOptions } from 'vite-plugin-pwa/types'
import { createUpdateChannel, registerServiceWorker } from './pwa'

/** A stand-in for `registerSW` that hands the test its callbacks, and for the page. */
function setup() {
  const calls: RegisterSWOptions[] = []
  const activate = vi.fn(() => Promise.resolve())
  const register = (options: RegisterSWOptions) => {
    calls.push(options)
    return activate
  }
  const options = (): RegisterSWOptions => {
    const first = calls[0]
    if (first === undefined) throw new Error('registerSW was not called')
    return first
  }
  const takeOver: (() => void)[] = []
  const hooks = {
    reloadPage: vi.fn(),
    onceControllerChanges: (callback: () => void) => takeOver.push(callback),
  }
  const updates = createUpdateChannel(hooks)
  /** The browser registered the worker and a new version is installed, waiting. */
  const newVersionWaits = () => {
    const registration = { waiting: {} } as ServiceWorkerRegistration
    options().onRegisteredSW?.('./sw.js', registration)
    options().onNeedRefresh?.()
    return registration
  }
  /**
   * The new version takes control of the page (this tab's doing or another's); as the plugin
   * does, a missing `onNeedReload` means the page reloads.
   */
  const newVersionTakesOver = (registration: ServiceWorkerRegistration) => {
    Object.assign(registration, { waiting: null })
    ;(options().onNeedReload ?? hooks.reloadPage)()
    for (const callback of takeOver.splice(0)) callback()
  }
  return { updates, register, activate, calls, hooks, newVersionWaits, newVersionTakesOver }
}

describe('the update channel', () => {
  it('says a new version is waiting once its worker is installed, and tells subscribers', () => {
    const { updates, register, newVersionWaits } = setup()
    const heard = vi.fn()
    updates.subscribe(heard)
    updates.start(register)
    expect(updates.waiting()).toBe(false)
    newVersionWaits()
    expect(updates.waiting()).toBe(true)
    expect(heard).toHaveBeenCalledTimes(1)
  })

  it('registers only once however often it is started', () => {
    const { updates, register, calls } = setup()
    updates.start(register)
    updates.start(register)
    expect(calls).toHaveLength(1)
  })

  it('on Reload activates the waiting version, then reloads once it has taken over', () => {
    const { updates, register, activate, hooks, newVersionWaits, newVersionTakesOver } = setup()
    updates.start(register)
    const registration = newVersionWaits()
    updates.reload()
    expect(activate).toHaveBeenCalledTimes(1)
    expect(hooks.reloadPage).not.toHaveBeenCalled()
    newVersionTakesOver(registration)
    expect(hooks.reloadPage).toHaveBeenCalledTimes(1)
  })

  it('never reloads by itself, even when another tab switched to the new version', () => {
    const { updates, register, activate, hooks, newVersionWaits, newVersionTakesOver } = setup()
    updates.start(register)
    newVersionTakesOver(newVersionWaits())
    expect(hooks.reloadPage).not.toHaveBeenCalled()
    // Nothing waits now: Reload reloads at once, as the new version controls the page already.
    updates.reload()
    expect(activate).not.toHaveBeenCalled()
    expect(hooks.reloadPage).toHaveBeenCalledTimes(1)
  })

  it('does not register in development and test builds (no worker for the dev server)', () => {
    const { updates } = setup()
    const start = vi.fn()
    registerServiceWorker({ ...updates, start })
    expect(start).not.toHaveBeenCalled()
  })
})
