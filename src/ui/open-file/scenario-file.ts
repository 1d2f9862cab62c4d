/**
 * Opening a scenario file in the dashboard, the pure part: the reader's result turned into what
 * the page shows. Problems are printed as the CLI prints them (`file: path: message`, one a line,
 * see src/cli/commands/scenario-input.ts), capped for display; clusters too large for a tab are
 * refused with the share links' limits; and the current scenario's unsaved changes, the ones that
 * opening a file would throw away, are listed so the page can ask first.
 */
import type { SimulationSpec, TimedFault } from '../../engine/spec'
import { renderProblem, type Problem } from '../../scenario/messages'
import type { ScenarioParseResult } from '../../scenario/types'
import { SHARE_LIMITS } from '../../store/share-link'
import type { AppState } from '../../store/app-store'

/** Larger files are refused before they are read: 16 MiB is far beyond any scenario's JSON. */
export const MAX_SCENARIO_FILE_BYTES = 16 * 1024 * 1024

/** How many problem lines the page lists before "and N more". */
export const PROBLEMS_SHOWN = 20

export type OpenOutcome =
  { ok: true; spec: SimulationSpec; warnings: string[] } | { ok: false; lines: string[] }

/** One problem as the CLI prints it: `file: path: message` (a JSON path, or `line N, column M`). */
export function problemLine(file: string, problem: Problem, prefix = ''): string {
  return `${file}: ${problem.path}: ${prefix}${renderProblem(problem)}`
}

/** The first `max` lines and how many more there are. */
export function capLines(
  lines: readonly string[],
  max = PROBLEMS_SHOWN,
): { shown: string[]; more: number } {
  return { shown: lines.slice(0, max), more: Math.max(0, lines.length - max) }
}

/** Why a file is refused before reading it, or null. */
export function fileSizeLine(file: string, bytes: number): string | null {
  if (bytes <= MAX_SCENARIO_FILE_BYTES) return null
  const mib = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MiB`
  return `${file}: the file is too large to open: ${mib(bytes)} (the limit is ${mib(MAX_SCENARIO_FILE_BYTES)})`
}

/** The share links' limits, so a file cannot open what a link could not. */
function tooLarge(spec: SimulationSpec): string | null {
  const partitions = spec.topics.reduce((sum, topic) => sum + topic.partitions, 0)
  if (spec.cluster.brokers.length > SHARE_LIMITS.brokers)
    return `${spec.cluster.brokers.length} brokers (the limit is ${SHARE_LIMITS.brokers})`
  if (partitions > SHARE_LIMITS.partitions)
    return `${partitions} partitions (the limit is ${SHARE_LIMITS.partitions})`
  if (spec.faults.length > SHARE_LIMITS.faults)
    return `${spec.faults.length} faults (the limit is ${SHARE_LIMITS.faults})`
  return null
}

/**
 * The reader's result for `file`, as lines to show or a spec to load.
 *
 * @example
 * scenarioOutcome('s.json', parseScenario('{'))
 * // { ok: false, lines: ['s.json: line 1, column 2: ...'] }
 */
export function scenarioOutcome(file: string, result: ScenarioParseResult): OpenOutcome {
  if (!result.ok) return { ok: false, lines: result.problems.map((p) => problemLine(file, p)) }
  const size = tooLarge(result.spec)
  if (size !== null) {
    return {
      ok: false,
      lines: [`${file}: too large to simulate in a browser tab: it has ${size}`],
    }
  }
  return {
    ok: true,
    spec: result.spec,
    warnings: result.warnings.map((p) => problemLine(file, p, 'warning: ')),
  }
}

/**
 * Whether pasted text is a scenario file rather than `kafka-topics --describe` output or a
 * reassignment JSON: a JSON object (comments allowed) with a `cluster` key, which neither of those
 * has. The reader decides whether it is a valid one.
 */
export function looksLikeScenarioFile(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').replace(/^(\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/, '')
  return start.startsWith('{') && /"cluster"\s*:/.test(start)
}

/** The sentence for a successful open, with the reader's warnings, at most three of them. */
export function openedMessage(file: string, spec: SimulationSpec, warnings: readonly string[]) {
  const head = `Opened “${spec.name}” from ${file}: restarted at 00:00.000.`
  if (warnings.length === 0) return head
  const { shown, more } = capLines(warnings, 3)
  const count = `${warnings.length} warning${warnings.length === 1 ? '' : 's'}`
  return `${head} ${count}: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`
}

type ChangeState = Pick<AppState, 'generation' | 'spec' | 'recording' | 'guided'>

function faultKey(fault: TimedFault): string {
  return JSON.stringify(fault)
}

/** Faults in `a` that `b` lacks, counted as a multiset. */
function missingFrom(a: readonly TimedFault[], b: readonly TimedFault[]): number {
  const left = new Map<string, number>()
  for (const fault of b) left.set(faultKey(fault), (left.get(faultKey(fault)) ?? 0) + 1)
  let missing = 0
  for (const fault of a) {
    const n = left.get(faultKey(fault)) ?? 0
    if (n === 0) missing++
    else left.set(faultKey(fault), n - 1)
  }
  return missing
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * What replacing the current scenario would lose, one sentence each; empty when nothing.
 * A scenario is as opened when it is the first one loaded (the default or a share link), a guided
 * scenario from the picker, or the one last opened from a file (`openedGeneration`); any other
 * load came from the Scenario tab, an advisor fix or an import. Faults the user injected, and
 * script faults a fork discarded, are changes too (the recording differs from the script).
 */
export function unsavedChanges(state: ChangeState, openedGeneration: number | null): string[] {
  const changes: string[] = []
  const guided = state.guided !== null && state.guided.generation === state.generation
  if (state.generation !== 0 && !guided && state.generation !== openedGeneration) {
    changes.push(
      'it was changed after it was opened (the Scenario tab, an advisor fix or an import)',
    )
  }
  const injected = missingFrom(state.recording, state.spec.faults)
  if (injected > 0) changes.push(`${plural(injected, 'fault')} injected during the run`)
  const discarded = missingFrom(state.spec.faults, state.recording)
  if (discarded > 0) changes.push(`${plural(discarded, 'scripted fault')} discarded by a fork`)
  return changes
}
