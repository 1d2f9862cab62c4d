import { describe, expect, it } from 'vitest'
import type { MetricsSample } from '../../engine/types'
import { fixtureSnapshot } from '../../viz/fixtures'
import {
  COUNTERS,
  COUNTER_BY_ID,
  counterName,
  counterValue,
  countersNamedIn,
  formatCount,
  visibleCounters,
} from './counters'
import { sparkPath } from './LiveCounters'

const sample = (over: Partial<MetricsSample>): MetricsSample => ({
  ...fixtureSnapshot().metrics,
  ...over,
})

describe('live counters', () => {
  it('shows every metric the issue names, always; on-demand ones only when named', () => {
    const core = visibleCounters([]).map((c) => c.id)
    expect(core).toEqual([
      'UnderReplicatedPartitions',
      'UnderMinIsrPartitionCount',
      'AtMinIsrPartitionCount',
      'OfflinePartitionsCount',
      'ActiveControllerCount',
      'ackedRecords',
      'failedRecords',
      'lostAckedRecords',
      'producerLatencyP99Ms',
      'consumerLag',
    ])
    expect(visibleCounters(['PreferredReplicaImbalanceCount']).map((c) => c.id)).toContain(
      'PreferredReplicaImbalanceCount',
    )
  })

  it('finds the metrics a narration step names, by Kafka name or the words it uses', () => {
    expect(
      countersNamedIn(
        'Watch UnderMinIsrPartitionCount, the producer’s errors and lostAcked; AtMinIsrPartitionCount rises first.',
      ),
    ).toEqual(['UnderMinIsrPartitionCount', 'AtMinIsrPartitionCount', 'lostAckedRecords'])
    // A metric name inside a longer word is not a mention.
    expect(countersNamedIn('UnderReplicatedPartitionsX')).toEqual([])
    expect(countersNamedIn('producerLatencyP99Ms spikes')).toEqual(['producerLatencyP99Ms'])
  })

  it('reads values from the snapshot, and latency from the latest measured sample', () => {
    const s = fixtureSnapshot({ down: [1] })
    const urp = COUNTER_BY_ID.get('UnderReplicatedPartitions')!
    expect(counterValue(urp, s, [])).toBe(s.metrics.UnderReplicatedPartitions)
    const p99 = COUNTER_BY_ID.get('producerLatencyP99Ms')!
    const series = [sample({ producerLatencyP99Ms: 40 }), sample({ producerLatencyP99Ms: null })]
    expect(counterValue(p99, s, series)).toBe(40)
    expect(counterValue(p99, s, [])).toBeNull()
  })

  it('says a non-ok value in words as well as colour', () => {
    const under = COUNTER_BY_ID.get('UnderMinIsrPartitionCount')!
    expect(counterName(under, 0)).toBe('UnderMinIsrPartitionCount 0')
    expect(counterName(under, 2)).toBe(
      'UnderMinIsrPartitionCount 2, alarm: acks=all producers cannot write to them',
    )
    const active = COUNTER_BY_ID.get('ActiveControllerCount')!
    expect(active.severity(1)).toBe('ok')
    expect(counterName(active, 0)).toBe(
      'ActiveControllerCount 0, alarm: no controller: no elections or fencing',
    )
    for (const c of COUNTERS) {
      expect(c.definition.length).toBeGreaterThan(20)
      expect(c.source.length).toBeGreaterThan(3)
    }
  })

  it('formats counts and durations compactly', () => {
    expect(formatCount(null)).toBe('—')
    expect(formatCount(1234)).toBe('1,234')
    expect(formatCount(123_456)).toBe('123.5k')
    expect(formatCount(8_700, 'ms')).toBe('8700 ms')
    expect(formatCount(12_300, 'ms')).toBe('12.3 s')
  })

  it('draws the sparkline with gaps for samples without a value', () => {
    expect(sparkPath([0, 2, null, 4], 30, 10)).toBe('M0.0,9.0L10.0,5.0M30.0,1.0')
    expect(sparkPath([])).toBe('')
  })
})
