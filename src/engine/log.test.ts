/**
 * Unit tests for the replica log and leader-epoch cache rules (LeaderEpochFileCache,
 * UnifiedLog.truncateTo, AbstractFetcherThread.getOffsetTruncationState), table-driven.
 */
import { describe, expect, it } from 'vitest'
import {
  appendBatch,
  assignEpochStartOffset,
  batchIndexAtOrAfter,
  emptyLog,
  epochEntries,
  endOffsetForEpoch,
  isPrefixOf,
  truncateTo,
  truncationOffset,
  type Batch,
  type ReplicaLog,
} from './log'

let id = 0
function batch(log: ReplicaLog, epoch: number, count = 5): Batch {
  const b = { baseOffset: log.logEndOffset, count, epoch, producer: 0, baseSequence: id++ }
  appendBatch(log, b)
  return b
}

describe('leader-epoch cache', () => {
  it('records an epoch at the offset of its first batch', () => {
    const log = emptyLog()
    batch(log, 0)
    batch(log, 0)
    batch(log, 2)
    expect(epochEntries(log)).toEqual([
      [0, 0],
      [2, 10],
    ])
    expect(log.logEndOffset).toBe(15)
  })

  it('endOffsetForEpoch returns the largest epoch <= requested and the next epoch start', () => {
    const log = emptyLog()
    batch(log, 0)
    batch(log, 2)
    batch(log, 4)
    expect(endOffsetForEpoch(log, 0)).toEqual([0, 5])
    expect(endOffsetForEpoch(log, 1)).toEqual([0, 5])
    expect(endOffsetForEpoch(log, 3)).toEqual([2, 10])
    expect(endOffsetForEpoch(log, 4)).toEqual([4, 15])
    expect(endOffsetForEpoch(emptyLog(), 4)).toEqual([-1, -1])
  })

  it('assignEpochStartOffset (makeLeader) appends the new epoch at the log end', () => {
    const log = emptyLog()
    batch(log, 0)
    assignEpochStartOffset(log, 3)
    expect(epochEntries(log)).toEqual([
      [0, 0],
      [3, 5],
    ])
  })

  it('assignEpochStartOffset is a no-op for a leader re-assigning its current epoch', () => {
    const log = emptyLog()
    batch(log, 0)
    assignEpochStartOffset(log, 1)
    batch(log, 1)
    assignEpochStartOffset(log, 1)
    expect(epochEntries(log)).toEqual([
      [0, 0],
      [1, 5],
    ])
  })
})

describe('truncation', () => {
  it('truncateTo removes batches and epochs at or beyond the offset', () => {
    const log = emptyLog()
    batch(log, 0)
    batch(log, 1)
    batch(log, 1)
    expect(truncateTo(log, 5)).toBe(10)
    expect(log.logEndOffset).toBe(5)
    expect(epochEntries(log)).toEqual([[0, 0]])
  })

  it('truncateTo beyond the end still trims an empty epoch at the log end (UnifiedLog.truncateTo)', () => {
    const log = emptyLog()
    batch(log, 0)
    assignEpochStartOffset(log, 1)
    expect(truncateTo(log, 5)).toBe(0)
    expect(epochEntries(log)).toEqual([[0, 0]])
  })

  it.each([
    // follower epochs, diverging [epoch, endOffset], expected truncation offset
    {
      name: 'same epoch: min of both ends',
      epochs: [0, 1, 1],
      diverging: [1, 7] as const,
      expected: 7,
    },
    {
      name: 'follower lacks the epoch: end of its own lower epoch',
      epochs: [0, 2, 2],
      diverging: [1, 12] as const,
      expected: 5,
    },
    {
      name: 'leader ends earlier in epoch 0',
      epochs: [0, 0, 0],
      diverging: [0, 5] as const,
      expected: 5,
    },
  ])('getOffsetTruncationState: $name', ({ epochs, diverging, expected }) => {
    const log = emptyLog()
    for (const e of epochs) batch(log, e)
    expect(truncationOffset(log, diverging[0], diverging[1])).toBe(expected)
  })

  it('isPrefixOf compares shared batch identity', () => {
    const leader = emptyLog()
    const a = batch(leader, 0)
    const b = batch(leader, 0)
    const follower = emptyLog()
    appendBatch(follower, a)
    expect(isPrefixOf(follower, leader)).toBe(true)
    appendBatch(follower, { ...b })
    expect(isPrefixOf(follower, leader)).toBe(false)
  })
})

describe('batch lookup', () => {
  it('batchIndexAtOrAfter finds the first batch at or after an offset, near the tail or not', () => {
    for (let n = 0; n <= 12; n++) {
      const log = emptyLog()
      for (let i = 0; i < n; i++) batch(log, 0, 1 + (i % 4))
      for (let offset = 0; offset <= log.logEndOffset + 1; offset++) {
        const expected = log.batches.findIndex((b) => b.baseOffset >= offset)
        expect(batchIndexAtOrAfter(log, offset)).toBe(expected === -1 ? n : expected)
      }
    }
  })
})
