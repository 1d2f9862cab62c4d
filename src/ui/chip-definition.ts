/**
 * What a replica chip in the topology shows, in words: its partition and broker, its role with
 * that role's glossary entry (the same words the legend defines, with the config key or KIP
 * behind them), and the chip's own facts: ISR and ELR membership, lag behind the leader, and the
 * follower's ISR clock against `replica.lag.time.max.ms` (Partition.maybeShrinkIsr). The chip
 * tooltip (chip-tooltip.ts) draws it. Pure: a snapshot in, text out.
 */
import type { BrokerView, PartitionView, Snapshot } from '../engine/types'
import { replicaRole } from '../viz/scene'
import { sessionCountdown } from '../viz/staleness'
import type { ReplicaRole } from '../viz/theme'
import { isrClock } from './panels/PartitionDetails'
import { inSentence } from './i18n/format'
import type { PlainKey } from './i18n/catalogue'
import { t } from './i18n/runtime'
import { glossaryEntry, type GlossaryEntry, type TermId } from './teach/glossary'

/** The glossary entry of each role the chips draw: the legend's (termFor of ROLE_NAMES). */
export const ROLE_TERMS: Record<ReplicaRole, TermId> = {
  leader: 'leader',
  'in-sync': 'in-sync-follower',
  'out-of-sync': 'out-of-sync-follower',
  elr: 'elr',
  offline: 'offline',
}

export interface ChipDefinition {
  /** e.g. "orders-0 on broker 3". */
  heading: string
  role: ReplicaRole
  /** The legend's name for the role, e.g. "Out-of-sync follower". */
  roleName: string
  /** The role's glossary entry: definition and source (config key, metric or KIP). */
  entry: GlossaryEntry
  /** The replica's own state, one plain sentence each. */
  facts: string[]
}

function seconds(ms: number): string {
  return t('chip.seconds', { s: (Math.max(0, ms) / 1000).toFixed(1) })
}

function list(ids: readonly number[]): string {
  return ids.length === 0 ? t('chip.empty') : ids.join(',')
}

function brokerFact(broker: BrokerView | undefined, id: number): string | null {
  if (broker === undefined) return t('chip.notInCluster', { id })
  if (broker.status === 'offline') return t('chip.brokerOffline', { id })
  const state = t(`chip.state.${broker.status}` satisfies PlainKey)
  if (broker.fenced) return t('chip.brokerFenced', { id, state })
  if (broker.status !== 'online') return t('chip.brokerState', { id, state })
  return null
}

function membershipFacts(p: PartitionView, id: number): string[] {
  const facts: string[] = []
  const isr = p.isr.includes(id)
  facts.push(t(isr ? 'chip.inIsr' : 'chip.notInIsr', { isr: list(p.isr), minIsr: p.minIsr }))
  if (p.elr.includes(id)) facts.push(t('chip.inElr', { elr: list(p.elr) }))
  if (p.lastKnownElr.includes(id))
    facts.push(t('chip.inLastKnownElr', { elr: list(p.lastKnownElr) }))
  if (p.replicas[0] === id) facts.push(t('chip.preferred'))
  return facts
}

function lagFacts(
  p: PartitionView,
  id: number,
  role: ReplicaRole,
  nowMs: number,
  lagTimeMaxMs: number,
): string[] {
  if (role === 'leader' || p.leader === -1) return []
  const replica = p.replicaStates.find((r) => r.broker === id)
  if (replica === undefined) return []
  const facts = [
    replica.lag > 0
      ? t('chip.behind', { lag: replica.lag, offset: replica.logEndOffset })
      : t('chip.caughtUp'),
  ]
  const clock = isrClock(p, replica, nowMs, lagTimeMaxMs)
  if (clock !== null) facts.push(t('chip.isrClock', { clock, max: lagTimeMaxMs }))
  if (role !== 'out-of-sync') return facts
  if (replica.lastCaughtUpMs !== undefined)
    facts.push(t('chip.lastCaughtUp', { ago: seconds(nowMs - replica.lastCaughtUpMs) }))
  // Partition.maybeExpandIsr: no time condition, only the log end offset (docs/kafka-rules.md 4.2).
  facts.push(t('chip.rejoins', { hw: p.highWatermark }))
  return facts
}

function partitionFacts(p: PartitionView, id: number, snapshot: Snapshot): string[] {
  if (p.leader === -1) return [t('chip.noLeader')]
  if (p.leader !== id) return [t('chip.leaderIs', { leader: p.leader, epoch: p.leaderEpoch })]
  const broker = snapshot.brokers.find((b) => b.id === id)
  const role = replicaRole(p, broker)
  if (role === 'leader') return [t('chip.isLeader', { epoch: p.leaderEpoch, hw: p.highWatermark })]
  // Down but not fenced yet: the metadata still names it leader (staleness.ts).
  const countdown = broker === undefined ? null : sessionCountdown(broker, snapshot)
  return [
    countdown === null
      ? t('chip.staleLeader', { epoch: p.leaderEpoch })
      : t('chip.staleLeaderCountdown', { epoch: p.leaderEpoch, countdown }),
  ]
}

/**
 * Where each partition key ("orders-0") sits in `snapshot.partitions`. The order only changes
 * with the cluster's structure, so the index is kept across snapshots (a definition open while
 * the simulation plays is re-read every frame) and rebuilt when a lookup finds it stale.
 */
let positions = new Map<string, number>()

function keyOf(p: PartitionView): string {
  return `${p.topic}-${p.partition}`
}

function partitionByKey(snapshot: Snapshot, key: string): PartitionView | undefined {
  const cached = snapshot.partitions[positions.get(key) ?? -1]
  if (cached !== undefined && keyOf(cached) === key) return cached
  positions = new Map(snapshot.partitions.map((p, i) => [keyOf(p), i]))
  return snapshot.partitions[positions.get(key) ?? -1]
}

/**
 * The definition of the chip of `partitionKey` on broker `brokerId`, or null when the snapshot
 * has no such replica.
 *
 * @example
 * chipDefinition(snapshot, 'orders-0', 2, 30_000)?.facts
 * // ['In the ISR (1,2,3; min.insync.replicas=2).', 'Caught up with the leader.', 'Leader: broker 1, leader epoch 0.']
 */
export function chipDefinition(
  snapshot: Snapshot,
  partitionKey: string,
  brokerId: number,
  lagTimeMaxMs: number,
): ChipDefinition | null {
  const p = partitionByKey(snapshot, partitionKey)
  if (p === undefined || !p.replicas.includes(brokerId)) return null
  const broker = snapshot.brokers.find((b) => b.id === brokerId)
  const role = replicaRole(p, broker)
  const brokerState = brokerFact(broker, brokerId)
  return {
    heading: t('chip.heading', { partition: partitionKey, broker: brokerId }),
    role,
    roleName: t(`role.${role}`),
    entry: glossaryEntry(ROLE_TERMS[role]),
    facts: [
      ...(brokerState === null ? [] : [brokerState]),
      ...membershipFacts(p, brokerId),
      ...lagFacts(p, brokerId, role, snapshot.nowMs, lagTimeMaxMs),
      ...partitionFacts(p, brokerId, snapshot),
    ],
  }
}

/** The definition as one plain paragraph, e.g. for an accessible description. */
export function chipDefinitionText(d: ChipDefinition): string {
  return [
    t('chip.text', { heading: d.heading, role: inSentence(d.roleName) }),
    d.entry.definition,
    t('chip.source', { source: d.entry.source }),
    ...d.facts,
  ].join(' ')
}
