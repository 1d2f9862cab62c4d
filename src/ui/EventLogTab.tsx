/** The event log; a line's time seeks there. */
import type { SimEvent } from '../engine/types'
import type { AppState } from '../store/app-store'
import { EventLog } from './panels/EventLog'
import { useAppStore } from './store-context'
import { useThrottledStore } from './use-throttled-store'

const selectEvents = (state: AppState) => state.events
const selectNow = (state: AppState) => state.simTimeMs

export function EventLogTab() {
  const events = useThrottledStore(selectEvents)
  const nowMs = useThrottledStore(selectNow)
  const seek = useAppStore((state) => state.seek)
  return <EventLog events={events as SimEvent[]} nowMs={nowMs} onSeek={seek} />
}
