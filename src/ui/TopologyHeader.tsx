/**
 * Above the topology: the topic filter, the drill-down state of a large cluster and the legend.
 */
import { getAction } from './actions'
import { useT } from './i18n/react'
import { isAggregated, structureOf } from './structure'
import { Legend } from './Legend'
import { ShowInternalToggle } from './ShowInternalToggle'
import { useAppStore } from './store-context'

export function TopologyHeader() {
  const t = useT()
  const topics = useAppStore((state) => structureOf(state).topics)
  const focusTopic = useAppStore((state) => state.focusTopic)
  const focusBroker = useAppStore((state) => state.focusBroker)
  const aggregated = useAppStore(isAggregated)
  const focusOnTopic = useAppStore((state) => state.focusOnTopic)
  const focusOnBroker = useAppStore((state) => state.focusOnBroker)
  const hasInternal = useAppStore((state) => structureOf(state).internalTopics.size > 0)
  const projector = useAppStore((state) => state.projector)
  const toggleProjector = useAppStore((state) => state.toggleProjector)
  const rates = useAppStore((state) => state.snapshot?.rates !== undefined)
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 px-1 pb-2">
      <label className="flex items-center gap-2 text-sm">
        <span>{t('topology.topic')}</span>
        <select
          className="rounded border border-border bg-panel px-2 py-1"
          value={focusTopic ?? ''}
          onChange={(event) => focusOnTopic(event.target.value === '' ? null : event.target.value)}
        >
          <option value="">{t('topology.allTopics')}</option>
          {topics.map((topic) => (
            <option key={topic} value={topic}>
              {topic}
            </option>
          ))}
        </select>
      </label>
      {hasInternal && focusTopic === null && <ShowInternalToggle />}
      {aggregated && (
        <p className="text-sm text-muted" role="status">
          {focusBroker === null
            ? t(rates ? 'topology.aggregatedRates' : 'topology.aggregated', {
                action: getAction('showBrokerDetail').label,
              })
            : t('topology.focused', { broker: focusBroker })}
        </p>
      )}
      {focusBroker !== null && (
        <button type="button" className="btn text-xs" onClick={() => focusOnBroker(null)}>
          {t('action.hideBrokerDetail')}
        </button>
      )}
      <button
        type="button"
        className="btn text-xs"
        aria-pressed={projector}
        aria-keyshortcuts="P"
        title={t('topology.projectorTitle')}
        onClick={toggleProjector}
      >
        {t('topology.projector')}
      </button>
      <div className="ml-auto">
        <Legend />
      </div>
    </div>
  )
}
