/**
 * A whole import, as the import panel and `kafka-ha-lab import` make it: the topics (describe
 * output or a reassignment file), the brokers' zones (a zone source, or MSK's numbering assumed),
 * the cluster-wide configs (typed, a preset, read from kafka-configs output, or Apache Kafka's
 * defaults) and an optional workload, checked together by the scenario reader. Every problem of
 * every part is reported at once; nothing here touches a running simulation.
 */
import type { SimulationSpec, ZoneName } from '../engine/spec'
import {
  IMPORT_CONFIG_KEYS,
  resolveImportConfig,
  type ConfigPreset,
  type ImportConfigValues,
  type ResolvedConfig,
} from './import-cluster-config'
import type { ImportOptions } from './import-common'
import { importDescribe } from './import-describe'
import { importReassignment } from './import-reassignment'
import {
  checkWorkload,
  resolveWorkload,
  workloadClients,
  type Workload,
  type WorkloadChoice,
} from './import-workload'
import { capProblems, movedProblem, note } from './text'
import type { ImportResult, Problem, ScenarioFile } from './types'
import { validateScenario } from './validate'
import {
  mskNumbering,
  numberingWarning,
  readZoneSource,
  type ZoneSource,
  type ZoneSourceKind,
} from './zone-source'

export type ImportFormat = 'describe' | 'reassignment'

/** JSON, or pasted `--generate` output, is a reassignment file; anything else describe text. */
export function detectImportFormat(text: string): ImportFormat {
  const start = text.trimStart()
  if (start.startsWith('{') || start.startsWith('[')) return 'reassignment'
  if (/Proposed partition reassignment configuration/.test(text)) return 'reassignment'
  return 'describe'
}

export interface ImportRequest {
  text: string
  format?: ImportFormat
  /** A typed map, kafka-configs output, or list-nodes (and describe-subnets) JSON. */
  zones?: string
  /** describe-subnets JSON given apart from the list-nodes JSON (the CLI's --subnets). */
  subnets?: string
  /** Instead of `zones`: MSK's numbering assumed over these zones. */
  assumeNumbering?: ZoneName[] | null
  typedConfig?: Partial<ImportConfigValues>
  preset?: ConfigPreset | null
  /** Null or absent: no clients. */
  workload?: WorkloadChoice | null
  name?: string
  /** Where problems in each input are placed (the CLI names its flags and files). */
  roots?: { zones?: string; subnets?: string; workload?: string }
}

export type ZoneOrigin = ZoneSourceKind | 'numbering' | 'none'

export interface ImportPlan {
  format: ImportFormat
  scenario: ScenarioFile
  spec: SimulationSpec
  warnings: Problem[]
  zoneOrigin: ZoneOrigin
  config: ResolvedConfig
  workload: Workload | null
}

export type PlanResult =
  { ok: true; plan: ImportPlan } | { ok: false; problems: Problem[]; format: ImportFormat }

/**
 * Above this many topics with clients, the preview says that playback may fall behind: measured
 * in Node on 2 cores, 10 s of a 90-broker cluster took 0.5 s with 30 producers and 30 groups and
 * 4.5 s with 300 of each.
 */
const MANY_WORKLOAD_TOPICS = 100

const IMPORTERS: Record<ImportFormat, (text: string, options: ImportOptions) => ImportResult> = {
  describe: importDescribe,
  reassignment: importReassignment,
}

/**
 * Plans an import: the scenario, its spec and what it is made of, or every problem.
 *
 * @example
 * planImport({ text: describe, zones: kafkaConfigsOutput, preset: 'msk', workload: {} })
 */
export function planImport(request: ImportRequest): PlanResult {
  // The first 100 problems of each kind, as the scenario reader keeps them (a describe output of
  // 100,000 bad lines is one screen of problems and a count, not 100,000 lines).
  const result = plan(request)
  if (!result.ok) return { ...result, problems: capProblems(result.problems, 'error') }
  return {
    ...result,
    plan: { ...result.plan, warnings: capProblems(result.plan.warnings, 'warning') },
  }
}

function plan(request: ImportRequest): PlanResult {
  const format = request.format ?? detectImportFormat(request.text)
  const importer = IMPORTERS[format]
  const zones = zoneStep(request, importer)
  if ('failed' in zones) return { ok: false, problems: zones.failed, format }
  const problems = [...zones.problems]
  problems.push(...checkWorkload(request.workload ?? {}, request.roots?.workload))
  const imported = importer(request.text, zones.options)
  if (!imported.ok) return { ok: false, problems: [...problems, ...imported.problems], format }
  if (problems.length > 0) return { ok: false, problems, format }
  const warnings = [...zones.warnings]
  // A failed zone source was reported above; without it the importer warns of a missing map.
  const importerWarnings = zones.failedSource
    ? imported.warnings.filter((w) => !w.path.startsWith('zoneMap'))
    : imported.warnings
  const scenario = structuredClone(imported.scenario)
  const config = applyConfig(scenario, request, zones.source, warnings)
  const workload = applyWorkload(scenario, request, warnings)
  const checked = validateScenario(scenario)
  if (!checked.ok) {
    return {
      ok: false,
      format,
      problems: checked.problems.map((p) => movedProblem(p, `scenario ${p.path}`)),
    }
  }
  return {
    ok: true,
    plan: {
      format,
      scenario,
      spec: checked.spec,
      warnings: unique([
        ...warnings,
        ...importerWarnings,
        ...config.notes.map((text) => note('clusterConfig', text)),
        ...checked.warnings,
      ]),
      zoneOrigin: zones.origin,
      config,
      workload,
    },
  }
}

interface ZoneStep {
  options: ImportOptions
  origin: ZoneOrigin
  source: ZoneSource | null
  warnings: Problem[]
  problems: Problem[]
  /** Whether the zone source was given but could not be read. */
  failedSource: boolean
}

/**
 * The importer options the zones give: from the zone source, or MSK's numbering over the ids the
 * input names (`failed` when it does not fit, or when the input itself cannot be read for it).
 */
function zoneStep(
  request: ImportRequest,
  importer: (text: string, options: ImportOptions) => ImportResult,
): ZoneStep | { failed: Problem[] } {
  const base: ImportOptions = request.name === undefined ? {} : { name: request.name }
  const root = request.roots?.zones ?? 'zoneMap'
  const step: ZoneStep = {
    options: base,
    origin: 'none',
    source: null,
    warnings: [],
    problems: [],
    failedSource: false,
  }
  const numbering = request.assumeNumbering ?? null
  if (numbering !== null) {
    const first = importer(request.text, base)
    if (!first.ok) return { failed: first.problems }
    const fit = mskNumbering(
      (first.scenario.cluster.brokers ?? []).map((b) => b.id),
      numbering,
    )
    if (!fit.ok) return { failed: [note(root, `MSK's numbering cannot be assumed: ${fit.reason}`)] }
    step.options = { ...base, zones: fit.suggestion.zoneByBroker }
    step.origin = 'numbering'
    step.warnings.push(numberingWarning(numbering, root))
    return step
  }
  const read = readZoneSource(request.zones ?? '', {
    root,
    ...(request.subnets === undefined ? {} : { subnets: request.subnets }),
    ...(request.roots?.subnets === undefined ? {} : { subnetsRoot: request.roots.subnets }),
  })
  if (read === null) return step
  if (!read.ok) {
    step.problems.push(...read.problems)
    step.failedSource = true
    return step
  }
  const source = read.source
  step.source = source
  step.origin = source.kind
  step.warnings.push(...source.warnings)
  step.options = {
    ...base,
    zones: source.zoneByBroker,
    ...(source.kind === 'map' ? {} : { zonesFrom: source.kind }),
    ...(source.controller === undefined ? {} : { controller: source.controller }),
  }
  return step
}

/**
 * Writes the cluster-wide configs into the scenario. A config nothing gave is left to the
 * reader, whose default is the same Apache Kafka value, with a warning when topics then take
 * min.insync.replicas 1 without anyone having said so.
 */
function applyConfig(
  scenario: ScenarioFile,
  request: ImportRequest,
  source: ZoneSource | null,
  warnings: Problem[],
): ResolvedConfig {
  const config = resolveImportConfig({
    typed: request.typedConfig ?? {},
    preset: request.preset ?? null,
    read: source?.config ?? null,
    zoneCount: new Set((scenario.cluster.brokers ?? []).map((b) => b.zone)).size,
  })
  const written: Record<string, unknown> = { ...config.values }
  for (const key of IMPORT_CONFIG_KEYS)
    if (config.sources[key].kind === 'default') delete written[key]
  if (Object.keys(written).length > 0)
    scenario.cluster.config = { ...scenario.cluster.config, ...written }
  const inheriting = (scenario.topics ?? [])
    .filter((t) => t.config?.['min.insync.replicas'] === undefined && !t.name.startsWith('__'))
    .map((t) => t.name)
  if (config.sources['min.insync.replicas'].kind === 'default' && inheriting.length > 0) {
    const names = `${inheriting.slice(0, 3).join(', ')}${inheriting.length > 3 ? ', …' : ''}`
    const topics = `${inheriting.length} topic${inheriting.length === 1 ? '' : 's'}`
    warnings.push(
      note(
        'clusterConfig',
        `nothing gives the brokers' min.insync.replicas, so ${topics} without an override (${names}) get Apache Kafka's default 1; give the brokers' value (MSK's or Apache Kafka's defaults, the value itself, or kafka-configs output)`,
      ),
    )
  }
  return config
}

/** Adds the workload's clients to the scenario; null when none was asked for. */
function applyWorkload(
  scenario: ScenarioFile,
  request: ImportRequest,
  warnings: Problem[],
): Workload | null {
  if (request.workload === undefined || request.workload === null) return null
  const workload = resolveWorkload(
    request.workload,
    (scenario.topics ?? []).map((t) => t.name),
    scenario.cluster.brokers?.length ?? 0,
  )
  scenario.clients = workloadClients(workload)
  const n = workload.topics.length
  if (n > MANY_WORKLOAD_TOPICS) {
    warnings.push(
      note(
        request.roots?.workload ?? 'workload',
        `the workload runs ${n} producers and ${n} consumer groups; the simulation slows down with the number of clients, and with a few hundred of each playback may fall behind the clock`,
      ),
    )
  }
  return workload
}

/** The same problem twice (the importer's check and the final one) is reported once. */
function unique(problems: Problem[]): Problem[] {
  const seen = new Set<string>()
  return problems.filter((p) => {
    const key = JSON.stringify(p)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
