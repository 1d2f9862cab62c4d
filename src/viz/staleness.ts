/**
 * The detection window, in words: between a broker's failure and its fencing Kafka's metadata
 * still names it leader, so clients keep sending to it and get NETWORK_EXCEPTION or time out.
 * That staleness lasts `broker.session.timeout.ms` (KRaft, BrokerHeartbeatManager) or
 * `zookeeper.session.timeout.ms` (ZooKeeper) after its last heartbeat, and is the lesson of a
 * crash; these helpers name it on cards, chips, the table and the sidebar alike. Pure, engine
 * types only.
 */
import type { BrokerView, Snapshot, ZoneView } from '../engine/types'

function zoneOf(zones: readonly ZoneView[], name: string): ZoneView | undefined {
  return zones.find((z) => z.name === name)
}

/** The broker's heartbeats cannot reach the controller (down, or cut off from it). */
export function heartbeatsLost(broker: BrokerView, zones: readonly ZoneView[]): boolean {
  if (broker.status === 'offline') return true
  const zone = zoneOf(zones, broker.zone)
  if (zone?.stopped === true) return true
  return (
    broker.isolatedFrom.includes('controllers') ||
    zone?.isolatedFrom.includes('controllers') === true
  )
}

/** Clients cannot reach the broker (down, or cut off from clients). */
export function unreachableByClients(broker: BrokerView, zones: readonly ZoneView[]): boolean {
  if (broker.status === 'offline') return true
  const zone = zoneOf(zones, broker.zone)
  if (zone?.stopped === true) return true
  return broker.isolatedFrom.includes('clients') || zone?.isolatedFrom.includes('clients') === true
}

/**
 * Brokers that still hold their session (not fenced) though clients cannot reach them: partitions
 * they lead are "leader unreachable — not fenced yet".
 */
export function unreachableUnfenced(snapshot: Pick<Snapshot, 'brokers' | 'zones'>): Set<number> {
  const out = new Set<number>()
  for (const b of snapshot.brokers) {
    if (!b.fenced && unreachableByClients(b, snapshot.zones)) out.add(b.id)
  }
  return out
}

/** "6.2 s": tenths below a minute, whole seconds above. */
function seconds(ms: number): string {
  const s = Math.max(0, ms) / 1000
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.round(s)} s`
}

/**
 * The session countdown of a broker whose heartbeats are lost, e.g. "fenced in 6.2 s"
 * (KRaft) or "session expires in 12.4 s" (ZooKeeper); "fencing now" once it ran out (the
 * controller checks every second); "not fenced: no active controller" (or no quorum) when
 * nobody can fence it.
 * Null when the broker is fenced already or its heartbeats still arrive.
 */
export function sessionCountdown(
  broker: BrokerView,
  snapshot: Pick<Snapshot, 'nowMs' | 'mode' | 'zones' | 'activeController' | 'quorumHasMajority'>,
): string | null {
  if (broker.fenced || broker.session === null) return null
  if (!heartbeatsLost(broker, snapshot.zones)) return null
  // KRaft: only the active controller fences; ZooKeeper: the ensemble expires sessions itself,
  // while it has a quorum (control-plane.ts onFenceCheck).
  if (snapshot.mode === 'kraft' && snapshot.activeController === null)
    return 'not fenced: no active controller'
  if (!snapshot.quorumHasMajority)
    return snapshot.mode === 'kraft'
      ? 'not fenced: no controller quorum'
      : 'session kept: ZooKeeper has no quorum'
  const left = broker.session.expiresAtMs - snapshot.nowMs
  if (snapshot.mode === 'kraft') return left > 0 ? `fenced in ${seconds(left)}` : 'fencing now'
  return left > 0 ? `session expires in ${seconds(left)}` : 'session expiring now'
}

/** The status badge text of a partition whose leader is unreachable but not fenced. */
export const LEADER_UNREACHABLE = 'leader unreachable — not fenced yet'
