/**
 * A CommonMark-ish scanner for tests: it reads Markdown the way a CommonMark/GFM renderer's
 * inline parser starts to (backslash escapes, code spans, entities) and reports, per line, what a
 * renderer would turn into markup (raw HTML, links, autolinks, entities, headings, table cells)
 * and the text the line renders as. Not a renderer: enough to prove that user text came out as
 * text, with no dependency on a Markdown library.
 */

/** ASCII punctuation: what a backslash escapes (CommonMark 0.31 §2.4). */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/

export interface ScannedLine {
  raw: string
  /** The line's text as a renderer shows it: escapes resolved, entities decoded, fences gone. */
  rendered: string
  /** Markup a renderer would make of this line, e.g. `html <img`, `link [`, `autolink www.`. */
  live: string[]
  /** An ATX heading's text, or null. */
  heading: string | null
  /** For a table row (a line starting with `|`): its number of cells; else null. */
  cells: number | null
  /**
   * The unescaped emphasis and strikethrough delimiters, in order (`**__`): `*`, `~`, and `_`
   * unless between two letters or digits, where CommonMark never lets it emphasise.
   */
  emphasis: string
}

const WORD = /[\p{L}\p{N}]/u

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' }

/** Scans one line of Markdown. */
export function scanLine(raw: string): ScannedLine {
  const live: string[] = []
  let rendered = ''
  // What inline parsing sees as markup-capable text; escaped characters become NUL so that an
  // escaped `:` or `.` breaks autolink patterns as it does in cmark-gfm.
  let active = ''
  let pipes = 0
  let emphasis = ''
  let i = 0
  while (i < raw.length) {
    const ch = raw[i]!
    if (ch === '\\' && ASCII_PUNCTUATION.test(raw[i + 1] ?? '')) {
      rendered += raw[i + 1]!
      active += '\u0000'
      i += 2
      continue
    }
    if (ch === '`') {
      const run = /^`+/.exec(raw.slice(i))![0]
      const close = raw.indexOf(run, i + run.length)
      const after = close === -1 ? -1 : close + run.length
      if (close !== -1 && raw[after] !== '`') {
        const body = raw.slice(i + run.length, close)
        // GFM splits table cells before code spans: an unescaped pipe ends a cell even here.
        pipes += (body.match(/(?<!\\)\|/g) ?? []).length
        let inner = body.replace(/\\\|/g, '|')
        if (inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '')
          inner = inner.slice(1, -1)
        rendered += inner
        active += '\u0000'
        i = after
        continue
      }
      live.push('backticks')
    }
    if (ch === '&') {
      const entity = /^&([a-z]+|#[0-9]+|#x[0-9a-f]+);/i.exec(raw.slice(i))
      if (entity !== null) {
        const name = entity[1]!.toLowerCase()
        const known = ENTITIES[name]
        if (known === undefined) live.push(`entity ${entity[0]}`)
        rendered += known ?? entity[0]
        active += '\u0000'
        i += entity[0].length
        continue
      }
    }
    if (ch === '<' && /[A-Za-z!/?]/.test(raw[i + 1] ?? '')) live.push(`html ${raw.slice(i, i + 8)}`)
    if (ch === '[' || ch === ']') live.push(`link ${ch}`)
    if (ch === '|') pipes += 1
    if (ch === '*' || ch === '~') emphasis += ch
    if (ch === '_' && !(WORD.test(raw[i - 1] ?? '') && WORD.test(raw[i + 1] ?? ''))) emphasis += ch
    rendered += ch
    active += ch
    i += 1
  }
  for (const [name, pattern] of AUTOLINKS) {
    const found = pattern.exec(active)
    if (found !== null) live.push(`${name} ${found[0]}`)
  }
  const heading = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?[ \t]*$/.exec(raw)
  return {
    raw,
    rendered,
    live,
    heading: heading === null ? null : (heading[1] ?? ''),
    cells: raw.startsWith('|') ? pipes - 1 : null,
    emphasis,
  }
}

/** GFM's extended autolinks (spec 0.29 §6.9) and the schemes no link may have. */
const AUTOLINKS: [string, RegExp][] = [
  ['autolink', /www\./i],
  ['autolink', /[a-z][a-z0-9+.-]*:\/\//i],
  ['autolink', /[a-z0-9._+-]@[a-z0-9_-]+\./i],
  ['script-scheme', /(?:javascript|vbscript|data):/i],
]

/** Scans a whole document, line by line. */
export function scanMarkdown(markdown: string): ScannedLine[] {
  return markdown.split('\n').map(scanLine)
}
