/** Kafka's metrics over time, with the fault windows shaded. */
import { useMemo } from 'react'
import type { ClientView, GroupView, MetricsSample } from '../engine/types'
import type { AppState } from '../store/app-store'
import { faultWindows } from '../store/selectors'
import { formatSimTime } from '../scenario/sim-time'
import { ClientsTable } from './panels/ClientsTable'
import { FailoversTable } from './panels/FailoversTable'
import { GroupsTable } from './panels/GroupsTable'
import { MetricsCharts } from './panels/MetricsCharts'
import { t } from './i18n/runtime'
import { useAppStore, useStoreApi } from './store-context'
import { useThrottledStore } from './use-throttled-store'
import { withRestartProgress } from './timeline-scale'

const selectMetrics = (state: AppState) => state.metricsSeries
const selectNow = (state: AppState) => state.simTimeMs
const selectFailovers = (state: AppState) => state.failovers
const selectEvents = (state: AppState) => state.events
const selectGroups = (state: AppState) => state.snapshot?.groups ?? NO_GROUPS
const selectClients = (state: AppState) => state.snapshot?.clients ?? NO_CLIENTS
const NO_GROUPS: GroupView[] = []
const NO_CLIENTS: ClientView[] = []

export function MetricsTab() {
  const store = useStoreApi()
  const series = useThrottledStore(selectMetrics, 500)
  const nowMs = useThrottledStore(selectNow, 500)
  const recording = useAppStore((state) => state.recording)
  const failovers = useThrottledStore(selectFailovers, 500)
  const groups = useThrottledStore(selectGroups, 500)
  const clients = useThrottledStore(selectClients, 500)
  const events = useThrottledStore(selectEvents, 500)
  const brokerCount = useAppStore((state) => state.snapshot?.brokers.length ?? 0)
  // A rolling restart's window ends when its last broker is done (its RollingRestartStep events).
  const windows = useMemo(
    () => withRestartProgress(faultWindows(recording), recording, events, brokerCount),
    [recording, events, brokerCount],
  )
  return (
    <>
      <FailoversTable failovers={failovers} />
      <GroupsTable groups={groups} clients={clients} />
      <ClientsTable
        clients={clients}
        onFault={(fault, label) => {
          const state = store.getState()
          state.inject(fault)
          state.showNotice({
            tone: 'info',
            message: t(
              fault.type === 'crashClient' ? 'metrics.crashedClient' : 'metrics.startedClient',
              { client: label, time: formatSimTime(state.simTimeMs) },
            ),
          })
        }}
      />
      <MetricsCharts
        series={series as MetricsSample[]}
        nowMs={nowMs}
        faultWindows={windows}
        cursorMs={nowMs}
      />
    </>
  )
}
