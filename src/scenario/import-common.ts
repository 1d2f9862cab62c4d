/**
 * What both importers share: options, placing the brokers in zones, and the final check that
 * the imported scenario validates (so an importer never returns a file the reader rejects).
 */
import type { BrokerId, BrokerSpec, ControllerMode, ZoneName } from '../engine/spec'
import { compareText, movedProblem, note } from './text'
import type { ImportResult, Problem, ScenarioFile } from './types'
import { validateScenario } from './validate'
import { parseZoneMap, zoneMapFromObject } from './zone-map'

export interface ImportOptions {
  /**
   * Which zone (broker.rack) each broker is in: `1=use1-az1,2=use1-az2` text, or an object
   * `{ "1": "use1-az1" }`. Without it every broker goes to one zone, "unknown-zone", with a
   * warning; with it, every broker must be mapped.
   */
  zones?: string | Record<string, string> | Map<BrokerId, ZoneName>
  /**
   * Where `zones` came from, for the wording of a broker it leaves out: a typed map (default),
   * kafka-configs output or aws kafka list-nodes.
   */
  zonesFrom?: 'map' | 'kafka-configs' | 'list-nodes'
  /** Default: a name saying what was imported. */
  name?: string
  description?: string
  /** Default: inferred from the text where it can be (ELR columns mean KRaft), else "kraft". */
  controller?: ControllerMode
}

export const UNKNOWN_ZONE = 'unknown-zone'

/** The brokers, sorted by id, in their zones; zones sorted by name. */
export function placeBrokers(
  ids: Iterable<BrokerId>,
  zones: ImportOptions['zones'],
  problems: Problem[],
  warnings: Problem[],
  zonesFrom: ImportOptions['zonesFrom'] = 'map',
): { zones: ZoneName[]; brokers: BrokerSpec[] } {
  const all = new Set(ids)
  let zoneByBroker = new Map<BrokerId, ZoneName>()
  if (zones instanceof Map) {
    zoneByBroker = zones
  } else if (zones !== undefined) {
    const parsed = typeof zones === 'string' ? parseZoneMap(zones) : zoneMapFromObject(zones)
    if (!parsed.ok) problems.push(...parsed.problems)
    else zoneByBroker = parsed.zoneByBroker
  }
  const sorted = (): BrokerId[] => [...all].sort((a, b) => a - b)
  if (all.size === 0 && zoneByBroker.size === 0) {
    if (problems.length > 0) return { zones: [UNKNOWN_ZONE], brokers: [] }
    problems.push(
      note(
        '$',
        'found no broker ids: no partition lists broker replicas, and no zone map names brokers',
      ),
    )
    return { zones: [UNKNOWN_ZONE], brokers: [] }
  }
  if (zoneByBroker.size === 0) {
    if (problems.length === 0) {
      warnings.push(
        note(
          'zoneMap',
          `no broker-to-zone map was given, so every broker is in one zone, ${JSON.stringify(UNKNOWN_ZONE)}; give one (e.g. 1=use1-az1,2=use1-az2) to simulate zone failures`,
        ),
      )
    }
    return { zones: [UNKNOWN_ZONE], brokers: sorted().map((id) => ({ id, zone: UNKNOWN_ZONE })) }
  }
  // Brokers named only in the map (no replicas yet) are still part of the cluster.
  for (const id of zoneByBroker.keys()) all.add(id)
  const missing = sorted().filter((id) => !zoneByBroker.has(id))
  if (missing.length > 0) problems.push(note('zoneMap', missingText(missing, zonesFrom)))
  const brokers = sorted().map((id) => ({ id, zone: zoneByBroker.get(id) ?? UNKNOWN_ZONE }))
  const zoneNames = [...new Set(brokers.map((b) => b.zone))].sort(compareText)
  return { zones: zoneNames, brokers }
}

/** Brokers the input names but the zone source leaves out, in the zone source's terms. */
function missingText(missing: BrokerId[], from: ImportOptions['zonesFrom']): string {
  const s = missing.length > 1 ? 's' : ''
  switch (from) {
    case 'kafka-configs':
      return `the kafka-configs output has no "All configs for broker N" section for broker${s} ${ranges(missing)}; run it without --entity-name, so that it describes every broker`
    case 'list-nodes':
      return `aws kafka list-nodes lists no broker${s} ${ranges(missing)}; paste the whole output (every page)`
    default:
      return `no zone for broker${s} ${missing.join(', ')}; add ${missing.map((id) => `${id}=<zone>`).join(',')}`
  }
}

/** Returns the scenario when it validates, else the reader's problems (a bug in an importer). */
export function finish(
  scenario: ScenarioFile,
  problems: Problem[],
  warnings: Problem[],
): ImportResult {
  if (problems.length > 0) return { ok: false, problems }
  const checked = validateScenario(scenario)
  if (!checked.ok) {
    return {
      ok: false,
      problems: checked.problems.map((p) => movedProblem(p, `scenario ${p.path}`)),
    }
  }
  return { ok: true, scenario, warnings: [...warnings, ...checked.warnings] }
}

/** "3, 4, 5, 7" as "3–5, 7". */
export function ranges(numbers: number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b)
  const parts: string[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`)
    i = j + 1
  }
  return parts.join(', ')
}
