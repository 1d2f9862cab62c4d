/**
 * The CLI's contact with the outside world, injected so that `main()` can be unit-tested without
 * touching the file system or the process: output streams, file reading and writing. Also the
 * error type for bad input and the one-line formatting of problems.
 */
import { problemText, type Problem } from './args'
import { terminalText } from '../scenario/safe-text'
import { MAX_TEXT_CHARS, thousands } from '../scenario/budget'

export interface CliIo {
  /** Writes text to standard output as given (the caller adds newlines). */
  stdout(text: string): void
  /** Writes text to standard error as given. */
  stderr(text: string): void
  /** Reads a UTF-8 text file; `-` is standard input. Rejects with a Node-style error (`code`). */
  readFile(path: string): Promise<string>
  /**
   * Writes a UTF-8 text file, replacing it (atomically, in `nodeIo`: a temp file renamed over
   * it). Rejects with a Node-style error (`code`).
   */
  writeFile(path: string, text: string): Promise<void>
  /**
   * What makes two paths the same file (device and inode in `nodeIo`, so links count), or
   * undefined when the path names no file. Without it, paths are compared as written.
   */
  fileId?(path: string): Promise<string | undefined>
  /** Wall-clock milliseconds, for progress lines; without it a long run shows none. */
  now?(): number
}

/** Exit codes, as documented in docs/cli.md. */
export const EXIT_OK = 0
/** `analyze --fail-on`: a finding of that severity or worse exists. */
export const EXIT_FINDINGS = 1
/** Bad input: usage, files, scenario or imported text. Nothing was written to stdout. */
export const EXIT_BAD_INPUT = 2
/** A bug in the lab itself. */
export const EXIT_INTERNAL = 3

/**
 * Bad input: thrown by commands, caught by `main`, printed one problem a line, exit code 2.
 * Commands throw it before writing anything, so stdout stays empty.
 */
export class InputError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((p) => problemLine(p)).join('; '))
    this.name = 'InputError'
  }
}

/** What a successful command produces; `main` writes it out. */
export interface CommandOutput {
  stdout: string
  /** Lines for stderr (warnings, the --fail-on verdict), without newlines. */
  stderr: string[]
  exitCode: typeof EXIT_OK | typeof EXIT_FINDINGS
}

/** Problems located in a file get the file name in front: `s.json: topics[0].partitions: ...`. */
export function inFile(file: string, problems: readonly Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, path: `${file}: ${p.path}` }))
}

/** `where: what`, on one line whatever the input held; `prefix` goes before the what. */
export function problemLine(problem: Problem, prefix = ''): string {
  return oneLine(`${problem.path}: ${prefix}${problemText(problem)}`)
}

/**
 * Replaces line breaks, controls, bidirectional overrides and invisible characters with visible
 * escapes (`terminalText`), so that a file name or an imported line with odd bytes can never
 * split one problem over several lines of stderr, send the terminal a control sequence or make
 * the line read differently from what it holds. A tab becomes a space.
 */
export function oneLine(text: string): string {
  return terminalText(text.replace(/\t/g, ' '), { newlines: false })
}

/** A file-system error, in words: "no such file", "is a directory"... */
export function fileErrorText(error: unknown): string {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory'
    case 'EISDIR':
      return 'is a directory, not a file'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ENOTDIR':
      return 'a part of the path is not a directory'
    case 'EFBIG':
    case 'ERR_STRING_TOO_LONG':
      return 'the file is too large'
    default:
      return error instanceof Error ? error.message : String(error)
  }
}

/**
 * Reads an input file or throws an InputError naming it. A UTF-8 byte-order mark is dropped. A
 * text over MAX_TEXT_CHARS is refused here too, whatever `io` read it (nodeIo stops reading at
 * that many bytes already).
 */
export async function readInput(io: CliIo, path: string, what: string): Promise<string> {
  let text: string
  try {
    text = await io.readFile(path)
  } catch (error) {
    const message = `cannot read ${what}: ${fileErrorText(error)}`
    throw new InputError([{ path: shownFile(path), message }])
  }
  if (text.length > MAX_TEXT_CHARS) {
    const message = `cannot read ${what}: it holds ${thousands(text.length)} characters; the limit of an input is ${thousands(MAX_TEXT_CHARS)}`
    throw new InputError([{ path: shownFile(path), message }])
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text
}

/** Whether two paths name the same file: by `io.fileId` when it has one, else as written. */
export async function sameFile(io: CliIo, a: string, b: string): Promise<boolean> {
  if (io.fileId === undefined) return a === b
  const [idA, idB] = await Promise.all([io.fileId(a), io.fileId(b)])
  return idA !== undefined && idA === idB
}

/** How a file is named in messages: as given, or `<stdin>` for `-`. */
export function shownFile(path: string): string {
  return path === '-' ? '<stdin>' : path
}

/**
 * JSON as every command writes it: 2-space indent, a trailing newline. JSON.stringify escapes C0
 * controls but not DEL, C1, U+2028, bidirectional overrides or zero-width characters:
 * `terminalText` writes those as `\u202e` escapes too, valid JSON with the same parsed value.
 */
export function jsonText(value: unknown): string {
  return terminalText(`${JSON.stringify(value, null, 2)}\n`)
}

/**
 * JSON for files people edit (`import`): 2-space indent like `jsonText`, but a small object or
 * list that fits in `width` columns stays on one line, so replica lists and brokers read like a
 * table. Deterministic: keys keep their insertion order.
 */
export function compactJsonText(value: unknown, width = 100): string {
  return terminalText(`${render(value, '', 0, width)}\n`)
}

/** One-line form of values at most two levels deep, or undefined. */
function inline(value: unknown, depth: number): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (depth >= 2) return undefined
  const parts: string[] = []
  const entries: [string | undefined, unknown][] = Array.isArray(value)
    ? (value as unknown[]).map((item) => [undefined, item])
    : Object.entries(value)
  for (const [key, item] of entries) {
    const part = inline(item, depth + 1)
    if (part === undefined) return undefined
    parts.push(key === undefined ? part : `${JSON.stringify(key)}: ${part}`)
  }
  if (Array.isArray(value)) return `[${parts.join(', ')}]`
  return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`
}

function render(value: unknown, indent: string, prefix: number, width: number): string {
  const flat = inline(value, 0)
  // + 1 for the comma that may follow.
  if (flat !== undefined && indent.length + prefix + flat.length + 1 <= width) return flat
  if (value === null || typeof value !== 'object') return flat ?? 'null'
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    const items = value.map((item) => `${inner}${render(item, inner, 0, width)}`)
    return `[\n${items.join(',\n')}\n${indent}]`
  }
  const entries = Object.entries(value)
  if (entries.length === 0) return '{}'
  const lines = entries.map(([key, item]) => {
    const name = `${JSON.stringify(key)}: `
    return `${inner}${name}${render(item, inner, name.length, width)}`
  })
  return `{\n${lines.join(',\n')}\n${indent}}`
}
