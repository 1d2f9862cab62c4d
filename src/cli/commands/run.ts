/**
 * `run <scenario.json> [--seed N] [--duration MS] [--out FILE]`: simulates the scenario headless
 * and prints the run report (version 1) as JSON. The engine is deterministic, so the same
 * scenario and seed give the same bytes, which lets a report be diffed or checked into CI.
 */
import { buildReport, createSimulation } from '../../engine/index'
import type { SimulationSpec } from '../../engine/spec'
import { EXIT_OK, InputError, fileErrorText, jsonText } from '../io'
import type { Command } from './command'
import { loadScenario } from './scenario-input'

/** The scenario format's own bounds for `seed` and `durationMs`. */
export const SEED_MAX = 4294967295
export const DURATION_MS_MAX = Number.MAX_SAFE_INTEGER

export const runCommand: Command = {
  name: 'run',
  summary: 'Simulate a scenario and print the run report as JSON',
  description: [
    'Simulates the scenario for its durationMs of simulated time and prints the run report ' +
      '(version 1): the final partition states, metrics over time, client counts, durability ' +
      '(acknowledged records lost) and availability, and the event log.',
    'The run is deterministic: the same scenario and seed give byte-identical output.',
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
        description: "Simulated time to run, in ms, instead of the scenario's durationMs.",
      },
      out: {
        kind: 'text',
        value: 'FILE',
        description: 'Write the report to FILE instead of stdout.',
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
    const loaded = await loadScenario(io, path)
    const spec = withOverrides(loaded.spec, args.flags)
    const stderr = [...loaded.warnings, ...lateFaultWarnings(loaded.spec, spec)]
    const sim = createSimulation(spec)
    sim.runUntil(spec.durationMs)
    const text = jsonText(
      buildReport(sim, spec.durationMs, { clientLog: args.flags['client-log'] === 'true' }),
    )
    const out = args.flags['out']
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
