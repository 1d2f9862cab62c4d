/**
 * What a leader tracks of each replica of its partition (Kafka's remote `Replica` objects on the
 * leader: log end offset, `lastCaughtUpTimeMs`, the leader's log end at the last fetch and the
 * time of that fetch), plus whether the replica is in the ISR the leader knows and in its maximal
 * ISR.
 *
 * Kept as one flat array of small integers per leader side, `FIELD_COUNT` numbers per replica
 * slot, instead of an array of objects: on a 10,000-partition cluster almost every object a fetch
 * touches is cold in the CPU caches, and one array per side saves a memory load on every fetch.
 * This module is the only code that knows the layout: everything else reads and writes the table
 * through the named accessors below, each of which asserts its slot. It sits beside the pure rules
 * (protocol/) that read it, not inside broker/, so that they do not depend on the broker side.
 *
 * The table has a fixed number of slots, one per replica of the partition when the side was
 * created. A change of the replica set (a reassignment) would need one function here that builds
 * a new table for the new replica list, carrying over the slots of the replicas that stay.
 */
import type { ReplicaSlot } from './ids'
import { caughtUpTimeAfterFetch } from './protocol/replica-rules'

/** The fields of one slot, at these offsets. */
const FIELD = {
  logEndOffset: 0,
  lastCaughtUpTimeMs: 1,
  lastFetchLeaderLogEndOffset: 2,
  lastFetchTimeMs: 3,
  /** Bit flags: `KNOWN_ISR`, `MAXIMAL_ISR`. */
  isrFlags: 4,
} as const
const FIELD_COUNT = 5

// The layout is checked once, when the module loads: every offset distinct and in range.
{
  const offsets = Object.values(FIELD) as number[]
  if (
    offsets.length !== FIELD_COUNT ||
    new Set(offsets).size !== FIELD_COUNT ||
    offsets.some((o) => o < 0 || o >= FIELD_COUNT)
  )
    throw new Error(`follower table: FIELD_COUNT ${FIELD_COUNT} does not match FIELD`)
}

/** The slot's replica is a follower (never the leader's own slot) in the ISR the leader knows. */
const KNOWN_ISR = 1
/** The slot's replica is in the leader's maximal ISR. */
const MAXIMAL_ISR = 2

declare const followerTableBrand: unique symbol
/** A leader's follower table: plain numbers (structured-cloneable), built only here. */
export type FollowerTable = number[] & { readonly [followerTableBrand]: true }

/**
 * The offset of `slot`'s first field, asserting the slot: a whole number within this leader's
 * slots. Always on: it is one comparison with the length the array read needs anyway, so the hot
 * paths pay next to nothing and a wrong slot fails loudly in the app as in the tests.
 */
function base(table: FollowerTable, slot: ReplicaSlot): number {
  const at = FIELD_COUNT * slot
  if (at >>> 0 !== at || at >= table.length) return outside(table, slot)
  return at
}

/** The cold path of `base`, kept out of it so that it stays small enough to inline. */
function outside(table: FollowerTable, slot: ReplicaSlot): never {
  throw new Error(
    `follower table: slot ${slot} outside 0..${table.length / FIELD_COUNT - 1} of this leader`,
  )
}

/**
 * "Long ago", for times Kafka sets to 0: Kafka's clock is epoch milliseconds, so 0 is decades in
 * the past, while the simulation's clock starts at 0. A small integer (V8 keeps it unboxed) far
 * enough back that `now - LONG_AGO_MS` always exceeds replica.lag.time.max.ms.
 */
export const LONG_AGO_MS = -(2 ** 30)

/**
 * A leader's table for a new leader epoch (Partition.makeLeader → Replica.resetReplicaState):
 * - a broker that was not leading (`previous` null, isNewLeader): log end offsets unknown (-1)
 *   until the followers fetch, no fetch yet (long ago);
 * - a broker re-elected (`previous`, its table of the same replicas, isNewLeader false): each
 *   follower keeps its log end offset, and its last fetch is taken as "at the leader's end
 *   (`leaderEndOffset`), now" for ISR members, long ago for the others, so a follower outside the
 *   ISR is not brought back before it fetches;
 * and in both cases the last caught-up time is `nowMs` for members of `isr`, long ago for the
 * others, with no flags (the leader side sets them).
 */
export function createFollowerTable(
  replicas: readonly number[],
  isr: readonly number[],
  nowMs: number,
  previous: FollowerTable | null = null,
  leaderEndOffset = -1,
): FollowerTable {
  const table: number[] = []
  // Only a table of the same replicas carries over (no reassignments are modelled).
  const carry = previous !== null && previous.length === FIELD_COUNT * replicas.length
  // push keeps the array packed small integers, the cheapest kind for V8 to read.
  for (let i = 0; i < replicas.length; i++) {
    const inIsr = isr.includes(replicas[i] as number)
    const caughtUp = inIsr ? nowMs : LONG_AGO_MS
    if (!carry) table.push(-1, caughtUp, -1, LONG_AGO_MS, 0)
    else {
      const end = previous[FIELD_COUNT * i + FIELD.logEndOffset] as number
      table.push(end, caughtUp, leaderEndOffset, inIsr ? nowMs : LONG_AGO_MS, 0)
    }
  }
  return table as FollowerTable
}

/** How many replica slots the table has (the partition's replication factor). */
export function slotCount(table: FollowerTable): number {
  return table.length / FIELD_COUNT
}

export function followerLogEndOffset(table: FollowerTable, slot: ReplicaSlot): number {
  return table[base(table, slot) + FIELD.logEndOffset] as number
}

export function lastCaughtUpTimeMs(table: FollowerTable, slot: ReplicaSlot): number {
  return table[base(table, slot) + FIELD.lastCaughtUpTimeMs] as number
}

export function lastFetchLeaderLogEndOffset(table: FollowerTable, slot: ReplicaSlot): number {
  return table[base(table, slot) + FIELD.lastFetchLeaderLogEndOffset] as number
}

export function lastFetchTimeMs(table: FollowerTable, slot: ReplicaSlot): number {
  return table[base(table, slot) + FIELD.lastFetchTimeMs] as number
}

/** Records a fetch from the follower in `slot` (Replica.updateFetchStateOrThrow's four fields). */
export function setFetchState(
  table: FollowerTable,
  slot: ReplicaSlot,
  logEndOffset: number,
  caughtUpTimeMs: number,
  leaderLogEndOffset: number,
  fetchTimeMs: number,
): void {
  const at = base(table, slot)
  table[at + FIELD.logEndOffset] = logEndOffset
  table[at + FIELD.lastCaughtUpTimeMs] = caughtUpTimeMs
  table[at + FIELD.lastFetchLeaderLogEndOffset] = leaderLogEndOffset
  table[at + FIELD.lastFetchTimeMs] = fetchTimeMs
}

/**
 * Records a fetch from the follower in `slot` at `fetchOffset`, with the leader's log end at
 * `leaderLogEndOffset`, at `nowMs`: Replica.updateFetchStateOrThrow, with the caught-up rule
 * `caughtUpTimeAfterFetch` (protocol/replica-rules.ts). Returns whether the follower's log end offset
 * or last caught-up time changed (what the leader's ISR summary depends on).
 */
export function recordFetch(
  table: FollowerTable,
  slot: ReplicaSlot,
  fetchOffset: number,
  leaderLogEndOffset: number,
  nowMs: number,
): boolean {
  const at = base(table, slot)
  const caughtUpBefore = table[at + FIELD.lastCaughtUpTimeMs] as number
  const endBefore = table[at + FIELD.logEndOffset] as number
  const caughtUp = caughtUpTimeAfterFetch(
    caughtUpBefore,
    fetchOffset,
    leaderLogEndOffset,
    table[at + FIELD.lastFetchLeaderLogEndOffset] as number,
    table[at + FIELD.lastFetchTimeMs] as number,
    nowMs,
  )
  table[at + FIELD.logEndOffset] = fetchOffset
  table[at + FIELD.lastCaughtUpTimeMs] = caughtUp
  table[at + FIELD.lastFetchLeaderLogEndOffset] = leaderLogEndOffset
  table[at + FIELD.lastFetchTimeMs] = nowMs
  return caughtUp !== caughtUpBefore || fetchOffset !== endBefore
}

/** What the ISR check's fast path needs to know of the followers in the known ISR. */
export interface KnownIsrSummary {
  /** The smallest lastCaughtUpTimeMs among them, or -1 with none. */
  minCaughtUpMs: number
  /** Every one has fetched up to the leader's log end (true with none). */
  atEnd: boolean
}

/** Fills `out` (a caller's reusable object, so that this allocates nothing) in one pass. */
export function summariseKnownIsr(
  table: FollowerTable,
  leaderLogEndOffset: number,
  out: KnownIsrSummary,
): void {
  let min = -1
  let atEnd = true
  for (let at = 0; at < table.length; at += FIELD_COUNT) {
    if (((table[at + FIELD.isrFlags] as number) & KNOWN_ISR) === 0) continue
    const caughtUp = table[at + FIELD.lastCaughtUpTimeMs] as number
    if (min === -1 || caughtUp < min) min = caughtUp
    if (table[at + FIELD.logEndOffset] !== leaderLogEndOffset) atEnd = false
  }
  out.minCaughtUpMs = min
  out.atEnd = atEnd
}

/** The follower in `slot` is in the ISR the leader knows (the leader's own slot never is). */
export function inKnownIsr(table: FollowerTable, slot: ReplicaSlot): boolean {
  return ((table[base(table, slot) + FIELD.isrFlags] as number) & KNOWN_ISR) !== 0
}

/** The replica in `slot` is in the leader's maximal ISR (a flag, not a search of the list). */
export function inMaximalIsr(table: FollowerTable, slot: ReplicaSlot): boolean {
  return ((table[base(table, slot) + FIELD.isrFlags] as number) & MAXIMAL_ISR) !== 0
}

/**
 * Sets flag `bit` on every slot whose replica id is in `ids`, except `exceptSlot` (-1: none), and
 * clears it on the others; returns how many slots have it.
 */
function flagSlots(
  table: FollowerTable,
  replicas: readonly number[],
  bit: number,
  ids: readonly number[],
  exceptSlot: number,
): number {
  let count = 0
  for (let i = 0; i < replicas.length; i++) {
    const at = base(table, i as ReplicaSlot) + FIELD.isrFlags
    const flags = (table[at] as number) & ~bit
    const member = i !== exceptSlot && ids.includes(replicas[i] as number)
    table[at] = member ? flags | bit : flags
    if (member) count++
  }
  return count
}

/** Flags the followers (all slots but `leaderSlot`) in `isr`; returns how many there are. */
export function flagKnownIsr(
  table: FollowerTable,
  replicas: readonly number[],
  isr: readonly number[],
  leaderSlot: ReplicaSlot,
): number {
  return flagSlots(table, replicas, KNOWN_ISR, isr, leaderSlot)
}

/** Flags the replicas in the maximal ISR `isr` (the leader's own slot included). */
export function flagMaximalIsr(
  table: FollowerTable,
  replicas: readonly number[],
  isr: readonly number[],
): void {
  flagSlots(table, replicas, MAXIMAL_ISR, isr, -1)
}
