/**
 * `analyze <scenario.json> [--format json|markdown] [--fail-on error|warning] [--no-client-runs]`:
 * the design review (verdict, survivability matrix and best-practice findings) as JSON or
 * Markdown; the verdict's client figures come from a short simulation of each class's worst case. With
 * `--fail-on` it is a CI gate: exit code 1 when a finding of that severity or worse exists, with
 * the report still printed so the build log shows why. `info` is not a gate level: an info
 * finding describes no risk, so it never fails a build.
 */
import { analysisToMarkdown, analyze, FAILURE_CLASSES, type Severity } from '../../analysis/index'
import { CLIENT_RUN_WARMUP_MS, CLIENT_RUN_WINDOW_MS } from '../../analysis/verdict'
import { longClientRunsReason, longMatrixReason } from '../../scenario/budget'
import { EXIT_FINDINGS, EXIT_OK, InputError, jsonText, shownFile } from '../io'
import type { Command } from './command'
import { longRunRefusal } from './run'
import { loadScenario } from './scenario-input'

/** Simulated time of all the verdict's client runs: one per failure class. */
const CLIENT_RUNS_MS = FAILURE_CLASSES.length * (CLIENT_RUN_WARMUP_MS + CLIENT_RUN_WINDOW_MS)

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Review a scenario statically: survivability matrix and best-practice findings',
  description: [
    'Computes, without simulating, what each single broker, single zone, broker pair and ' +
      'zone-plus-broker failure does to every partition (offline, unwritable with acks=all, ' +
      'needing an unclean election, control plane lost), and checks the scenario against Kafka ' +
      'and Amazon MSK high-availability practice. Each finding has a severity:',
    'error: the layout loses availability in a failure it is meant to survive, or cannot work ' +
      'as given; e.g. losing one zone leaves partitions offline or with fewer in-sync replicas ' +
      'than min.insync.replicas (acks=all writes fail with NOT_ENOUGH_REPLICAS), or a topic has ' +
      'replication factor 1.',
    'warning: a risk short of that, e.g. acks=1, unclean leader election, replicas sharing a ' +
      'zone while a zone loss still leaves min.insync.replicas in sync.',
    'info: a note that describes no risk, e.g. a setting a real cluster ignores, or what an ' +
      'upgrade needs.',
    'The verdict comes first: per failure class, how many cases lose availability or put data ' +
      'at risk, the worst case and its topics, and — from a 60 s simulation of that worst case, ' +
      'when the scenario has producers — what the clients would see (longest stall, records ' +
      'failed and lost, p99 latency, error codes). --no-client-runs skips those runs.',
    'With --fail-on error the exit code is 1 when any error exists; with --fail-on warning, ' +
      'when any error or warning exists. Info findings never fail (--fail-on info is rejected ' +
      'as bad input, exit code 2). The report is printed either way.',
    'A long review (client runs past 20,000,000 units of work, or a survivability matrix past ' +
      '1,000,000,000 failure cases × replicas) is refused unless --allow-long-run is given.',
  ],
  args: {
    positionals: [{ name: 'scenario.json', description: 'the scenario file (- for stdin)' }],
    flags: {
      format: {
        kind: 'choice',
        choices: ['json', 'markdown'],
        value: 'FORMAT',
        description: 'Output format: json (default) or markdown (a design-review document).',
      },
      'fail-on': {
        kind: 'choice',
        choices: ['error', 'warning'],
        value: 'SEVERITY',
        description:
          'Exit with code 1 when a finding of this severity or worse exists: error fails on ' +
          'errors only, warning on warnings and errors. Info findings never fail.',
      },
      'no-client-runs': {
        kind: 'switch',
        description:
          'Skip the verdict\u2019s simulation runs (one per failure class; seconds each on a large cluster).',
      },
      'allow-long-run': {
        kind: 'switch',
        description:
          'Review a scenario whose client runs or survivability matrix are long (docs/cli.md, "Long runs") instead of refusing it; stderr says it is long, then which client run it is on.',
      },
    },
  },
  examples: [
    'kafka-ha-lab analyze scenario.json',
    'kafka-ha-lab analyze scenario.json --format markdown --fail-on error',
  ],
  async execute(args, io) {
    const [path = ''] = args.positionals
    const { spec, warnings } = await loadScenario(io, path)
    const clientRuns = args.flags['no-client-runs'] !== 'true'
    const matrix = longMatrixReason(spec)
    const runs = clientRuns ? longClientRunsReason(spec, CLIENT_RUNS_MS) : undefined
    const long = matrix ?? runs
    if (long !== undefined) {
      if (args.flags['allow-long-run'] !== 'true') {
        const instead =
          matrix === undefined ? 'skip them with --no-client-runs' : 'review a smaller cluster'
        throw new InputError([{ path: shownFile(path), message: longRunRefusal(long, instead) }])
      }
      io.stderr(`analyze: a long review: ${long}\n`)
    }
    // A long review says on stderr which of its client runs (the long part) it is on.
    const onRun =
      long === undefined
        ? undefined
        : (kind: string, index: number, total: number) =>
            io.stderr(`analyze: client run ${index + 1} of ${total} (failure class ${kind})\n`)
    const report = analyze(spec, { clientRuns, onRun })
    const stdout =
      args.flags['format'] === 'markdown' ? analysisToMarkdown(report, spec) : jsonText(report)
    const failOn = args.flags['fail-on'] as Severity | undefined
    if (failOn === undefined) return { stdout, stderr: warnings, exitCode: EXIT_OK }
    const failing = report.advice.filter((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[failOn])
    if (failing.length === 0) return { stdout, stderr: warnings, exitCode: EXIT_OK }
    const count = (s: Severity, word: string) => {
      const n = failing.filter((f) => f.severity === s).length
      return n === 0 ? [] : [`${n} ${word}${n === 1 ? '' : 's'}`]
    }
    const counts = [...count('error', 'error'), ...count('warning', 'warning')].join(', ')
    const verdict = `--fail-on ${failOn}: failed with ${counts}`
    return { stdout, stderr: [...warnings, verdict], exitCode: EXIT_FINDINGS }
  },
}
