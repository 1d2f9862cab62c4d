/**
 * `validate <scenario.json>`: checks a scenario file and prints `ok`, or every problem with its
 * location (exit code 2). Warnings go to stderr and do not fail the check.
 */
import { EXIT_OK } from '../io'
import type { Command } from './command'
import { loadScenario } from './scenario-input'

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check a scenario file and print ok or every problem',
  description: [
    'Checks the scenario file: JSON syntax, field types and ranges, unknown fields, references ' +
      'to zones, brokers, controllers and topics, replication factors against the broker count ' +
      'and min.insync.replicas against the replication factor. Prints "ok" when the file can be ' +
      'run; otherwise prints each problem on stderr, one a line, and exits with code 2.',
  ],
  args: {
    positionals: [{ name: 'scenario.json', description: 'the scenario file (- for stdin)' }],
    flags: {},
  },
  examples: ['kafka-ha-lab validate scenario.json'],
  async execute(args, io) {
    const [path = ''] = args.positionals
    const { warnings } = await loadScenario(io, path)
    return { stdout: 'ok\n', stderr: warnings, exitCode: EXIT_OK }
  },
}
