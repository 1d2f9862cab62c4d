/**
 * `run <scenario.json> [--seed N] [--duration MS] [--out FILE] [--allow-long-run]`: simulates the
 * scenario headless and prints the run report (version 1) as JSON. The engine is deterministic,
 * so the same scenario and seed give the same bytes, which lets a report be diffed or checked
 * into CI. A long run (budget.ts `longRunReason`) needs --allow-long-run and then reports its
 * progress on stderr; --out never overwrites the scenario it reads.
 */
import { buildReport, createSimulation } from '../../engine/index'
import type { SimulationSpec } from '../../engine/spec'
import { runBudgetProblems } from '../../scenario/budget-check'
import { MAX_DURATION_MS, durationText, longRunReason } from '../../scenario/budget'
import {
  EXIT_OK,
  InputError,
  fileErrorText,
  jsonText,
  sameFile,
  shownFile,
  type CliIo,
} from '../io'
import type { Command } from './command'
import { loadScenario } from './scenario-input'

/** The scenario format's own bounds for `seed` and `durationMs`. */
export const SEED_MAX = 4294967295
export const DURATION_MS_MAX = MAX_DURATION_MS
const RUN_INSTEAD = 'shorten durationMs (or give a shorter --duration)'
/** Progress lines come at most this often, in wall-clock ms. */
export const PROGRESS_INTERVAL_MS = 1000

export const runCommand: Command = {
  name: 'run',
  summary: 'Simulate a scenario and print the run report as JSON',
  description: [
    'Simulates the scenario for its durationMs of simulated time and prints the run report ' +
      '(version 1): the final partition states, metrics over time, client counts, durability ' +
      '(acknowledged records lost) and availability, and the event log.',
    'The run is deterministic: the same scenario and seed give byte-identical output.',
    'A long run, more than 20,000,000 units of work (simulated seconds × (1,000 + replicas + ' +
      'brokers + clients); the largest shipped scenario has 18,672,000), is refused unless ' +
      '--allow-long-run is given; with it, a progress line goes to stderr at most every second, and stdout still carries ' +
      'only the report. --out never replaces the scenario file, by any path or link.',
  ],
  args: {
    positionals: [{ name: 'scenario.json', description: 'the scenario file (- for stdin)' }],
    flags: {
      seed: {
        kind: 'integer',
        min: 0,
        max: SEED_MAX,
        value: 'N',
        description: "Seed of every random choice, instead of the scenario's seed.",
      },
      duration: {
        kind: 'integer',
        min: 1,
        max: DURATION_MS_MAX,
        value: 'MS',
        description:
          "Simulated time to run, in ms, instead of the scenario's durationMs (at most 24 h).",
      },
      out: {
        kind: 'text',
        value: 'FILE',
        description:
          'Write the report to FILE instead of stdout, atomically (a temp file renamed over it). Never the scenario file itself.',
      },
      'allow-long-run': {
        kind: 'switch',
        description:
          'Run a long run (more than 20,000,000 units of work: simulated seconds × (1,000 + replicas + brokers + clients); 600 s of the reference cluster are 18,672,000) instead of refusing it, with a progress line on stderr at most every second.',
      },
      'client-log': {
        kind: 'switch',
        description:
          "Add clientLog to the report: every line the clients' Kafka libraries log, in order, each with its level and Java class.",
      },
    },
  },
  examples: [
    'kafka-ha-lab run scenario.json > report.json',
    'kafka-ha-lab run scenario.json --seed 42 --duration 60000 --out report.json',
    'kafka-ha-lab run scenario.json --client-log | jq -r \'.clientLog[] | "\\(.atMs) \\(.message)"\'',
  ],
  async execute(args, io) {
    const [path = ''] = args.positionals
    const out = args.flags['out']
    if (typeof out === 'string') await refuseInputAsOutput(io, path, out)
    const loaded = await loadScenario(io, path)
    const spec = withOverrides(loaded.spec, args.flags)
    if (typeof args.flags['duration'] === 'number') {
      const problems = runBudgetProblems(spec, spec.durationMs, '--duration')
      if (problems.length > 0) throw new InputError(problems)
    }
    const long = longRunReason(spec)
    if (long !== undefined && args.flags['allow-long-run'] !== 'true') {
      throw new InputError([{ path: shownFile(path), message: longRunRefusal(long, RUN_INSTEAD) }])
    }
    const stderr = [...loaded.warnings, ...lateFaultWarnings(loaded.spec, spec)]
    const sim = createSimulation(spec)
    runWithProgress(sim, spec.durationMs, long === undefined ? undefined : progressOf(io))
    const text = jsonText(
      buildReport(sim, spec.durationMs, { clientLog: args.flags['client-log'] === 'true' }),
    )
    if (typeof out !== 'string') return { stdout: text, stderr, exitCode: EXIT_OK }
    try {
      await io.writeFile(out, text)
    } catch (error) {
      throw new InputError([
        { path: '--out', message: `cannot write ${out}: ${fileErrorText(error)}` },
      ])
    }
    return { stdout: '', stderr, exitCode: EXIT_OK }
  },
}

/** The sentence of a refused long run: what is long, how to allow it, and what else helps. */
export function longRunRefusal(reason: string, instead: string): string {
  return `this is a long run: ${reason}; give --allow-long-run to run it anyway, or ${instead}`
}

/**
 * --out must not name the scenario being read, by any path (a symlink, a hard link, ./s.json):
 * the report would replace the scenario. Checked before anything is read or run.
 */
async function refuseInputAsOutput(io: CliIo, input: string, out: string): Promise<void> {
  if (input === '-' || !(await sameFile(io, input, out))) return
  throw new InputError([
    {
      path: '--out',
      message: `${out} is the scenario file ${input} itself; refusing to overwrite an input with the report: choose another file`,
    },
  ])
}

export interface ProgressSink {
  /** Wall-clock ms. */
  now(): number
  /** Writes one line (without its newline) to stderr. */
  line(text: string): void
}

function progressOf(io: CliIo): ProgressSink | undefined {
  if (io.now === undefined) return undefined
  return { now: () => io.now?.() ?? 0, line: (text) => io.stderr(`${text}\n`) }
}

/**
 * Runs `sim` to `durationMs`. With a sink, in steps of at most 1/200 of the run (at least 1 s
 * of simulated time), writing "run: simulated 10 min of 1 h (17%)" when PROGRESS_INTERVAL_MS of
 * wall time have passed since the last line. The engine processes the same events whatever the
 * steps (runUntil handles every event due by its target), so the report is the same bytes.
 */
export function runWithProgress(
  sim: { runUntil(targetMs: number): void },
  durationMs: number,
  sink?: ProgressSink,
): void {
  if (sink === undefined) {
    sim.runUntil(durationMs)
    return
  }
  const step = Math.max(1000, Math.ceil(durationMs / 200))
  let last = sink.now()
  for (let at = Math.min(step, durationMs); ; at = Math.min(at + step, durationMs)) {
    sim.runUntil(at)
    if (at >= durationMs) return
    const now = sink.now()
    if (now - last >= PROGRESS_INTERVAL_MS) {
      last = now
      const percent = Math.floor((at * 100) / durationMs)
      sink.line(`run: simulated ${durationText(at)} of ${durationText(durationMs)} (${percent}%)`)
    }
  }
}

function withOverrides(
  spec: SimulationSpec,
  flags: Record<string, string | number>,
): SimulationSpec {
  const seed = flags['seed']
  const duration = flags['duration']
  return {
    ...spec,
    seed: typeof seed === 'number' ? seed : spec.seed,
    durationMs: typeof duration === 'number' ? duration : spec.durationMs,
  }
}

/** A shorter --duration can cut off scripted faults; say so rather than drop them silently. */
function lateFaultWarnings(original: SimulationSpec, spec: SimulationSpec): string[] {
  if (spec.durationMs >= original.durationMs) return []
  const late = spec.faults.filter((f) => f.atMs > spec.durationMs).length
  if (late === 0) return []
  return [
    `--duration: warning: ${late} scripted fault${late === 1 ? ' comes' : 's come'} after ` +
      `${spec.durationMs} ms and will not happen`,
  ]
}
