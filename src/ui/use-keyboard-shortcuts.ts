/**
 * Global keyboard shortcuts from the actions registry (Space, →, [, ], Shift+R, Shift+E). Keys
 * that the focused control uses itself are left alone: typing in a field, arrows on a slider or
 * in a menu, Space and Enter on a button.
 */
import { useEffect } from 'react'
import type { AppStore } from '../store/app-store'
import { actionForKey, run } from './actions'

const TEXT_ENTRY = 'textarea, select, [contenteditable="true"], input:not([type="range"])'
const ACTIVATES = 'button, a[href], [role="button"], [role="menuitem"], [role="tab"], summary'
const USES_ARROWS = 'input[type="range"], [role="menu"], [role="tablist"]'

export function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false
  if (target.closest(TEXT_ENTRY) !== null) return true
  if ((key === ' ' || key === 'Enter') && target.closest(ACTIVATES) !== null) return true
  return key.startsWith('Arrow') && target.closest(USES_ARROWS) !== null
}

export function useKeyboardShortcuts(store: AppStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      if (ownsKey(event.target, event.key)) return
      const action = actionForKey(event)
      if (action === undefined) return
      event.preventDefault()
      run(action, store.getState(), { kind: 'none' })
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [store])
}
