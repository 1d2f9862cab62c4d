/**
 * The cluster-wide broker configs of an imported cluster. `kafka-topics --describe` lists only
 * the configs each topic does not take from Kafka's built-in defaults, and not at all when it
 * ran through ZooKeeper, so a topic without a `min.insync.replicas` in its `Configs:` column runs
 * with the brokers' value: without this, an import would assume Apache Kafka's 1 for it and the
 * advisor and the matrix would describe a cluster that is not the one running.
 *
 * Each of the three configs comes, first found first: from what the user typed (the import
 * panel's fields, `--cluster-config`), from a preset ("MSK defaults", "Apache defaults"), from
 * `kafka-configs --describe --entity-type brokers --all` output, else Apache Kafka's default.
 */
import { DEFAULT_CLUSTER_CONFIG, type ClusterConfig } from '../engine/spec'
import { CLUSTER_CONFIG_FIELDS } from './fields'
import { at, note, quote } from './text'
import type { Problem } from './types'
import { checkValue } from './validate'

/** The configs the import asks for: what decides acks=all availability and unclean elections. */
export const IMPORT_CONFIG_KEYS = [
  'min.insync.replicas',
  'default.replication.factor',
  'unclean.leader.election.enable',
] as const

export type ImportConfigKey = (typeof IMPORT_CONFIG_KEYS)[number]
export type ImportConfigValues = Pick<ClusterConfig, ImportConfigKey>
export type ConfigPreset = 'msk' | 'apache'

/**
 * Amazon MSK's default configuration, for a cluster created without a custom configuration
 * (Amazon MSK Developer Guide, "Default Amazon MSK configuration",
 * https://docs.aws.amazon.com/msk/latest/developerguide/msk-default-configuration.html; read in
 * the guide's public source, awsdocs/amazon-msk-developer-guide, doc_source/
 * msk-default-configuration.md, last revised 2022-07-21):
 * - `default.replication.factor`: "3 for 3-AZ clusters, 2 for 2-AZ clusters";
 * - `min.insync.replicas`: "2 for 3-AZ clusters, 1 for 2-AZ clusters";
 * - `unclean.leader.election.enable`: true, where Apache Kafka's default is false (KIP-106).
 * The current page has a second column for clusters with tiered storage; these are the values of
 * clusters without it. Express brokers fix their own values (the scenario reader enforces them).
 * MSK clusters span two or three Availability Zones, never one.
 */
const MSK_DEFAULTS: Record<2 | 3, ImportConfigValues> = {
  2: {
    'min.insync.replicas': 1,
    'default.replication.factor': 2,
    'unclean.leader.election.enable': true,
  },
  3: {
    'min.insync.replicas': 2,
    'default.replication.factor': 3,
    'unclean.leader.election.enable': true,
  },
}

/** Which of MSK's two configurations a cluster of `zoneCount` zones gets: 2 for two, else 3. */
export function mskZoneBasis(zoneCount: number): 2 | 3 {
  return zoneCount === 2 ? 2 : 3
}

/** A sentence on a zone count MSK does not have, or null when it has it (2 or 3). */
export function mskZoneNote(zoneCount: number): string | null {
  if (zoneCount === 2 || zoneCount === 3) return null
  return zoneCount <= 1
    ? "MSK clusters span 2 or 3 Availability Zones and the zone map gives one, so MSK's 3-zone defaults are used"
    : `MSK clusters span 2 or 3 Availability Zones and the zone map gives ${zoneCount}, so MSK's 3-zone defaults are used`
}

/** A preset's values: MSK's depend on the number of zones, Apache Kafka's do not. */
export function presetValues(preset: ConfigPreset, zoneCount: number): ImportConfigValues {
  if (preset === 'msk') return { ...MSK_DEFAULTS[mskZoneBasis(zoneCount)] }
  return {
    'min.insync.replicas': DEFAULT_CLUSTER_CONFIG['min.insync.replicas'],
    'default.replication.factor': DEFAULT_CLUSTER_CONFIG['default.replication.factor'],
    'unclean.leader.election.enable': DEFAULT_CLUSTER_CONFIG['unclean.leader.election.enable'],
  }
}

/** Configs read from the cluster (kafka-configs output), with where each was read. */
export interface ReadConfigs {
  values: Partial<ClusterConfig>
  /** Where each value was read, for people: "line 12 of the kafka-configs output". */
  places: Partial<Record<keyof ClusterConfig, string>>
}

export type ConfigSource =
  | { kind: 'typed' }
  | { kind: 'preset'; preset: ConfigPreset; zones: 2 | 3 | null }
  | { kind: 'read'; place: string }
  | { kind: 'default' }

export interface ResolvedConfig {
  /** The three configs, and any other cluster config the kafka-configs output gave. */
  values: Partial<ClusterConfig> & ImportConfigValues
  sources: Record<ImportConfigKey, ConfigSource>
  /** Where a typed or preset value overrides a different value read from the cluster. */
  notes: string[]
}

export interface ConfigChoice {
  typed?: Partial<ImportConfigValues>
  preset?: ConfigPreset | null
  read?: ReadConfigs | null
  zoneCount: number
}

/**
 * The cluster configs an import writes, each with its source.
 *
 * @example
 * resolveImportConfig({ preset: 'msk', zoneCount: 3 }).values['min.insync.replicas'] // 2
 */
export function resolveImportConfig(choice: ConfigChoice): ResolvedConfig {
  const preset = choice.preset ?? null
  const presetSet = preset === null ? null : presetValues(preset, choice.zoneCount)
  const read = choice.read ?? { values: {}, places: {} }
  const values: Partial<ClusterConfig> = { ...read.values }
  const sources = {} as Record<ImportConfigKey, ConfigSource>
  const notes: string[] = []
  for (const key of IMPORT_CONFIG_KEYS) {
    const typed = choice.typed?.[key]
    const readValue = read.values[key]
    let value: number | boolean
    if (typed !== undefined) {
      value = typed
      sources[key] = { kind: 'typed' }
    } else if (presetSet !== null) {
      value = presetSet[key]
      sources[key] = {
        kind: 'preset',
        preset: preset!,
        zones: preset === 'msk' ? mskZoneBasis(choice.zoneCount) : null,
      }
    } else if (readValue !== undefined) {
      value = readValue
      sources[key] = { kind: 'read', place: read.places[key] ?? 'the kafka-configs output' }
    } else {
      value = DEFAULT_CLUSTER_CONFIG[key]
      sources[key] = { kind: 'default' }
    }
    if (readValue !== undefined && readValue !== value) {
      notes.push(
        `${key}: the kafka-configs output says ${String(readValue)} (${read.places[key] ?? 'read'}), but the import uses ${String(value)} (${sourceText(sources[key])})`,
      )
    }
    ;(values as Record<string, unknown>)[key] = value
  }
  return { values: values as ResolvedConfig['values'], sources, notes }
}

/** Where a config's value comes from, in words: "MSK default for 3 zones". */
export function sourceText(source: ConfigSource): string {
  switch (source.kind) {
    case 'typed':
      return 'given'
    case 'preset':
      return source.preset === 'msk'
        ? `MSK default for ${source.zones ?? 3} zones`
        : 'Apache Kafka default'
    case 'read':
      return `from ${source.place}`
    case 'default':
      return 'Apache Kafka default, nothing else given'
  }
}

/**
 * `min.insync.replicas=2,unclean.leader.election.enable=false` (commas, semicolons or new lines
 * between entries), as `--cluster-config` takes it. Only the three import configs are accepted;
 * each value is checked with the scenario format's own rule.
 *
 * @example
 * parseConfigAssignments('min.insync.replicas=2') // { ok: true, values: { 'min.insync.replicas': 2 } }
 */
export function parseConfigAssignments(
  text: string,
  root = 'clusterConfig',
): { ok: true; values: Partial<ImportConfigValues> } | { ok: false; problems: Problem[] } {
  const values: Partial<Record<ImportConfigKey, number | boolean>> = {}
  const problems: Problem[] = []
  const entries = text.split(/[\n,;]+/).map((e) => e.trim())
  entries
    .filter((e) => e !== '')
    .forEach((entry, i) => {
      const path = at(root, i)
      const eq = entry.indexOf('=')
      const key = (eq < 0 ? entry : entry.slice(0, eq)).trim()
      const raw = eq < 0 ? '' : entry.slice(eq + 1).trim()
      if (eq < 0) {
        problems.push(note(path, `${quote(entry)} is not of the form key=value`))
        return
      }
      if (!(IMPORT_CONFIG_KEYS as readonly string[]).includes(key)) {
        problems.push(note(path, `${quote(key)} is not one of ${IMPORT_CONFIG_KEYS.join(', ')}`))
        return
      }
      const parsed = configValue(key as ImportConfigKey, raw, path)
      if (!parsed.ok) problems.push(...parsed.problems)
      else values[key as ImportConfigKey] = parsed.value
    })
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, values: values as Partial<ImportConfigValues> }
}

/**
 * A config's text value as Kafka prints it ("2", "true"), checked with the scenario format's
 * rule for that key.
 */
export function configValue(
  key: keyof ClusterConfig,
  raw: string,
  path: string,
): { ok: true; value: number | boolean } | { ok: false; problems: Problem[] } {
  const rule = CLUSTER_CONFIG_FIELDS[key].rule
  let value: unknown = raw
  if (rule.kind === 'boolean') {
    if (raw === 'true' || raw === 'false') value = raw === 'true'
    else return { ok: false, problems: [note(path, `${key}=${quote(raw)} is not true or false`)] }
  } else if (/^-?[0-9]{1,16}$/.test(raw)) {
    value = Number(raw)
  } else {
    return { ok: false, problems: [note(path, `${key}=${quote(raw)} is not a whole number`)] }
  }
  const checked = checkValue(value, path, rule)
  if (!checked.ok) return { ok: false, problems: checked.problems }
  return { ok: true, value: value as number | boolean }
}
