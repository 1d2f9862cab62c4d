/**
 * The selection slice: the selected and hovered partition (as "topic-partition" keys) and the
 * topology's drill-down focus (one topic, one broker) for large clusters.
 */
import type { SliceCreator } from './types'

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
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => ({
  selectedPartition: null,
  hoveredPartition: null,
  focusTopic: null,
  focusBroker: null,
  showInternal: false,
  selectPartition(key) {
    set({ selectedPartition: get().selectedPartition === key ? null : key })
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
})
