/**
 * The selected partition in detail (replicas, ISR, ELR, epochs, HW, each replica's LEO), with a
 * picker so a partition can be chosen from the keyboard as well as by clicking a chip.
 */
import { useShallow } from 'zustand/react/shallow'
import { findPartition, partitionKey } from '../store/selectors'
import { PartitionDetails } from './panels/PartitionDetails'
import { useAppStore } from './store-context'

/** The picker lists at most this many partitions; larger clusters select from the table. */
const PICKER_MAX = 500

export function PartitionSidebar() {
  const selected = useAppStore((state) => state.selectedPartition)
  const partition = useAppStore((state) =>
    state.snapshot === null ? undefined : findPartition(state.snapshot, state.selectedPartition),
  )
  const keys = useAppStore(
    useShallow((state) =>
      (state.snapshot?.partitions ?? [])
        .slice(0, PICKER_MAX)
        .map((p) => partitionKey(p.topic, p.partition)),
    ),
  )
  const selectPartition = useAppStore((state) => state.selectPartition)
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
          {keys.map((key) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
        </select>
      </label>
      <PartitionDetails partition={partition ?? null} />
    </aside>
  )
}
