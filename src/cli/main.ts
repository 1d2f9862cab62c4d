/**
 * The `kafka-ha-lab` command line: `main(argv, io)` parses the command, runs it and returns the
 * exit code. Everything it touches outside itself goes through the injected `io`, so tests call
 * it directly; `runProcess()` wires it to the real process and is what `npm run cli` and
 * `bin/kafka-ha-lab.mjs` execute.
 *
 * The contract (docs/cli.md): bad input of any kind exits 2 with nothing on stdout and one line
 * per problem on stderr; an unexpected error exits 3 with one line `internal error: ...`; no
 * stack trace ever reaches the user.
 */
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs, problemText, sentence, type Problem } from './args'
import { COMMANDS, type Command } from './commands/index'
import { fileIdentity, readTextFile, readTextStream, writeFileAtomic } from './files'
import { PROGRAM, commandHelp, topLevelHelp } from './help'
import {
  EXIT_BAD_INPUT,
  EXIT_INTERNAL,
  EXIT_OK,
  InputError,
  oneLine,
  problemLine,
  type CliIo,
} from './io'
import { didYouMean } from '../scenario/text'
import { terminalText } from '../scenario/safe-text'

export type { CliIo } from './io'

/**
 * Runs one CLI invocation. Never throws or rejects.
 *
 * @example
 * const code = await main(['validate', 'scenario.json'], nodeIo())
 */
export async function main(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io = terminalIo(rawIo)
  try {
    return await dispatch(argv, io)
  } catch (error) {
    try {
      if (error instanceof InputError) {
        io.stderr(error.problems.map((p) => `${problemLine(p)}\n`).join(''))
        return EXIT_BAD_INPUT
      }
      io.stderr(`internal error: ${oneLine(errorMessage(error))}\n`)
    } catch {
      // The error stream itself failed; the exit code still tells the story.
    }
    return EXIT_INTERNAL
  }
}

/**
 * The io every write of the CLI goes through: stdout and stderr get `terminalText`, so no text
 * from a scenario or an imported file can send the terminal a control sequence (ESC, BEL, CR) or
 * a bidirectional override, whichever command or format wrote it. JSON stays valid with the same
 * parsed value (`jsonText` escapes the same characters already, so this changes nothing there).
 */
function terminalIo(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (text) => io.stdout(terminalText(text)),
    stderr: (text) => io.stderr(terminalText(text)),
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined) throw usage([{ path: '<command>', message: `is missing; ${choices()}` }])
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined
    if (topic === undefined) {
      io.stdout(topLevelHelp(COMMANDS))
      return EXIT_OK
    }
    io.stdout(commandHelp(findCommand(topic)))
    return EXIT_OK
  }
  if (first.startsWith('-')) {
    throw usage([{ path: first, message: `unknown option; give a command first: ${choices()}` }])
  }
  const command = findCommand(first)
  const parsed = parseArgs(rest, command.args)
  if (!parsed.ok) throw usage(parsed.problems, command)
  if (parsed.args.help) {
    io.stdout(commandHelp(command))
    return EXIT_OK
  }
  const output = await command.execute(parsed.args, io)
  if (output.stdout !== '') io.stdout(output.stdout)
  if (output.stderr.length > 0) io.stderr(output.stderr.map((l) => `${oneLine(l)}\n`).join(''))
  return output.exitCode
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name)
  if (command !== undefined) return command
  const hint = didYouMean(
    name,
    COMMANDS.map((c) => c.name),
  )
  const message = `is unknown; ${choices()}${sentence(hint)}`
  throw usage([{ path: `command ${JSON.stringify(name)}`, message }])
}

function choices(): string {
  return `the commands are ${COMMANDS.map((c) => c.name).join(', ')}`
}

/** A usage error; the last problem points at the relevant --help. */
function usage(problems: Problem[], command?: Command): InputError {
  const help = command === undefined ? `${PROGRAM} --help` : `${PROGRAM} ${command.name} --help`
  const last = problems.length - 1
  return new InputError(
    problems.map((p, i) =>
      i === last ? { path: p.path, message: `${problemText(p)} (see ${help})` } : p,
    ),
  )
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message === '' ? error.name : error.message
  return String(error)
}

/** The real process's io: stdout, stderr, files, and `-` as standard input. */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => {
      process.stdout.write(text)
    },
    stderr: (text) => {
      process.stderr.write(text)
    },
    // Bounded (files.ts): at most 16 MiB read, UTF-8 checked; output written atomically.
    readFile: (path) => (path === '-' ? readTextStream(process.stdin) : readTextFile(path)),
    writeFile: writeFileAtomic,
    fileId: fileIdentity,
    now: () => performance.now(),
  }
}

/** Runs `main` on the process's arguments and sets its exit code (letting output drain). */
export async function runProcess(): Promise<void> {
  // `kafka-ha-lab run s.json | head` closes the pipe early; that is not an error worth a trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK)
  })
  try {
    process.exitCode = await main(process.argv.slice(2), nodeIo())
  } catch (error) {
    process.stderr.write(`internal error: ${oneLine(errorMessage(error))}\n`)
    process.exitCode = EXIT_INTERNAL
  }
}

/** True when this module is the program node was asked to run (`tsx src/cli/main.ts`). */
function isEntryPoint(): boolean {
  const entry = process.argv[1]
  if (entry === undefined) return false
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isEntryPoint()) void runProcess()
