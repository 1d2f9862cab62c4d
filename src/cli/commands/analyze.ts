/**
 * `analyze <scenario.json> [--format json|markdown] [--fail-on error|warning]`: the static
 * design review (survivability matrix and best-practice findings) as JSON or Markdown. With
 * `--fail-on` it is a CI gate: exit code 1 when a finding of that severity or worse exists, with
 * the report still printed so the build log shows why.
 */
import { analysisToMarkdown, analyze, type Severity } from '../../analysis/index'
import { EXIT_FINDINGS, EXIT_OK, jsonText } from '../io'
import type { Command } from './command'
import { loadScenario } from './scenario-input'

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Review a scenario statically: survivability matrix and best-practice findings',
  description: [
    'Computes, without simulating, what each single broker, single zone, broker pair and ' +
      'zone-plus-broker failure does to every partition (offline, unwritable with acks=all, ' +
      'needing an unclean election, control plane lost), and checks the scenario against Kafka ' +
      'and Amazon MSK high-availability practice. Findings have a severity: error, warning or info.',
    'With --fail-on, the exit code is 1 when a finding of that severity or worse exists; the ' +
      'report is printed either way.',
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
        description: 'Exit with code 1 when a finding of this severity or worse exists.',
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
    const report = analyze(spec)
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
