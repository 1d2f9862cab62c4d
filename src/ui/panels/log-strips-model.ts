/**
 * Pure helpers for LogStrips: where an offset sits in the window (a percentage), the cells a
 * replica's batches become (runs of one epoch, merged so a row has at most about 60), each
 * replica's role in words, and the one-sentence summary screen readers hear. Everything comes
 * from the engine's PartitionLogView; nothing is guessed.
 */
import type { LogViewBatch, PartitionLogView, ReplicaLogView } from '../../engine/log-view'
import { t } from '../i18n/runtime'

/** A row holds at most about this many cells. */
export const MAX_CELLS = 60

export interface LogCell {
  from: number
  /** Exclusive. */
  to: number
  epoch: number
}

export function formatOffset(n: number): string {
  return n.toLocaleString('en-US')
}

/** The window's position of `offset`, 0–100, clamped to the window. */
export function percentOf(view: PartitionLogView, offset: number): number {
  const { from, to } = view.window
  if (to <= from) return 0
  return (Math.min(to, Math.max(from, offset)) - from) * (100 / (to - from))
}

/** Where `offset` lies relative to the window. */
export function placeOf(view: PartitionLogView, offset: number): 'below' | 'in' | 'beyond' {
  if (offset < view.window.from) return 'below'
  return offset > view.window.to ? 'beyond' : 'in'
}

/**
 * A replica's batches as cells: consecutive batches of one epoch merge until a cell covers
 * `window / MAX_CELLS` offsets; a batch larger than that stays one cell.
 */
export function cellsOf(view: PartitionLogView, batches: readonly LogViewBatch[]): LogCell[] {
  const size = Math.max(1, Math.ceil((view.window.to - view.window.from) / MAX_CELLS))
  const cells: LogCell[] = []
  for (const b of batches) {
    const last = cells[cells.length - 1]
    const end = b.baseOffset + b.count
    if (
      last !== undefined &&
      last.epoch === b.epoch &&
      last.to === b.baseOffset &&
      end - last.from <= size
    )
      last.to = end
    else cells.push({ from: b.baseOffset, to: end, epoch: b.epoch })
  }
  return cells
}

/** The epochs present in the window, ascending, with the offsets each covers on any replica. */
export function epochsOf(view: PartitionLogView): { epoch: number; from: number; to: number }[] {
  const byEpoch = new Map<number, { epoch: number; from: number; to: number }>()
  for (const r of view.replicas)
    for (const b of r.batches) {
      const seen = byEpoch.get(b.epoch)
      const end = b.baseOffset + b.count
      if (seen === undefined) byEpoch.set(b.epoch, { epoch: b.epoch, from: b.baseOffset, to: end })
      else {
        seen.from = Math.min(seen.from, b.baseOffset)
        seen.to = Math.max(seen.to, end)
      }
    }
  return [...byEpoch.values()].sort((a, b) => a.epoch - b.epoch)
}

/** "leader", "in-sync follower", "out of sync" or "offline" (with what still holds). */
export function roleOf(view: PartitionLogView, r: ReplicaLogView): string {
  const leads = r.broker === view.leader
  if (!r.online) {
    if (leads) return t('log.role.offlineLeader')
    return t(r.inIsr ? 'log.role.offlineInIsr' : 'log.role.offline')
  }
  if (leads) return t('log.role.leader')
  return t(r.inIsr ? 'log.role.inSync' : 'log.role.outOfSync')
}

/** Records in [HW, leader LEO): written to the leader, not yet on every ISR member. */
export function uncommittedCount(view: PartitionLogView): number {
  const leader = view.replicas.find((r) => r.broker === view.leader)
  return leader === undefined ? 0 : Math.max(0, leader.logEndOffset - view.highWatermark)
}

/** A truncation as words: the offsets it removed, [toOffset, fromOffset). */
export function truncationText(cut: { fromOffset: number; toOffset: number }): string {
  const n = cut.fromOffset - cut.toOffset
  return t('log.truncated', {
    count: n,
    n: formatOffset(n),
    from: formatOffset(cut.toOffset),
    to: formatOffset(cut.fromOffset - 1),
  })
}

/**
 * The picture in one sentence, e.g. "Leader broker 2 LEO 1,204; HW 1,198; broker 3 in sync at
 * 1,204; broker 1 offline at 1,150".
 */
export function summaryOf(view: PartitionLogView): string {
  const parts: string[] = []
  const leader = view.replicas.find((r) => r.broker === view.leader)
  if (leader === undefined) parts.push(t('log.noLeader'))
  else {
    const words = { broker: leader.broker, leo: formatOffset(leader.logEndOffset) }
    parts.push(t(leader.online ? 'log.leader' : 'log.leaderOffline', words))
  }
  parts.push(t('log.hw', { hw: formatOffset(view.highWatermark) }))
  const uncommitted = uncommittedCount(view)
  if (uncommitted > 0) parts.push(t('log.uncommitted', { count: formatOffset(uncommitted) }))
  for (const r of view.replicas) {
    if (r !== leader) {
      const state = t(
        !r.online ? 'log.state.offline' : r.inIsr ? 'log.state.inSync' : 'log.state.outOfSync',
      )
      parts.push(t('log.brokerAt', { broker: r.broker, state, leo: formatOffset(r.logEndOffset) }))
    }
    const last = r.truncated.at(-1)
    if (last !== undefined) {
      parts.push(t('log.brokerTruncated', { broker: r.broker, truncation: truncationText(last) }))
    }
  }
  for (const c of view.consumers) {
    parts.push(t('log.consumerAt', { id: c.id, position: formatOffset(c.position) }))
  }
  if (view.lostAckedRecords > 0)
    parts.push(t('log.lostCount', { count: formatOffset(view.lostAckedRecords) }))
  return parts.join('; ')
}
