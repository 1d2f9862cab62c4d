/**
 * The menu of a broker, zone or controller, built from the actions registry. Opens with focus on
 * its first enabled item; ↑/↓/Home/End move, Enter runs, Escape closes and returns focus to the
 * node, and a click outside closes it.
 */
import { useEffect, useRef } from 'react'
import type { ActionTarget } from './actions'
import { actionsFor, isEnabled, isVisible, run } from './actions'
import { useT } from './i18n/react'
import { useAppStore, useStoreApi } from './store-context'

export interface NodeMenuProps {
  target: ActionTarget
  title: string
  x: number
  y: number
  onClose: (restoreFocus: boolean) => void
}

function menuItems(menu: HTMLElement | null): HTMLButtonElement[] {
  if (menu === null) return []
  return Array.from(menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)'))
}

export function NodeMenu({ target, title, x, y, onClose }: NodeMenuProps) {
  const store = useStoreApi()
  const t = useT()
  // Re-render when the state the items depend on changes, e.g. the broker comes back online.
  useAppStore((state) => state.snapshot)
  useAppStore((state) => state.focusBroker)
  const ref = useRef<HTMLDivElement>(null)
  const state = store.getState()
  const actions = actionsFor(target.kind).filter((action) => isVisible(action, state, target))

  useEffect(() => {
    menuItems(ref.current)[0]?.focus()
    const onPointerDown = (event: PointerEvent) => {
      if (ref.current !== null && !ref.current.contains(event.target as Node)) onClose(false)
    }
    document.addEventListener('pointerdown', onPointerDown, true)
    return () => document.removeEventListener('pointerdown', onPointerDown, true)
  }, [onClose])

  function onKeyDown(event: React.KeyboardEvent) {
    const items = menuItems(ref.current)
    const index = items.indexOf(document.activeElement as HTMLButtonElement)
    const moves: Record<string, number> = {
      ArrowDown: (index + 1) % items.length,
      ArrowUp: (index - 1 + items.length) % items.length,
      Home: 0,
      End: items.length - 1,
    }
    if (event.key in moves) {
      event.preventDefault()
      items[moves[event.key] ?? 0]?.focus()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      onClose(true)
    } else if (event.key === 'Tab') {
      onClose(false)
    }
    event.stopPropagation()
  }

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={t('menu.actions', { node: title })}
      className="absolute z-20 min-w-52 rounded-md border border-border bg-panel py-1 text-sm shadow-lg"
      style={{ left: x, top: y }}
      onKeyDown={onKeyDown}
    >
      <div className="px-3 py-1 text-xs font-semibold text-muted" aria-hidden="true">
        {title}
      </div>
      {actions.map((action, index) => {
        const previous = actions[index - 1]
        const separator = previous !== undefined && action.group !== previous.group
        return (
          <div key={action.name}>
            {separator && <div role="separator" className="my-1 border-t border-border" />}
            <button
              type="button"
              role="menuitem"
              disabled={!isEnabled(action, state, target)}
              className="menu-item"
              onClick={() => {
                run(action, store.getState(), target)
                onClose(true)
              }}
            >
              {action.label}
            </button>
          </div>
        )
      })}
    </div>
  )
}
