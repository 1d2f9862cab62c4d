/**
 * The switch that shows Kafka's internal topics (__consumer_offsets) in the topology and the
 * partition table; hidden by default, as consoles do, so the topics a scenario is about stay in
 * view. One setting in the store, so both places agree.
 */
import { useT } from './i18n/react'
import { useAppStore } from './store-context'

export function ShowInternalToggle() {
  const t = useT()
  const showInternal = useAppStore((state) => state.showInternal)
  const setShowInternal = useAppStore((state) => state.setShowInternal)
  return (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        checked={showInternal}
        onChange={(event) => setShowInternal(event.target.checked)}
      />
      <span>{t('topology.showInternal', { topic: '__consumer_offsets' })}</span>
    </label>
  )
}
