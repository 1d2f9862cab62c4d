/**
 * Where an import's broker → zone map comes from. One text may hold any of:
 * - a typed map, `1=use1-az1,2=use1-az2` or `{"1": "use1-az1"}` (zone-map.ts);
 * - `kafka-configs --describe --entity-type brokers --all` output, whose `broker.rack` is each
 *   broker's zone (import-broker-configs.ts), with the cluster configs it also shows;
 * - `aws kafka list-nodes` JSON followed by `aws ec2 describe-subnets` JSON (import-aws.ts).
 * The kind is recognised from the text. When there is none, MSK's broker numbering may be
 * assumed instead (`mskNumbering`), which is a guess the user has to accept.
 */
import type { BrokerId, ControllerMode, ZoneName } from '../engine/spec'
import { looksLikeAwsJson, zonesFromAws } from './import-aws'
import { looksLikeBrokerConfigs, readBrokerConfigs } from './import-broker-configs'
import type { ReadConfigs } from './import-cluster-config'
import { ranges } from './import-common'
import { note } from './text'
import type { Problem } from './types'
import { parseZoneMap } from './zone-map'

export type ZoneSourceKind = 'map' | 'kafka-configs' | 'list-nodes'

export interface ZoneSource {
  kind: ZoneSourceKind
  zoneByBroker: Map<BrokerId, ZoneName>
  /** kafka-configs output only: the cluster configs it shows. */
  config?: ReadConfigs
  controller?: ControllerMode
  warnings: Problem[]
}

export type ZoneSourceResult =
  { ok: true; source: ZoneSource } | { ok: false; kind: ZoneSourceKind; problems: Problem[] }

/** What a zone text is, or null when it is empty. */
export function detectZoneSource(text: string): ZoneSourceKind | null {
  if (text.trim() === '') return null
  if (looksLikeBrokerConfigs(text)) return 'kafka-configs'
  if (looksLikeAwsJson(text)) return 'list-nodes'
  return 'map'
}

export const ZONE_SOURCE_NAMES: Record<ZoneSourceKind, string> = {
  map: 'the zone map',
  'kafka-configs': 'the kafka-configs output',
  'list-nodes': 'aws kafka list-nodes',
}

/**
 * Reads a zone text of any kind; null when it is empty (and no subnets text is given).
 *
 * @example
 * readZoneSource('All configs for broker 1 are:\n  broker.rack=use1-az1 sensitive=false synonyms={}')
 * // { ok: true, source: { kind: 'kafka-configs', zoneByBroker: Map { 1 => 'use1-az1' }, … } }
 */
export function readZoneSource(
  text: string,
  options: { subnets?: string; root?: string; subnetsRoot?: string } = {},
): ZoneSourceResult | null {
  const root = options.root ?? 'zoneMap'
  const kind = detectZoneSource(text)
  if (kind === null) {
    if (options.subnets === undefined) return null
    return {
      ok: false,
      kind: 'list-nodes',
      problems: [note(root, 'describe-subnets output needs the aws kafka list-nodes output too')],
    }
  }
  if (kind === 'list-nodes') {
    const result = zonesFromAws(text, options.subnets, root, options.subnetsRoot)
    if (!result.ok) return { ok: false, kind, problems: result.problems }
    return {
      ok: true,
      source: { kind, zoneByBroker: result.zoneByBroker, warnings: result.warnings },
    }
  }
  if (kind === 'kafka-configs') return fromBrokerConfigs(text, root)
  const parsed = parseZoneMap(text)
  if (!parsed.ok) return { ok: false, kind, problems: parsed.problems }
  return { ok: true, source: { kind, zoneByBroker: parsed.zoneByBroker, warnings: [] } }
}

function fromBrokerConfigs(text: string, root: string): ZoneSourceResult {
  const kind = 'kafka-configs'
  const result = readBrokerConfigs(text, root)
  if (!result.ok) return { ok: false, kind, problems: result.problems }
  const { read } = result
  const zoneByBroker = new Map<BrokerId, ZoneName>()
  const rackless: BrokerId[] = []
  for (const [id, { rack }] of [...read.racks].sort((a, b) => a[0] - b[0])) {
    if (rack === null) rackless.push(id)
    else zoneByBroker.set(id, rack)
  }
  if (rackless.length > 0) {
    const message =
      zoneByBroker.size === 0
        ? 'no broker has broker.rack set (it is null), so the output gives no zones; Kafka then places replicas without regard to zones. Give a typed map instead, e.g. 1=use1-az1,2=use1-az2'
        : `broker ${ranges(rackless)} ${rackless.length === 1 ? 'has' : 'have'} no broker.rack (null) while the others have one; Kafka's rack-aware assignment refuses such a cluster (AdminOperationException). Give those brokers their rack`
    const line = read.racks.get(rackless[0]!)?.line
    return {
      ok: false,
      kind,
      problems: [note(line === undefined ? root : `${root}, line ${line}`, message)],
    }
  }
  const source: ZoneSource = { kind, zoneByBroker, config: read.config, warnings: result.warnings }
  if (read.controller !== undefined) source.controller = read.controller
  return { ok: true, source }
}

export interface NumberingSuggestion {
  zones: ZoneName[]
  zoneByBroker: Map<BrokerId, ZoneName>
}

/** The zone names an assumed numbering gives when none are known: az1, az2, az3. */
export function numberedZones(count: number): ZoneName[] {
  return Array.from({ length: count }, (_, i) => `az${i + 1}`)
}

/**
 * MSK's broker numbering, assumed: brokers 1..N are spread over the cluster's client subnets
 * (one per Availability Zone) in turn, so broker b is in zone ((b − 1) mod Z). This is not read
 * from the cluster; it fits only when the ids are exactly 1..N and N is a multiple of Z.
 *
 * @example
 * mskNumbering([1, 2, 3, 4, 5, 6], ['a', 'b', 'c']) // { ok: true, zoneByBroker: 1→a, 2→b, 3→c, 4→a, … }
 */
export function mskNumbering(
  ids: Iterable<BrokerId>,
  zones: ZoneName[],
): { ok: true; suggestion: NumberingSuggestion } | { ok: false; reason: string } {
  const sorted = [...new Set(ids)].sort((a, b) => a - b)
  const n = sorted.length
  const z = zones.length
  if (z < 1) return { ok: false, reason: 'needs at least one zone' }
  if (n === 0) return { ok: false, reason: 'the input names no brokers' }
  if (sorted[0] !== 1 || sorted[n - 1] !== n) {
    return {
      ok: false,
      reason: `the broker ids are ${ranges(sorted)}, not 1–${n}: MSK numbers its brokers from 1 without gaps`,
    }
  }
  if (n % z !== 0) {
    return {
      ok: false,
      reason: `${n} brokers do not divide evenly over ${z} zones; MSK keeps the same number of brokers in each zone`,
    }
  }
  const zoneByBroker = new Map<BrokerId, ZoneName>()
  for (const id of sorted) zoneByBroker.set(id, zones[(id - 1) % z]!)
  return { ok: true, suggestion: { zones, zoneByBroker } }
}

/** The zone counts (3, then 2) whose MSK numbering fits these brokers. */
export function fittingZoneCounts(ids: Iterable<BrokerId>): (2 | 3)[] {
  const list = [...ids]
  return ([3, 2] as const).filter((z) => mskNumbering(list, numberedZones(z)).ok)
}

/** The warning an assumed numbering carries, so that it never passes for a fact. */
export function numberingWarning(zones: ZoneName[], root = 'zoneMap'): Problem {
  return note(
    root,
    `zones assumed from MSK's broker numbering (broker b in zone ((b − 1) mod ${zones.length}): ${zones.join(', ')}), not read from the cluster; confirm with kafka-configs --describe --entity-type brokers --all or aws kafka list-nodes`,
  )
}
