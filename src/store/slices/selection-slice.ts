/**
 * The selection slice: the selected and hovered partition (as "topic-partition" keys) and the
 * topology's drill-down focus (one topic, one broker) for large clusters. Selecting a partition
 * tells the host to watch it, so each update carries its log picture (`partitionLog`).
 */
import type { PartitionRef } from '../../host/index'
import type { SliceCreator } from './types'

/** "orders-3" as { topic: 'orders', partition: 3 } (topic names may contain dashes). */
export function parsePartitionKey(key: string): PartitionRef | null {
  const dash = key.lastIndexOf('-')
  if (dash <= 0) return null
  const partition = Number(key.slice(dash + 1))
  if (!Number.isInteger(partition) || partition < 0 || key.slice(dash + 1) === '') return null
  return { topic: key.slice(0, dash), partition }
}

export interface SelectionSlice {
  selectedPartition: string | null
  hoveredPartition: string | null
  focusTopic: string | null
  focusBroker: number | null
  /** Show Kafka's internal topics (__consumer_offsets) in the topology and partition table. */
  showInternal: boolean
  selectPartition: (key: string | null) => void
  hoverPartition: (key: string | null) => void
  focusOnTopic: (topic: string | null) => void
  focusOnBroker: (broker: number | null) => void
  setShowInternal: (show: boolean) => void
  /** Projector mode (key P): larger type, the topology scaled up to fit, panels out of the way. */
  projector: boolean
  toggleProjector: () => void
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get, runtime) => ({
  selectedPartition: null,
  hoveredPartition: null,
  focusTopic: null,
  focusBroker: null,
  showInternal: false,
  selectPartition(key) {
    const next = get().selectedPartition === key ? null : key
    set({ selectedPartition: next })
    runtime.host.send({ type: 'watch', partition: next === null ? null : parsePartitionKey(next) })
  },
  hoverPartition(key) {
    if (get().hoveredPartition !== key) set({ hoveredPartition: key })
  },
  focusOnTopic(topic) {
    set({ focusTopic: topic })
  },
  focusOnBroker(broker) {
    set({ focusBroker: broker })
  },
  setShowInternal(show) {
    set({ showInternal: show })
  },
  projector: false,
  toggleProjector() {
    set({ projector: !get().projector })
  },
})
