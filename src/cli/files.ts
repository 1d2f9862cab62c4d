/**
 * The CLI's file system, bounded: what `nodeIo()` (main.ts) does with real files. Every input is
 * read with a byte cap (MAX_TEXT_CHARS, 16 MiB: the scenario reader's own limit), so neither a
 * huge file, `/dev/zero`, a FIFO nor a stream on stdin can grow memory without end; a regular
 * file's size is checked before a byte is read. Bytes that are not UTF-8 text are refused with
 * the offset of the first bad one, never decoded into replacement characters (which would make
 * a binary file look like a JSON syntax error) or into a string too long for the engine. Output
 * files are written atomically: a temp file in the same directory, then a rename, so a failed
 * or interrupted write leaves the old file whole.
 */
import { randomBytes } from 'node:crypto'
import { open, realpath, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { MAX_TEXT_CHARS, thousands } from '../scenario/budget'

/** The most bytes an input file or stdin may hold: 16 MiB. */
export const MAX_INPUT_BYTES = MAX_TEXT_CHARS

const CHUNK_BYTES = 64 * 1024

/** A file-system error with a Node-style code; `fileErrorText` shows its message as it is. */
function inputError(code: 'KHL_TOO_LARGE' | 'KHL_NOT_TEXT', message: string): Error {
  return Object.assign(new Error(message), { code })
}

function tooLarge(bytes: number | undefined, maxBytes: number): Error {
  const size = bytes === undefined ? `more than ${thousands(maxBytes)}` : thousands(bytes)
  return inputError(
    'KHL_TOO_LARGE',
    `it holds ${size} bytes; the limit of an input is ${thousands(maxBytes)} bytes (${maxBytes / 1024 / 1024} MiB)`,
  )
}

/**
 * The offset of the first byte of `bytes` that is not part of a well-formed UTF-8 character
 * (Unicode 15, table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or -1.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let low = 0x80
    let high = 0xbf
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      if (b === 0xe0) low = 0xa0
      if (b === 0xed) high = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      if (b === 0xf0) low = 0x90
      if (b === 0xf4) high = 0x8f
    } else return i
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined) return i
      if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return i
    }
    i += need + 1
  }
  return -1
}

/**
 * The bytes as text, or an error naming the first byte that makes them no text: a NUL (no JSON
 * or Kafka tool output holds one; binary files nearly always do) or invalid UTF-8.
 */
export function decodeText(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0)
  const bad = firstInvalidUtf8(bytes)
  const at = nul === -1 ? bad : bad === -1 ? nul : Math.min(nul, bad)
  if (at !== -1) {
    const hex = `0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')}`
    const what = at === nul ? 'is NUL' : 'starts no UTF-8 character'
    throw inputError(
      'KHL_NOT_TEXT',
      `not UTF-8 text: the byte at offset ${thousands(at)} (${hex}) ${what}; expected a text file such as a JSON scenario`,
    )
  }
  return new TextDecoder('utf-8').decode(bytes)
}

function joined(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

async function readCapped(handle: FileHandle, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const buffer = new Uint8Array(CHUNK_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null)
    if (bytesRead === 0) return joined(chunks, total)
    total += bytesRead
    // Stop at the first byte past the cap: /dev/zero never ends.
    if (total > maxBytes) throw tooLarge(undefined, maxBytes)
    chunks.push(buffer.subarray(0, bytesRead))
  }
}

/**
 * Reads a text file of at most `maxBytes` bytes. Rejects with a Node-style error (`code`):
 * ENOENT, EISDIR, EACCES... or KHL_TOO_LARGE and KHL_NOT_TEXT with a message to show.
 *
 * @example
 * const text = await readTextFile('scenario.json')
 */
export async function readTextFile(path: string, maxBytes = MAX_INPUT_BYTES): Promise<string> {
  const handle = await open(path, 'r')
  try {
    const info = await handle.stat()
    if (info.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' })
    if (info.isFile() && info.size > maxBytes) throw tooLarge(info.size, maxBytes)
    return decodeText(await readCapped(handle, maxBytes))
  } finally {
    await handle.close()
  }
}

/** Reads a stream (stdin) as text, stopping at the first byte past `maxBytes`. */
export async function readTextStream(
  stream: AsyncIterable<Uint8Array | string>,
  maxBytes = MAX_INPUT_BYTES,
): Promise<string> {
  const chunks: Uint8Array[] = []
  let total = 0
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk
    total += bytes.length
    if (total > maxBytes) throw tooLarge(undefined, maxBytes)
    chunks.push(bytes)
  }
  return decodeText(joined(chunks, total))
}

/**
 * What makes two paths the same file: device and inode (so a hard link or a symlink is the file
 * it names), or the real path where the file system has no inode numbers. Undefined when the
 * path names no file.
 */
export async function fileIdentity(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path)
    if (info.ino !== 0) return `${info.dev}:${info.ino}`
    return `path:${await realpath(path)}`
  } catch {
    return undefined
  }
}

/**
 * Replaces `path` with `text` atomically: writes a temp file beside the target (the file a
 * symlink names, so the link stays a link) and renames it over the target, keeping the
 * target's permission bits. Rejects with a Node-style error; the temp file never stays behind.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  let target = path
  let mode: number | undefined
  try {
    target = await realpath(path)
    mode = (await stat(target)).mode & 0o777
  } catch {
    // A new file: written where the path says.
  }
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx', mode: mode ?? 0o666 })
    await rename(temp, target)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}
