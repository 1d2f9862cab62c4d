/** The partition table, following the simulation a few times a second; a row selects its partition. */
import { useCallback, useMemo } from 'react'
import type { BrokerView, ZoneView } from '../engine/types'
import type { AppState } from '../store/app-store'
import { unreachableUnfenced } from '../viz/staleness'
import { partitionKey } from '../store/selectors'
import { PartitionTable } from './panels/PartitionTable'
import { ShowInternalToggle } from './ShowInternalToggle'
import { useAppStore } from './store-context'
import { structureOf } from './structure'
import { useThrottledStore } from './use-throttled-store'

const selectPartitions = (state: AppState) => state.snapshot?.partitions ?? []
const selectBrokers = (state: AppState) => state.snapshot?.brokers ?? NO_BROKERS
const selectZones = (state: AppState) => state.snapshot?.zones ?? NO_ZONES
const NO_BROKERS: BrokerView[] = []
const NO_ZONES: ZoneView[] = []

export function PartitionsTab() {
  const partitions = useThrottledStore(selectPartitions)
  const brokers = useThrottledStore(selectBrokers)
  const zones = useThrottledStore(selectZones)
  const unreachable = useMemo(() => unreachableUnfenced({ brokers, zones }), [brokers, zones])
  const selectedKey = useAppStore((state) => state.selectedPartition)
  const selectedIndex = useAppStore((state) =>
    state.selectedPartition === null
      ? undefined
      : structureOf(state).indexByKey.get(state.selectedPartition),
  )
  const selectPartition = useAppStore((state) => state.selectPartition)
  const showInternal = useAppStore((state) => state.showInternal)
  const hasInternal = useAppStore((state) => structureOf(state).internalTopics.size > 0)
  // Kafka's own __consumer_offsets is left out unless asked for, as in the topology.
  const shown = useMemo(
    () =>
      showInternal || !hasInternal ? partitions : partitions.filter((p) => p.internal !== true),
    [partitions, showInternal, hasInternal],
  )
  // By index, not by scanning: building 10,000 keys on every update cost milliseconds.
  const selected = useMemo(() => {
    const p = selectedIndex === undefined ? undefined : partitions[selectedIndex]
    return p === undefined ? undefined : { topic: p.topic, partition: p.partition }
  }, [partitions, selectedIndex])
  // Stable, so that memoised rows whose partition did not change skip re-rendering.
  const onSelectPartition = useCallback(
    (topic: string, partition: number) => {
      const key = partitionKey(topic, partition)
      if (key !== selectedKey) selectPartition(key)
    },
    [selectedKey, selectPartition],
  )
  return (
    <div className="flex flex-col gap-2">
      {hasInternal && <ShowInternalToggle />}
      <PartitionTable
        partitions={shown}
        selected={selected}
        onSelectPartition={onSelectPartition}
        unreachableLeaders={unreachable}
      />
    </div>
  )
}
