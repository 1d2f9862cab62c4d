/**
 * A replica's log: record batches plus the leader-epoch cache.
 *
 * Kafka keeps records in segments and a `LeaderEpochFileCache` of (epoch, startOffset) entries
 * (storage/.../epoch/LeaderEpochFileCache.java). We keep the batches as an array of shared,
 * immutable batch objects: a follower that fetches a batch stores the same object as its leader,
 * so "is this follower's log a prefix of its leader's" is an identity check, and every record can
 * be traced to the producer id and sequence that wrote it.
 *
 * Simplification: truncation happens at batch boundaries. Kafka truncates segments at the batch
 * containing the target offset too (LogSegment.truncateTo), and every truncation point the
 * protocol produces here is a batch boundary.
 */

export interface Batch {
  baseOffset: number
  /** Number of records. */
  count: number
  /** Leader epoch in which the batch was appended. */
  epoch: number
  /** Index of the producing client in the spec, or -1. */
  producer: number
  /** Sequence number of the first record (idempotent producer). */
  baseSequence: number
}

export interface ReplicaLog {
  batches: Batch[]
  /** Log end offset: the offset the next record will get. */
  logEndOffset: number
  /**
   * Leader-epoch cache, flat: epoch, startOffset, epoch, startOffset, … with epochs strictly
   * increasing (one array of numbers per log rather than a small array per entry).
   */
  epochs: number[]
  /** The latest epoch in the cache, or -1 (kept beside it: fetches read it on every round). */
  lastEpoch: number
}

export function emptyLog(): ReplicaLog {
  return { batches: [], logEndOffset: 0, epochs: [], lastEpoch: -1 }
}

/** The latest epoch in the cache, or -1 for a log without epochs. */
export function latestEpoch(log: ReplicaLog): number {
  return log.lastEpoch
}

/** The epoch cache as [epoch, startOffset] pairs (for tests and diagnostics). */
export function epochEntries(log: ReplicaLog): [number, number][] {
  const out: [number, number][] = []
  for (let i = 0; i < log.epochs.length; i += 2)
    out.push([log.epochs[i] as number, log.epochs[i + 1] as number])
  return out
}

function syncLastEpoch(log: ReplicaLog): void {
  const n = log.epochs.length
  log.lastEpoch = n === 0 ? -1 : (log.epochs[n - 2] as number)
}

/** Start offset of the latest entry (call only with a non-empty cache). */
function lastStart(log: ReplicaLog): number {
  return log.epochs[log.epochs.length - 1] as number
}

function popEntry(log: ReplicaLog): void {
  log.epochs.pop()
  log.epochs.pop()
}

/**
 * Records that the replica became leader in `epoch` at its current log end offset
 * (Partition.makeLeader → LeaderEpochFileCache.assign via maybeAssignEpochStartOffset).
 * Entries that start at or after that offset belong to abandoned epochs and are dropped.
 */
export function assignEpochStartOffset(log: ReplicaLog, epoch: number): void {
  // LeaderEpochFileCache.assign is a no-op when the latest entry already has this epoch with an
  // earlier start (a leader restarting in the same epoch keeps its entry).
  if (log.epochs.length > 0 && log.lastEpoch === epoch && lastStart(log) <= log.logEndOffset) return
  while (log.epochs.length > 0) {
    if (log.lastEpoch >= epoch || lastStart(log) >= log.logEndOffset) {
      popEntry(log)
      syncLastEpoch(log)
    } else break
  }
  log.epochs.push(epoch, log.logEndOffset)
  log.lastEpoch = epoch
}

/** Appends a batch whose baseOffset must equal the log end offset. */
export function appendBatch(log: ReplicaLog, batch: Batch): void {
  if (batch.baseOffset !== log.logEndOffset) {
    throw new Error(`append at ${batch.baseOffset} but log end offset is ${log.logEndOffset}`)
  }
  if (log.epochs.length === 0 || batch.epoch > log.lastEpoch) {
    log.epochs.push(batch.epoch, batch.baseOffset)
    log.lastEpoch = batch.epoch
  }
  log.batches.push(batch)
  log.logEndOffset = batch.baseOffset + batch.count
}

/**
 * Index of the first batch with baseOffset >= offset. Fetches and acknowledgements almost always
 * ask about the last batch or two, so the tail is tried first (each probe reads a batch, usually
 * cold in the CPU caches); otherwise a binary search.
 */
export function batchIndexAtOrAfter(log: ReplicaLog, offset: number): number {
  const batches = log.batches
  let i = batches.length
  for (let step = 0; step < 3 && i > 0; step++) {
    if ((batches[i - 1] as Batch).baseOffset < offset) return i
    i--
  }
  let lo = 0
  let hi = i
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((log.batches[mid] as Batch).baseOffset < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The batch starting exactly at `offset`, if any. */
export function batchAt(log: ReplicaLog, offset: number): Batch | null {
  const i = batchIndexAtOrAfter(log, offset)
  const b = log.batches[i]
  return b !== undefined && b.baseOffset === offset ? b : null
}

/** Removes every batch at or beyond `offset`; returns the number of records removed. */
export function truncateTo(log: ReplicaLog, offset: number): number {
  if (offset >= log.logEndOffset) {
    // UnifiedLog.truncateTo always truncates the epoch cache: a former leader may hold an epoch
    // entry at its log end without records, which would otherwise diverge forever.
    while (log.epochs.length > 0 && lastStart(log) >= log.logEndOffset) popEntry(log)
    syncLastEpoch(log)
    return 0
  }
  const i = batchIndexAtOrAfter(log, offset)
  const removed = log.logEndOffset - offset
  log.batches.length = i
  const last = log.batches[i - 1]
  log.logEndOffset = last === undefined ? 0 : last.baseOffset + last.count
  // LeaderEpochFileCache.truncateFromEnd: entries starting at or beyond the new end go.
  while (log.epochs.length > 0 && lastStart(log) >= log.logEndOffset) popEntry(log)
  syncLastEpoch(log)
  return removed
}

/**
 * The leader epoch of the record at `offset` (the largest cached epoch whose start offset is at
 * or below it), as a fetched batch's partitionLeaderEpoch tells the consumer; -1 when none.
 */
export function epochAtOffset(log: ReplicaLog, offset: number): number {
  const epochs = log.epochs
  for (let i = epochs.length - 2; i >= 0; i -= 2)
    if ((epochs[i + 1] as number) <= offset) return epochs[i] as number
  return -1
}

/**
 * LeaderEpochFileCache.endOffsetFor: the largest epoch <= `requestedEpoch` and its end offset,
 * which is the start offset of the next higher epoch, or the log end offset for the latest
 * epoch. Returns [-1, -1] when the cache has no epoch <= requested (UNDEFINED_EPOCH_OFFSET).
 */
export function endOffsetForEpoch(log: ReplicaLog, requestedEpoch: number): [number, number] {
  const epochs = log.epochs
  for (let i = epochs.length - 2; i >= 0; i -= 2) {
    const epoch = epochs[i] as number
    if (epoch <= requestedEpoch) {
      const nextStart = i + 3 < epochs.length ? (epochs[i + 3] as number) : log.logEndOffset
      return [epoch, nextStart]
    }
  }
  return [-1, -1]
}

/**
 * The follower's truncation point after a diverging-epoch answer
 * (AbstractFetcherThread.getOffsetTruncationState): if the follower has the leader's epoch,
 * truncate to the smaller end offset; otherwise truncate to the end of the follower's own
 * largest epoch below it.
 */
export function truncationOffset(
  followerLog: ReplicaLog,
  divergingEpoch: number,
  divergingEndOffset: number,
): number {
  const [fEpoch, fEnd] = endOffsetForEpoch(followerLog, divergingEpoch)
  if (fEpoch === -1) return 0
  if (fEpoch === divergingEpoch) {
    return Math.min(fEnd, divergingEndOffset, followerLog.logEndOffset)
  }
  return Math.min(fEnd, followerLog.logEndOffset)
}

/** True when `follower`'s batches are a prefix of `leader`'s (shared batch objects). */
export function isPrefixOf(follower: ReplicaLog, leader: ReplicaLog): boolean {
  if (follower.batches.length > leader.batches.length) return false
  for (let i = 0; i < follower.batches.length; i++) {
    if (follower.batches[i] !== leader.batches[i]) return false
  }
  return true
}
