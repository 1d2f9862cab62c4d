/** The producers' and consumers' log lines. */
import type { ClientLogLine } from '../engine/types'
import type { AppState } from '../store/app-store'
import { ClientLog } from './panels/ClientLog'
import { useThrottledStore } from './use-throttled-store'

const selectClientLog = (state: AppState) => state.clientLog

export function ClientLogTab() {
  const lines = useThrottledStore(selectClientLog)
  return <ClientLog lines={lines as ClientLogLine[]} />
}
