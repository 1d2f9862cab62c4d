/** A toolbar button for a registered action: label, enabled state and shortcut come from it. */
import { getAction, isEnabled, run } from './actions'
import { useAppStore, useStoreApi } from './store-context'

export function ActionButton({ name }: { name: string }) {
  const store = useStoreApi()
  const action = getAction(name)
  const enabled = useAppStore((state) => isEnabled(action, state, { kind: 'none' }))
  const shortcut = action.shortcut?.label
  return (
    <button
      type="button"
      className="btn"
      disabled={!enabled}
      aria-keyshortcuts={shortcut}
      title={shortcut === undefined ? action.label : `${action.label} (${shortcut})`}
      onClick={() => run(action, store.getState(), { kind: 'none' })}
    >
      {action.label}
    </button>
  )
}
