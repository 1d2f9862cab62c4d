/**
 * Checks the partition health predicates behind the table's filter and badges, using the
 * definitions of kafka-topics' report flags, on hand-built partitions in each state.
 */
import { describe, expect, it } from 'vitest'
import { partitionView } from './fixtures'
import { countByFilter, matchesFilter, statusBadges } from './partition-status'

const healthy = partitionView()
const underReplicated = partitionView({ partition: 1, isr: [1, 2] })
const underMinIsr = partitionView({ partition: 2, isr: [1] })
const offline = partitionView({ partition: 3, leader: -1, isr: [3] })

describe('partition status', () => {
  it('badges each state, worst first, and says ok when healthy', () => {
    expect(statusBadges(healthy)).toEqual(['ok'])
    expect(statusBadges(underReplicated)).toEqual(['under-replicated'])
    expect(statusBadges(underMinIsr)).toEqual(['under min ISR', 'under-replicated'])
    expect(statusBadges(offline)).toEqual(['offline', 'under min ISR', 'under-replicated'])
    expect(statusBadges(partitionView({ leaderRecoveryState: 'RECOVERING' }))).toEqual([
      'recovering',
    ])
  })

  it('names a leader clients cannot reach before its fencing: the metadata still looks healthy', () => {
    const leader = healthy.leader
    expect(statusBadges(healthy, new Set([leader]))).toEqual([
      'leader unreachable — not fenced yet',
    ])
    expect(statusBadges(healthy, new Set([leader + 100]))).toEqual(['ok'])
    // Offline already says more: no leader at all.
    expect(statusBadges(offline, new Set([-1]))).toEqual([
      'offline',
      'under min ISR',
      'under-replicated',
    ])
  })

  it('treats offline or under-min-ISR partitions as unavailable for acks=all', () => {
    expect(matchesFilter(healthy, 'unavailable')).toBe(false)
    expect(matchesFilter(underReplicated, 'unavailable')).toBe(false)
    expect(matchesFilter(underMinIsr, 'unavailable')).toBe(true)
    expect(matchesFilter(partitionView({ leader: -1 }), 'unavailable')).toBe(true)
  })

  it('counts every filter in one pass', () => {
    expect(countByFilter([healthy, underReplicated, underMinIsr, offline])).toEqual({
      all: 4,
      'under-replicated': 3,
      'under-min-isr': 2,
      offline: 1,
      unavailable: 2,
    })
  })
})
