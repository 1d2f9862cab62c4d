/**
 * The Kafka and Amazon MSK words the UI shows, each defined in one or two plain sentences with the
 * config key, metric MBean or KIP behind it. The texts are in the catalogues (`i18n/en-glossary.ts`
 * and its translations); this module names the entries, picks the language on screen and maps
 * the labels the UI prints (column heads, metric names, legend roles) to an entry with `termFor`.
 * `<Term>` shows an entry on hover and focus and the Glossary tab lists them all. No React, so
 * the live counters, the tour and tests can read it too.
 */
import type { Catalogue } from '../i18n/catalogue'
import { EN_GLOSSARY } from '../i18n/en-glossary'
import { t } from '../i18n/runtime'

export type TermId =
  | 'broker'
  | 'partition'
  | 'replicas'
  | 'leader'
  | 'follower'
  | 'in-sync-follower'
  | 'out-of-sync-follower'
  | 'follower-lag'
  | 'isr'
  | 'elr'
  | 'last-known-elr'
  | 'offline'
  | 'fenced'
  | 'min-insync-replicas'
  | 'acks'
  | 'high-watermark'
  | 'log-end-offset'
  | 'leader-epoch'
  | 'controller'
  | 'active-controller'
  | 'quorum'
  | 'unclean-leader-election'
  | 'preferred-leader'
  | 'under-replicated'
  | 'under-min-isr'
  | 'partition-status'
  | 'leader-recovery-state'
  | 'truncation'
  | 'acked-then-lost'
  | 'retries'
  | 'request-timeout'
  | 'delivery-timeout'
  | 'producer-records'
  | 'producer-p99-latency'
  | 'consumer-lag'
  | 'consumer-group'
  | 'group-coordinator'
  | 'rebalance'
  | 'availability-zone'
  | 'UnderReplicatedPartitions'
  | 'UnderMinIsrPartitionCount'
  | 'AtMinIsrPartitionCount'
  | 'OfflinePartitionsCount'
  | 'ActiveControllerCount'
  | 'PreferredReplicaImbalanceCount'
  | 'LeaderCount'
  | 'IsrShrinksPerSec'
  | 'UncleanLeaderElectionsPerSec'
  | 'utilisation'
  | 'bytes-in-out'
  | 'request-queue'

export interface GlossaryEntry {
  /** The word as a reader meets it. */
  term: string
  /** One or two plain sentences. */
  definition: string
  /** The config key, metric MBean or KIP behind it (or "this simulator" for our own figures). */
  source: string
}

/** The glossary of the language on screen (English until another catalogue has loaded). */
export function glossaryEntry(id: TermId): GlossaryEntry {
  return t.catalogue.glossary[id]
}

/** The English glossary, the source of every translation (tests and exports read it). */
export const GLOSSARY = EN_GLOSSARY

/** The labels the UI prints, lower-cased, and the entry each one names. */
const LABEL_LIST: Record<string, TermId> = {
  broker: 'broker',
  partition: 'partition',
  replicas: 'replicas',
  leader: 'leader',
  follower: 'follower',
  'in-sync follower': 'in-sync-follower',
  'out-of-sync follower': 'out-of-sync-follower',
  'follower lag': 'follower-lag',
  isr: 'isr',
  'in-sync replicas': 'isr',
  elr: 'elr',
  'eligible leader replica (elr)': 'elr',
  'eligible leader replicas': 'elr',
  lastknownelr: 'last-known-elr',
  'offline or fenced': 'offline',
  offline: 'offline',
  fenced: 'fenced',
  'min.insync.replicas': 'min-insync-replicas',
  'min isr': 'min-insync-replicas',
  acks: 'acks',
  hw: 'high-watermark',
  'high watermark': 'high-watermark',
  leo: 'log-end-offset',
  'log end offset': 'log-end-offset',
  epoch: 'leader-epoch',
  'leader epoch': 'leader-epoch',
  controller: 'controller',
  'active controller': 'active-controller',
  quorum: 'quorum',
  'controller quorum': 'quorum',
  'unclean leader election': 'unclean-leader-election',
  unclean: 'unclean-leader-election',
  'preferred leader': 'preferred-leader',
  'under-replicated': 'under-replicated',
  'under min isr': 'under-min-isr',
  status: 'partition-status',
  'leader recovery state': 'leader-recovery-state',
  leaderrecoverystate: 'leader-recovery-state',
  truncation: 'truncation',
  truncated: 'truncation',
  'acknowledged then lost': 'acked-then-lost',
  'acknowledged-then-lost': 'acked-then-lost',
  'lost acked': 'acked-then-lost',
  lostackedrecords: 'acked-then-lost',
  retries: 'retries',
  retried: 'retries',
  'request.timeout.ms': 'request-timeout',
  'delivery.timeout.ms': 'delivery-timeout',
  'producer records': 'producer-records',
  producedrecords: 'producer-records',
  ackedrecords: 'producer-records',
  failedrecords: 'producer-records',
  'producer p99 latency': 'producer-p99-latency',
  'produce latency': 'producer-p99-latency',
  producerlatencyp99ms: 'producer-p99-latency',
  'consumer lag': 'consumer-lag',
  consumerlag: 'consumer-lag',
  lag: 'consumer-lag',
  'consumer group': 'consumer-group',
  group: 'consumer-group',
  coordinator: 'group-coordinator',
  'group coordinator': 'group-coordinator',
  rebalance: 'rebalance',
  generation: 'rebalance',
  zone: 'availability-zone',
  'availability zone': 'availability-zone',
  rack: 'availability-zone',
  'broker.rack': 'availability-zone',
  underreplicatedpartitions: 'UnderReplicatedPartitions',
  underminisrpartitioncount: 'UnderMinIsrPartitionCount',
  atminisrpartitioncount: 'AtMinIsrPartitionCount',
  offlinepartitionscount: 'OfflinePartitionsCount',
  activecontrollercount: 'ActiveControllerCount',
  preferredreplicaimbalancecount: 'PreferredReplicaImbalanceCount',
  leadercount: 'LeaderCount',
  'leadercount per broker': 'LeaderCount',
  isrshrinkspersec: 'IsrShrinksPerSec',
  isrexpandspersec: 'IsrShrinksPerSec',
  'isr changes and unclean elections (oneminuterate)': 'IsrShrinksPerSec',
  uncleanleaderelectionspersec: 'UncleanLeaderElectionsPerSec',
  utilisation: 'utilisation',
  bytesinpersec: 'bytes-in-out',
  bytesoutpersec: 'bytes-in-out',
  'request queue': 'request-queue',
  'request queue per broker': 'request-queue',
}

// A Map, so a label such as "constructor" never finds Object.prototype's members.
const LABELS = new Map<string, TermId>(Object.entries(LABEL_LIST))

/**
 * Labels that begin with a known name and add a qualifier ("Produce latency p99 (send to …)",
 * "Utilisation per broker (100%: …)", "BytesInPerSec + ReplicationBytesInPerSec per broker").
 */
const PREFIXES: readonly (readonly [string, TermId])[] = [
  ['produce latency', 'producer-p99-latency'],
  ['utilisation', 'utilisation'],
  ['bytesinpersec', 'bytes-in-out'],
  ['bytesoutpersec', 'bytes-in-out'],
  ['isr changes', 'IsrShrinksPerSec'],
]

/**
 * The glossary entry a UI label names, or undefined: case-insensitive, exact first, then a known
 * leading name.
 *
 * @example termFor('Isr') // 'isr'
 * @example termFor('UnderMinIsrPartitionCount') // 'UnderMinIsrPartitionCount'
 */
export function termFor(label: string): TermId | undefined {
  const key = label.trim().toLowerCase()
  const exact = LABELS.get(key)
  if (exact !== undefined) return exact
  for (const [prefix, id] of PREFIXES) if (key.startsWith(prefix)) return id
  return undefined
}

/**
 * Every entry in the language on screen, alphabetical by its term in that language
 * (case-insensitive), for the Glossary panel.
 */
export function glossaryEntries(
  catalogue: Catalogue = t.catalogue,
): (GlossaryEntry & { id: TermId })[] {
  const { glossary, locale } = catalogue
  return (Object.keys(glossary) as TermId[])
    .map((id) => ({ id, ...glossary[id] }))
    .sort((a, b) => a.term.localeCompare(b.term, locale, { sensitivity: 'base' }))
}
