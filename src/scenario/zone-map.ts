/**
 * Broker-to-zone maps for the importers. `kafka-topics --describe` and reassignment files name
 * brokers but not their racks, so the user supplies the map: `1=use1-az1,2=use1-az2` (commas,
 * semicolons, spaces or new lines between entries; "=" or ":" inside them), or a JSON object
 * `{"1": "use1-az1"}`.
 */
import type { BrokerId, ZoneName } from '../engine/spec'
import { MAX_NAME_CHARS } from './budget'
import { MAX_INT32 } from './fields'
import { parseJson } from './json'
import { at, describeValue, isRecord, note, quote } from './text'
import type { Problem } from './types'

export type ZoneMapResult =
  { ok: true; zoneByBroker: Map<BrokerId, ZoneName> } | { ok: false; problems: Problem[] }

const ROOT = 'zoneMap'
/** The expected form of one entry, as every message about a bad entry says it. */
const FORM = 'broker=zone, e.g. 1=use1-az1'
const ZONE = new RegExp(`^[^\\s,;=]{1,${MAX_NAME_CHARS}}$`)

function brokerId(text: string): number | undefined {
  if (!/^[0-9]{1,10}$/.test(text)) return undefined
  const id = Number(text)
  return id <= MAX_INT32 ? id : undefined
}

function add(
  map: Map<BrokerId, ZoneName>,
  problems: Problem[],
  path: string,
  id: number,
  zone: string,
): void {
  const earlier = map.get(id)
  if (earlier !== undefined && earlier !== zone) {
    problems.push(
      note(
        path,
        `broker ${id} is mapped to both ${JSON.stringify(earlier)} and ${JSON.stringify(zone)}`,
      ),
    )
  }
  map.set(id, zone)
}

/**
 * Parses a broker-to-zone map. An empty text is an empty map.
 *
 * @example
 * parseZoneMap('1=use1-az1, 2=use1-az2') // { ok: true, zoneByBroker: Map { 1 => 'use1-az1', 2 => 'use1-az2' } }
 */
export function parseZoneMap(text: string): ZoneMapResult {
  if (typeof text !== 'string') {
    return { ok: false, problems: [note(ROOT, 'expected text such as 1=use1-az1')] }
  }
  const trimmed = text.trim()
  if (trimmed.startsWith('{')) {
    const json = parseJson(trimmed)
    if (!json.ok) {
      return {
        ok: false,
        problems: json.problems.map((p) => ({ ...p, path: `${ROOT}, ${p.path}` })),
      }
    }
    return zoneMapFromObject(json.value)
  }
  const map = new Map<BrokerId, ZoneName>()
  const problems: Problem[] = []
  const entries = trimmed
    .replace(/\s*[=:]\s*/g, '=')
    .split(/[\s,;]+/)
    .filter((e) => e !== '')
  entries.forEach((entry, i) => {
    const path = at(ROOT, i)
    const match = /^([^=]*)=([^=]*)$/.exec(entry)
    if (match === null) {
      problems.push(note(path, `${quote(entry)} is not of the form ${FORM}`))
      return
    }
    const idText = match[1] ?? ''
    const id = brokerId(idText)
    const zone = match[2] ?? ''
    if (idText === '') {
      problems.push(note(path, `${quote(entry)} has no broker id before "="; write ${FORM}`))
    } else if (id === undefined) {
      problems.push(
        note(
          path,
          `${quote(idText)} in ${quote(entry)} is not a broker id (a whole number from 0 to ${MAX_INT32}); write ${FORM}`,
        ),
      )
    } else if (!ZONE.test(zone)) {
      problems.push(note(path, `${quote(entry)} has no zone after "="; write ${FORM}`))
    } else {
      add(map, problems, path, id, zone)
    }
  })
  return problems.length > 0 ? { ok: false, problems } : { ok: true, zoneByBroker: map }
}

/** The JSON-object form, also accepted directly by the importers' `zones` option. */
export function zoneMapFromObject(value: unknown): ZoneMapResult {
  if (!isRecord(value)) {
    return {
      ok: false,
      problems: [
        note(ROOT, `must be an object such as {"1": "use1-az1"} (got ${describeValue(value)})`),
      ],
    }
  }
  const map = new Map<BrokerId, ZoneName>()
  const problems: Problem[] = []
  for (const [key, zone] of Object.entries(value)) {
    const path = at(ROOT, key)
    const id = brokerId(key)
    if (id === undefined) {
      problems.push(note(path, `${quote(key)} is not a broker id`))
    } else if (typeof zone !== 'string' || !ZONE.test(zone)) {
      problems.push(note(path, `must be a zone name without spaces (got ${describeValue(zone)})`))
    } else {
      add(map, problems, path, id, zone)
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, zoneByBroker: map }
}
