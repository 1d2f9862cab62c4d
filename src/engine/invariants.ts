/**
 * Invariants checked after every event in tests and dev builds (docs/architecture.md, "Determinism"). The checker keeps
 * its own memory (epochs seen, high watermarks) outside the model, so a bug in the model cannot
 * hide itself.
 */
import { heldBufferBytes } from './clients'
import {
  brokerAt,
  emit,
  ledOn,
  leaderMinIsr,
  partitionAt,
  partitionName,
  producerAt,
  replicaAt,
  slotOfId,
  type Ctx,
} from './context'
import {
  FIRST_BROKER,
  FIRST_PARTITION,
  asPartitionIndex,
  asProducerIndex,
  type PartitionIndex,
  type ReplicaSlot,
} from './ids'
import { fetchesFrom, pairIndex } from './broker/fetch-pair'
import {
  followerLogEndOffset,
  inKnownIsr,
  inMaximalIsr,
  lastCaughtUpTimeMs,
  slotCount,
} from './follower-table'
import { needsIsrCheck } from './broker/leader-side'
import { isUnwritable } from './controller'
import { NO_IDS, UNKNOWN_ISR } from './init'
import { epochEntries } from './log'
import { effectiveMinIsr } from './spec'
import type { PartitionState } from './state'

export interface InvariantChecker {
  /** Per partition: leader epoch → leader seen in it. */
  epochLeaders: Map<number, number>[]
  lastEpoch: number[]
  /** Per partition: [epoch, high watermark] last seen on the registered leader. */
  leaderHw: [number, number][]
  everUnclean: boolean[]
}

export function createInvariantChecker(): InvariantChecker {
  return { epochLeaders: [], lastEpoch: [], leaderHw: [], everUnclean: [] }
}

/** The replica slots, ascending, whose replica id and slot satisfy `test`. */
function slotsWhere(part: PartitionState, test: (id: number, slot: number) => boolean): number[] {
  const slots: number[] = []
  part.replicas.forEach((id, slot) => {
    if (test(id, slot)) slots.push(slot)
  })
  return slots
}

export function checkPartition(ctx: Ctx, checker: InvariantChecker, p: PartitionIndex): string[] {
  const part = partitionAt(ctx, p)
  const name = partitionName(ctx, p)
  const out: string[] = []
  for (const r of part.isr)
    if (!part.replicas.includes(r)) out.push(`${name}: ISR member ${r} is not a replica`)
  const unclean = part.uncleanSinceEpoch >= 0
  if (unclean) checker.everUnclean[p] = true
  // A replica whose volume was replaced leads before it caught up: records it never fetched are
  // gone without an unclean election (the case KIP-966's unclean-shutdown handling closes).
  // It may also be elected (then emptyLeaderSinceEpoch says so), or lead in its old epoch from
  // the metadata it applied on restart, before the controller fenced its old incarnation.
  const leaderSlot = part.leaderId >= 0 ? slotOfId(part, part.leaderId) : -1
  if (
    part.emptyLeaderSinceEpoch >= 0 ||
    (leaderSlot >= 0 && replicaAt(part, leaderSlot as ReplicaSlot).volumeReplaced)
  )
    checker.everUnclean[p] = true
  if (
    part.leaderId >= 0 &&
    !part.isr.includes(part.leaderId) &&
    part.uncleanSinceEpoch !== part.leaderEpoch
  ) {
    out.push(
      `${name}: leader ${part.leaderId} is not in ISR ${JSON.stringify(part.isr)} without an unclean election`,
    )
  }
  const last = checker.lastEpoch[p] ?? -1
  if (part.leaderEpoch < last)
    out.push(`${name}: leader epoch went back from ${last} to ${part.leaderEpoch}`)
  checker.lastEpoch[p] = part.leaderEpoch
  const leaders = (checker.epochLeaders[p] ??= new Map())
  if (part.leaderId >= 0) {
    const seen = leaders.get(part.leaderEpoch)
    if (seen !== undefined && seen !== part.leaderId) {
      out.push(`${name}: epoch ${part.leaderEpoch} had leaders ${seen} and ${part.leaderId}`)
    }
    leaders.set(part.leaderEpoch, part.leaderId)
    const slot = slotOfId(part, part.leaderId)
    const rs = replicaAt(part, slot)
    if (rs.leaderSide !== null) {
      if (rs.highWatermark > rs.log.logEndOffset) {
        out.push(
          `${name}: high watermark ${rs.highWatermark} above leader log end ${rs.log.logEndOffset}`,
        )
      }
      const [epoch, hw] = checker.leaderHw[p] ?? [-1, -1]
      // A leader restarted on a new, empty volume applies its old leadership with a high
      // watermark of 0 until the controller fences the old incarnation.
      if (epoch === part.leaderEpoch && rs.highWatermark < hw && !rs.volumeReplaced) {
        out.push(`${name}: leader high watermark went back from ${hw} to ${rs.highWatermark}`)
      }
      checker.leaderHw[p] = [part.leaderEpoch, rs.highWatermark]
      // The ISR check's fast-path summary agrees with the followers' tracking.
      const side = rs.leaderSide
      if (side.knownIsrSize !== rs.knownIsr.length)
        out.push(`${name}: the leader's known ISR size is out of step`)
      const isrSlots = slotsWhere(part, (r, i) => i !== slot && rs.knownIsr.includes(r))
      const table = side.followers
      if (slotCount(table) !== part.replicas.length)
        out.push(`${name}: the leader's follower table has the wrong number of slots`)
      const maximalFlagged = slotsWhere(part, (_, i) => inMaximalIsr(table, i as ReplicaSlot))
      const maximal = slotsWhere(part, (r) => side.maximalIsr.includes(r))
      if (JSON.stringify(maximalFlagged) !== JSON.stringify(maximal))
        out.push(`${name}: the leader's maximal ISR flags are out of step`)
      const isrFlagged = slotsWhere(part, (_, i) => inKnownIsr(table, i as ReplicaSlot))
      if (
        JSON.stringify(isrSlots) !== JSON.stringify(isrFlagged) ||
        side.isrFollowerCount !== isrSlots.length
      )
        out.push(`${name}: the leader's ISR follower slots are out of step`)
      const tracked = isrSlots.map((i) => ({
        lastCaughtUpTimeMs: lastCaughtUpTimeMs(table, i as ReplicaSlot),
        logEndOffset: followerLogEndOffset(table, i as ReplicaSlot),
      }))
      const min = tracked.length === 0 ? -1 : Math.min(...tracked.map((f) => f.lastCaughtUpTimeMs))
      if (side.minFollowerCaughtUpMs !== min)
        out.push(`${name}: the leader's smallest follower caught-up time is out of step`)
      const atEnd = tracked.every((f) => f.logEndOffset === rs.log.logEndOffset)
      if (side.followersAtEnd !== atEnd)
        out.push(`${name}: the leader's followers-at-end flag is out of step`)
    }
  }
  // The derived index of leader sides (ctx.ledBy) agrees with the replicas themselves, and each
  // log's remembered latest epoch with its epoch cache.
  for (const rs of part.replicaStates) {
    if (rs.log.lastEpoch !== (epochEntries(rs.log).at(-1)?.[0] ?? -1))
      out.push(`${name}: broker index ${rs.brokerIndex} log's latest epoch is out of step`)
    const listed = ledOn(ctx, rs.brokerIndex).find((side) => side.p === p)
    if ((listed ?? null) !== rs.leaderSide)
      out.push(`${name}: broker index ${rs.brokerIndex} leader-side index is out of step`)
    // A follower fetches the partition from exactly the leader its metadata names (the hot
    // paths read `fetchesFrom` instead of searching the pairs' partition lists).
    for (let l = FIRST_BROKER; l < ctx.s.brokers.length; l++) {
      const pair = ctx.s.pairs[pairIndex(ctx, rs.brokerIndex, l)]
      const member = pair !== null && pair !== undefined && pair.partitions.includes(p)
      if (member !== fetchesFrom(rs, l, brokerAt(ctx, l).id))
        out.push(`${name}: broker index ${rs.brokerIndex} fetch pair membership is out of step`)
    }
  }
  // Acknowledged acks=all writes under min ISR >= 2 survive unless an unclean election happened.
  if (!checker.everUnclean[p] && part.lostRecords > 0) {
    const topic = ctx.spec.topics[part.topic]
    if (topic !== undefined && effectiveMinIsr(topic, ctx.spec.cluster.config) >= 2) {
      const allAcks = part.acked.every((acked) => {
        const ps = producerAt(ctx, asProducerIndex(acked.producer))
        const spec = ctx.spec.clients[ps.client] as { config: { acks: number } }
        return spec.config.acks === -1
      })
      if (allAcks)
        out.push(`${name}: ${part.lostRecords} acks=all records lost without an unclean election`)
    }
  }
  return out
}

/** A pair's partition set: its first member (-1 when empty) below every member of the rest. */
function pairSetProblem(first: number, rest: number[]): boolean {
  if (first === -1) return rest.length > 0
  let prev = first
  for (const p of rest) {
    if (p <= prev) return true
    prev = p
  }
  return false
}

export function checkInvariants(ctx: Ctx, checker: InvariantChecker): void {
  const problems: string[] = []
  // The shared empty lists of the initial state are never edited in place (every partition and
  // simulation holds them).
  if (NO_IDS.length !== 0 || UNKNOWN_ISR.length !== 0)
    problems.push('a shared empty list of the initial state was edited in place')
  ctx.s.pairs.forEach((pair, i) => {
    if (pair === null) return
    if (pairSetProblem(pair.dirtyFirst, pair.dirty) || pairSetProblem(pair.hwFirst, pair.hwPending))
      problems.push(`fetch pair ${i}: a partition set is out of order`)
  })
  // The per-broker counts over leader sides (the ISR check's sides it cannot skip, and the three
  // partition gauges) agree with the sides themselves, recounted.
  ctx.ledBy.forEach((sides, b) => {
    let due = 0
    let underReplicated = 0
    let underMinIsr = 0
    let atMinIsr = 0
    for (const side of sides) {
      due += needsIsrCheck(side)
      if (!side.listed || side.brokerIndex !== b)
        problems.push(`broker index ${b}: a led side is unlisted`)
      const minIsr = leaderMinIsr(ctx, side.p, side.brokerIndex)
      if (side.knownIsrSize < slotCount(side.followers)) underReplicated++
      if (side.knownIsrSize < minIsr) underMinIsr++
      else if (side.knownIsrSize === minIsr) atMinIsr++
    }
    if (due !== ctx.isrCheckDue[b])
      problems.push(`broker index ${b}: ISR-check count ${ctx.isrCheckDue[b]}, sides say ${due}`)
    const gauges = ctx.leaderGauges
    if (
      gauges.underReplicated[b] !== underReplicated ||
      gauges.underMinIsr[b] !== underMinIsr ||
      gauges.atMinIsr[b] !== atMinIsr
    )
      problems.push(`broker index ${b}: leader gauge counts are out of step with its sides`)
  })
  problems.push(...derivedIndexProblems(ctx))
  problems.push(...groupProblems(ctx))
  report(ctx, problems)
  for (let p = FIRST_PARTITION; p < ctx.s.partitions.length; p++)
    report(ctx, checkPartition(ctx, checker, p))
}

/**
 * Consumer groups: a completed generation's assignment hands every partition of the topic to
 * exactly one member the coordinator knows; a stable member reads only partitions of its own
 * generation's assignment; the commits lie in the offsets partition's log order.
 */
function groupProblems(ctx: Ctx): string[] {
  const problems: string[] = []
  ctx.s.groups.forEach((group) => {
    if (group.state === 'Stable' || group.state === 'CompletingRebalance') {
      const owners = new Array<number>(group.delivered.length).fill(0)
      group.slots.forEach((_, slot) => {
        if (!group.inGroup[slot]) return
        for (const p of group.assignment[slot] ?? []) owners[p] = (owners[p] ?? 0) + 1
      })
      if (owners.some((n) => n !== 1))
        problems.push(
          `group ${group.name}: generation ${group.generation} does not assign every partition once`,
        )
    }
    for (let i = 1; i < group.commits.length; i++) {
      if (
        (group.commits[i] as { logOffset: number }).logOffset <=
        (group.commits[i - 1] as { logOffset: number }).logOffset
      )
        problems.push(`group ${group.name}: offset commits out of log order`)
    }
    group.slots.forEach((ci, slot) => {
      const gm = ctx.s.consumers[ci]?.gm
      if (gm === null || gm === undefined || gm.phase !== 3 || gm.generation !== group.generation)
        return
      if (!group.inGroup[slot]) return
      const mine = group.assignment[slot] ?? []
      if (gm.assigned.some((p) => !mine.includes(p)))
        problems.push(`group ${group.name}: a stable member reads a partition not assigned to it`)
    })
  })
  return problems
}

/**
 * The context's other derived indexes against a fresh computation from the state: the
 * partitions each broker hosts (`ctx.hostedBy`, ascending), the cluster gauges
 * (cluster-gauges.ts) and the offline and unwritable partition counts.
 */
function derivedIndexProblems(ctx: Ctx): string[] {
  const problems: string[] = []
  const s = ctx.s
  const hosted: number[][] = s.brokers.map(() => [])
  let imbalanced = 0
  let lostWithLeader = 0
  let offline = 0
  let unwritable = 0
  s.partitions.forEach((part, i) => {
    const p = asPartitionIndex(i)
    for (const id of part.replicas) hosted[ctx.brokerIndex.get(id) as number]?.push(p)
    if (
      part.replicaStates.some(
        (rs, slot) => rs.brokerIndex !== ctx.brokerIndex.get(part.replicas[slot] as number),
      )
    )
      problems.push(`${partitionName(ctx, p)}: a replica's broker index is out of step`)
    if (part.leaderId !== part.replicas[0]) imbalanced++
    if (part.leaderId !== -1) lostWithLeader += part.lostRecords
    else offline++
    if (isUnwritable(ctx, p)) unwritable++
  })
  if (JSON.stringify(hosted) !== JSON.stringify(ctx.hostedBy))
    problems.push('the partitions each broker hosts (hostedBy) are out of step')
  if (imbalanced !== ctx.imbalanced)
    problems.push(`preferred-leader imbalance ${ctx.imbalanced}, partitions say ${imbalanced}`)
  if (lostWithLeader !== ctx.lostWithLeader)
    problems.push(
      `lost records with a leader ${ctx.lostWithLeader}, partitions say ${lostWithLeader}`,
    )
  if (offline !== s.offlineCount)
    problems.push(`offline partition count ${s.offlineCount}, partitions say ${offline}`)
  if (unwritable !== s.unwritableCount)
    problems.push(`unwritable partition count ${s.unwritableCount}, partitions say ${unwritable}`)
  for (const producer of s.producers) {
    const held = heldBufferBytes(ctx, producer)
    if (held !== producer.bufferUsed)
      problems.push(
        `producer ${producer.index}: buffer.memory used ${producer.bufferUsed}, batches hold ${held}`,
      )
    const open = producer.requests.reduce((n, r) => (r.closed ? n : n + 1), 0)
    if (open !== producer.openRequests)
      problems.push(
        `producer ${producer.index}: ${producer.openRequests} open requests counted, ${open} in the list`,
      )
  }
  return problems
}

function report(ctx: Ctx, problems: string[]): void {
  for (const message of problems) {
    emit(ctx, { atMs: ctx.s.nowMs, type: 'InvariantViolated', message })
    if (ctx.throwOnViolation) throw new Error(`invariant violated at ${ctx.s.nowMs} ms: ${message}`)
  }
}
