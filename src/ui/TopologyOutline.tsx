/**
 * The topology for screen readers, as a tree: zone → its controllers and brokers → each broker's
 * replicas with their role ("orders-0: leader", "orders-4: out-of-sync follower, 120 records
 * behind"). The picture's replica chips are hidden from assistive technology (they read as a flat
 * "p0 p4 p5 …" run); this outline says the same things in structure. Visually hidden. Above
 * OUTLINE_MAX_REPLICAS replicas each broker lists its counts by role instead of every replica.
 */
import { useMemo } from 'react'
import type { Snapshot } from '../engine/types'
import type { AppState } from '../store/app-store'
import { brokerLabel, controllerLabel, zoneLabel } from '../viz/labels'
import { replicaRole } from '../viz/scene'
import { sessionCountdown } from '../viz/staleness'
import { inSentence } from './i18n/format'
import { useT } from './i18n/react'
import type { Translate } from './i18n/runtime'
import { useThrottledStore } from './use-throttled-store'

export const OUTLINE_MAX_REPLICAS = 600

const selectSnapshot = (state: AppState) => state.snapshot
const selectShowInternal = (state: AppState) => state.showInternal

interface BrokerEntry {
  id: number
  label: string
  replicas: string[]
  counts: Map<string, number>
}

/** "orders-4: out-of-sync follower, 120 records behind the leader". */
function replicaLine(
  t: Translate,
  partition: string,
  role: string,
  staleLeader: boolean,
  lag: number,
): string {
  if (lag > 0) {
    return t(staleLeader ? 'outline.staleBehind' : 'outline.behind', { partition, role, lag })
  }
  return t(staleLeader ? 'outline.staleLeader' : 'outline.replica', { partition, role })
}

function outline(snapshot: Snapshot, showInternal: boolean, t: Translate) {
  const brokers = new Map<number, BrokerEntry>()
  const byId = new Map(snapshot.brokers.map((b) => [b.id, b]))
  let total = 0
  for (const p of snapshot.partitions)
    if (showInternal || p.internal !== true) total += p.replicas.length
  const detailed = total <= OUTLINE_MAX_REPLICAS
  const leaders = new Map<number, number>()
  const hosted = new Map<number, number>()
  for (const p of snapshot.partitions) {
    if (!showInternal && p.internal === true) continue
    leaders.set(p.leader, (leaders.get(p.leader) ?? 0) + 1)
    for (const id of p.replicas) hosted.set(id, (hosted.get(id) ?? 0) + 1)
  }
  for (const b of snapshot.brokers) {
    const led = leaders.get(b.id) ?? 0
    brokers.set(b.id, {
      id: b.id,
      label: brokerLabel(b, {
        leaders: led,
        followers: (hosted.get(b.id) ?? 0) - led,
        countdown: sessionCountdown(b, snapshot),
      }),
      replicas: [],
      counts: new Map(),
    })
  }
  for (const p of snapshot.partitions) {
    if (!showInternal && p.internal === true) continue
    for (const id of p.replicas) {
      const entry = brokers.get(id)
      if (entry === undefined) continue
      const kind = replicaRole(p, byId.get(id))
      const role = inSentence(t(`role.${kind}`))
      if (detailed) {
        const lag = p.replicaStates.find((r) => r.broker === id)?.lag ?? 0
        entry.replicas.push(
          replicaLine(
            t,
            `${p.topic}-${p.partition}`,
            role,
            p.leader === id && kind !== 'leader',
            lag,
          ),
        )
      } else entry.counts.set(role, (entry.counts.get(role) ?? 0) + 1)
    }
  }
  return snapshot.zones.map((zone) => {
    const zoneBrokers = snapshot.brokers.filter((b) => b.zone === zone.name)
    const controllers = snapshot.controllers.filter((c) => c.zone === zone.name)
    return {
      name: zone.name,
      label: zoneLabel(zone, zoneBrokers.length, controllers.length),
      controllers: controllers.map((c) => controllerLabel(c, snapshot.mode)),
      brokers: zoneBrokers.map((b) => brokers.get(b.id) as BrokerEntry),
    }
  })
}

export function TopologyOutline() {
  const t = useT()
  const snapshot = useThrottledStore(selectSnapshot, 500)
  const showInternal = useThrottledStore(selectShowInternal, 500)
  const zones = useMemo(
    () => (snapshot === null ? [] : outline(snapshot, showInternal, t)),
    // `t` too: the outline is rebuilt in the new language after a switch.
    [snapshot, showInternal, t],
  )
  return (
    <ul aria-label={t('outline.label')} className="sr-only">
      {zones.map((zone) => (
        <li key={zone.name}>
          {zone.label}
          <ul aria-label={t('outline.zone', { zone: zone.name })}>
            {zone.controllers.map((c) => (
              <li key={c}>{c}</li>
            ))}
            {zone.brokers.map((b) => (
              <li key={b.id}>
                {b.label}
                <ul aria-label={t('outline.replicasOn', { broker: b.id })}>
                  {b.replicas.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                  {[...b.counts].map(([role, n]) => (
                    <li key={role}>{t('outline.count', { count: n, role })}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  )
}
