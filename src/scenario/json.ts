/**
 * A strict JSON reader with positions. `JSON.parse` is not enough here: its error messages and
 * positions differ between browsers, and it silently keeps the last of two equal keys, which in
 * a scenario is nearly always a mistake. This reader reports `line N, column M` (1-based,
 * counting UTF-16 units as editors do), rejects duplicate keys, and limits nesting so that no
 * input can overflow the stack. It is bounded in time and memory whatever the input (the work
 * budgets of budget.ts): a text over MAX_TEXT_CHARS is refused before it is read, and a string
 * over MAX_STRING_CHARS or a key over MAX_KEY_CHARS stops the reader where the limit is passed,
 * so a 10 MB key costs 200 characters of scanning, not a 10 MB copy. It accepts `//` and `/* *\/` comments, since scenarios are
 * often written by hand as JSONC, with comments; everything else is RFC 8259.
 */
import { MAX_KEY_CHARS, MAX_STRING_CHARS, MAX_TEXT_CHARS } from './budget'
import { clip, makeProblem, type ProblemParams } from './messages'
import type { Problem } from './types'

export const MAX_JSON_DEPTH = 100
const MAX_DUPLICATES_REPORTED = 50

export type JsonResult = { ok: true; value: unknown } | { ok: false; problems: Problem[] }

type Syntax = ProblemParams['json-syntax']

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly syntax: Syntax,
  ) {
    super(syntax.reason)
  }
}

/**
 * Parses JSON text (comments allowed) of at most `maxChars` characters.
 *
 * @example
 * parseJson('{"a": 1}') // { ok: true, value: { a: 1 } }
 */
export function parseJson(text: string, maxChars = MAX_TEXT_CHARS): JsonResult {
  if (text.length > maxChars) {
    return {
      ok: false,
      problems: [makeProblem('$', 'text-too-large', { chars: text.length, maximum: maxChars })],
    }
  }
  const reader = new Reader(text)
  try {
    const value = reader.document()
    if (reader.duplicates.length > 0) return { ok: false, problems: reader.duplicates }
    return { ok: true, value }
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return {
        ok: false,
        problems: [
          ...reader.duplicates,
          makeProblem(reader.where(error.offset), 'json-syntax', error.syntax),
        ],
      }
    }
    const message = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      problems: [makeProblem('$', 'internal-error', { stage: 'read', detail: message })],
    }
  }
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
}

function shown(ch: string): string {
  const code = ch.charCodeAt(0)
  if (code < 0x20 || code === 0x7f) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  return JSON.stringify(ch)
}

class Reader {
  private pos = 0
  private depth = 0
  readonly duplicates: Problem[] = []

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1
  }

  where(offset: number): string {
    let line = 1
    let lineStart = 0
    const end = Math.min(offset, this.text.length)
    for (let i = 0; i < end; i++) {
      if (this.text.charCodeAt(i) === 10) {
        line++
        lineStart = i + 1
      }
    }
    return `line ${line}, column ${end - lineStart + 1}`
  }

  document(): unknown {
    this.space()
    if (this.pos >= this.text.length) throw this.fail('empty-text')
    const value = this.value()
    this.space()
    if (this.pos < this.text.length) {
      throw this.fail('after-end', { found: shown(this.text[this.pos] ?? '') })
    }
    return value
  }

  private fail(
    reason: Syntax['reason'],
    details: Omit<Syntax, 'reason'> = {},
    offset = this.pos,
  ): JsonSyntaxError {
    return new JsonSyntaxError(offset, { reason, ...details })
  }

  private space(): void {
    const t = this.text
    for (;;) {
      const c = t.charCodeAt(this.pos)
      if (c === 32 || c === 9 || c === 10 || c === 13) {
        this.pos++
      } else if (c === 47 && t.charCodeAt(this.pos + 1) === 47) {
        while (this.pos < t.length && t.charCodeAt(this.pos) !== 10) this.pos++
      } else if (c === 47 && t.charCodeAt(this.pos + 1) === 42) {
        const end = t.indexOf('*/', this.pos + 2)
        if (end < 0) throw this.fail('unterminated-comment')
        this.pos = end + 2
      } else {
        return
      }
    }
  }

  private value(): unknown {
    const c = this.text[this.pos]
    switch (c) {
      case '{':
        return this.nest(() => this.object())
      case '[':
        return this.nest(() => this.array())
      case '"':
        return this.string()
      case 't':
        return this.literal('true', true)
      case 'f':
        return this.literal('false', false)
      case 'n':
        return this.literal('null', null)
      case undefined:
        throw this.fail('end-expected-value')
      case "'":
        throw this.fail('single-quotes')
      default:
        if (c === '-' || (c >= '0' && c <= '9')) return this.number()
        throw this.fail('unexpected-character', { found: shown(c) })
    }
  }

  private nest<T>(read: () => T): T {
    if (++this.depth > MAX_JSON_DEPTH) {
      throw this.fail('too-deep', { depth: MAX_JSON_DEPTH })
    }
    const value = read()
    this.depth--
    return value
  }

  private literal<T>(word: string, value: T): T {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length
      return value
    }
    const found = /^[A-Za-z_]+/.exec(this.text.slice(this.pos, this.pos + 20))?.[0] ?? ''
    throw this.fail('unexpected-word', { found })
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    const seenAt = new Map<string, number>()
    this.pos++
    this.space()
    if (this.text[this.pos] === '}') {
      this.pos++
      return out
    }
    for (;;) {
      this.space()
      const keyAt = this.pos
      const c = this.text[this.pos]
      if (c === '}') throw this.fail('trailing-comma-object')
      if (c !== '"') {
        if (c === undefined) throw this.fail('end-expected-property')
        throw this.fail('expected-property', { found: shown(c) })
      }
      const key = this.string(MAX_KEY_CHARS)
      const first = seenAt.get(key)
      if (first !== undefined && this.duplicates.length < MAX_DUPLICATES_REPORTED) {
        this.duplicates.push(
          makeProblem(this.where(keyAt), 'duplicate-key', { key, firstAt: this.where(first) }),
        )
      } else if (first === undefined) {
        seenAt.set(key, keyAt)
      }
      this.space()
      if (this.text[this.pos] !== ':') {
        throw this.fail('expected-colon', { key })
      }
      this.pos++
      this.space()
      // defineProperty, not assignment: a "__proto__" key must stay an ordinary key.
      Object.defineProperty(out, key, {
        value: this.value(),
        enumerable: true,
        writable: true,
        configurable: true,
      })
      this.space()
      const next = this.text[this.pos]
      if (next === ',') {
        this.pos++
        continue
      }
      if (next === '}') {
        this.pos++
        return out
      }
      if (next === undefined) throw this.fail('end-expected-comma-brace')
      throw this.fail('expected-comma-brace', { found: shown(next) })
    }
  }

  private array(): unknown[] {
    const out: unknown[] = []
    this.pos++
    this.space()
    if (this.text[this.pos] === ']') {
      this.pos++
      return out
    }
    for (;;) {
      this.space()
      if (this.text[this.pos] === ']') {
        throw this.fail('trailing-comma-array')
      }
      out.push(this.value())
      this.space()
      const next = this.text[this.pos]
      if (next === ',') {
        this.pos++
        continue
      }
      if (next === ']') {
        this.pos++
        return out
      }
      if (next === undefined) throw this.fail('end-expected-comma-bracket')
      throw this.fail('expected-comma-bracket', { found: shown(next) })
    }
  }

  /** A string of at most `maximum` characters (escapes count as what they stand for). */
  private string(maximum = MAX_STRING_CHARS): string {
    const start = this.pos
    const t = this.text
    this.pos++
    let out = ''
    let runStart = this.pos
    for (;;) {
      if (this.pos >= t.length) throw this.fail('unterminated-string', {}, start)
      if (out.length + (this.pos - runStart) > maximum) throw this.tooLong(start, maximum)
      const c = t.charCodeAt(this.pos)
      if (c === 34) {
        out += t.slice(runStart, this.pos)
        this.pos++
        return out
      }
      if (c < 0x20) {
        throw this.fail('control-character', { found: shown(t[this.pos] ?? '') })
      }
      if (c === 92) {
        out += t.slice(runStart, this.pos)
        const e = t[this.pos + 1]
        if (e === 'u') {
          const hex = t.slice(this.pos + 2, this.pos + 6)
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw this.fail('bad-unicode-escape')
          out += String.fromCharCode(parseInt(hex, 16))
          this.pos += 6
        } else if (e !== undefined && ESCAPES[e] !== undefined) {
          out += ESCAPES[e]
          this.pos += 2
        } else {
          throw this.fail('bad-escape', { found: e ?? '' })
        }
        runStart = this.pos
        continue
      }
      this.pos++
    }
  }

  private tooLong(start: number, maximum: number): JsonSyntaxError {
    if (maximum === MAX_STRING_CHARS) {
      return this.fail('string-too-long', { maximum }, start)
    }
    // Show where the key begins (clipped by quote), never the key itself.
    const found = `starting ${JSON.stringify(clip(this.text.slice(start + 1, start + 1 + maximum)))}`
    return this.fail('key-too-long', { maximum, found }, start)
  }

  private number(): number {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(
      this.text.slice(this.pos, this.pos + 400),
    )
    const after = match === null ? undefined : this.text[this.pos + match[0].length]
    if (match === null || match[0] === '-' || (after !== undefined && /[0-9.eE]/.test(after))) {
      const bad = /^[-+0-9.eE]+/.exec(this.text.slice(this.pos, this.pos + 40))?.[0] ?? ''
      throw this.fail('bad-number', { found: bad })
    }
    this.pos += match[0].length
    const value = Number(match[0])
    // JSON has no -0 for our purposes; normalising it keeps exported files and deep-equality simple.
    return value === 0 ? 0 : value
  }
}
