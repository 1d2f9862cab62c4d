/**
 * The selected partition in detail (replicas, ISR, ELR, epochs, HW, each replica's LEO), with a
 * picker so a partition can be chosen from the keyboard as well as by clicking a chip.
 */
import { selectedPartitionView, structureOf } from './structure'
import { PartitionDetails } from './panels/PartitionDetails'
import { useAppStore } from './store-context'
import { sessionCountdown, unreachableUnfenced } from '../viz/staleness'

/** The picker lists at most this many partitions; larger clusters select from the table. */
const PICKER_MAX = 500

/** The first partitions, plus the selected one when it is further down the list. */
function pickerKeys(keys: readonly string[], selected: string | null): string[] {
  const first = keys.slice(0, PICKER_MAX)
  return selected === null || first.includes(selected) ? first : [...first, selected]
}

export function PartitionSidebar() {
  const selected = useAppStore((state) => state.selectedPartition)
  const partition = useAppStore(selectedPartitionView)
  const partitionLog = useAppStore((state) => state.partitionLog)
  const keys = useAppStore((state) => structureOf(state).keys)
  const selectPartition = useAppStore((state) => state.selectPartition)
  const nowMs = useAppStore((state) => state.snapshot?.nowMs ?? 0)
  const lagTimeMaxMs = useAppStore((state) => state.spec.cluster.config['replica.lag.time.max.ms'])
  const leaderCountdown = useAppStore((state) => {
    const s = state.snapshot
    const leader = partition?.leader ?? -1
    const broker = s?.brokers.find((b) => b.id === leader)
    if (s === null || broker === undefined || !unreachableUnfenced(s).has(broker.id)) return null
    // Cut off from clients only, its heartbeats still reach the controller: it is never fenced.
    return sessionCountdown(broker, s) ?? 'not fenced while its heartbeats reach the controller'
  })
  return (
    <aside
      aria-label="Partition"
      className="flex flex-col gap-3 rounded border border-border bg-panel p-3"
    >
      <label className="flex items-center gap-2 text-sm">
        <span className="font-semibold">Partition</span>
        <select
          className="flex-1 rounded border border-border bg-bg px-2 py-1"
          value={selected ?? ''}
          onChange={(event) => {
            const key = event.target.value
            if (key !== selected) selectPartition(key === '' ? null : key)
          }}
        >
          <option value="">(none selected)</option>
          {pickerKeys(keys, selected).map((key) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
        </select>
      </label>
      <PartitionDetails
        partition={partition ?? null}
        log={partitionLog}
        timing={{ nowMs, leaderCountdown, lagTimeMaxMs }}
      />
    </aside>
  )
}
