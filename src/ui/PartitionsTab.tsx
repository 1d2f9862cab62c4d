/** The partition table, following the simulation a few times a second; a row selects its partition. */
import { useMemo } from 'react'
import type { AppState } from '../store/app-store'
import { partitionKey } from '../store/selectors'
import { PartitionTable } from './panels/PartitionTable'
import { useAppStore } from './store-context'
import { useThrottledStore } from './use-throttled-store'

const selectPartitions = (state: AppState) => state.snapshot?.partitions ?? []

export function PartitionsTab() {
  const partitions = useThrottledStore(selectPartitions)
  const selectedKey = useAppStore((state) => state.selectedPartition)
  const selectPartition = useAppStore((state) => state.selectPartition)
  const selected = useMemo(() => {
    const p = partitions.find((view) => partitionKey(view.topic, view.partition) === selectedKey)
    return p === undefined ? undefined : { topic: p.topic, partition: p.partition }
  }, [partitions, selectedKey])
  return (
    <PartitionTable
      partitions={partitions}
      selected={selected}
      onSelectPartition={(topic, partition) => {
        const key = partitionKey(topic, partition)
        if (key !== selectedKey) selectPartition(key)
      }}
    />
  )
}
