/**
 * What a broker's metadata cache says about partition leaders: the latest metadata while it is
 * connected to the controller, the version it had when it was cut off otherwise. Clients learn
 * leaders from it (metadata responses; KIP-951's current leader in error responses).
 */
import { brokerAt, type Ctx } from './context'
import type { BrokerIndex } from './ids'
import { connectedToController } from './network'
import type { PartitionState } from './state'

/** The metadata version broker `b` answers from: the latest, or what it had when cut off. */
export function metadataVersionSeenBy(ctx: Ctx, b: BrokerIndex): number {
  return connectedToController(ctx, b) ? ctx.s.metadataVersion : brokerAt(ctx, b).metadataVersion
}

/** The (version, leader, leader epoch) entry a metadata cache at `version` has for `part`, or null. */
export function leaderEntryAtVersion(
  part: PartitionState,
  version: number,
): readonly [number, number, number] | null {
  const history = part.leaderHistory
  // Newest entry at or below the version; usually the last one.
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i] as [number, number, number]
    if (entry[0] <= version) return entry
  }
  return null
}

/** The leader a metadata cache at `version` names for `part` (stale if cut off), -1 if none. */
export function leaderAtVersion(part: PartitionState, version: number): number {
  return leaderEntryAtVersion(part, version)?.[1] ?? -1
}

/** The leader epoch a metadata cache at `version` has for `part`, -1 if none. */
export function leaderEpochAtVersion(part: PartitionState, version: number): number {
  return leaderEntryAtVersion(part, version)?.[2] ?? -1
}
