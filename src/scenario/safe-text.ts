/**
 * User text is never markup and never a control sequence. A scenario's name, description, zone
 * names, client ids and everything an import echoes back are text the lab did not write; every
 * output path hands them to one of these functions before they reach a terminal, a Markdown
 * document or the page:
 *
 * - `terminalText`: for stdout and stderr. A raw ESC starts a terminal control sequence (OSC 0
 *   retitles the window, CSI 2J clears the screen), BEL rings, CR overwrites the line, and a
 *   bidirectional override (U+202E) or an invisible character makes a line read differently from
 *   what it holds (the "Trojan Source" attack, CVE-2021-42574).
 * - `markdownText`, `markdownParagraphs`, `markdownCodeCell`, `markdownAutolink`: for the design
 *   review. CommonMark passes raw HTML through (spec 0.31 §6.6), so `<img onerror>` would run in
 *   a viewer that does not sanitise, `<!--` would hide the rest of the document, a line starting
 *   with `## ` would fake a section, and `[x](javascript:…)` would be a link.
 * - `displayText`: for the page. React already escapes HTML; this only makes invisible and
 *   reordering characters visible, and keeps what ordinary text needs.
 *
 * An unsafe character is replaced by its escape in JavaScript's and JSON's spelling, `\u202e`
 * (one `\uXXXX` per UTF-16 code unit), so the reader can see that it was there, and the same
 * replacement inside a JSON string literal leaves the JSON valid with the same parsed value.
 */

/**
 * What no output carries raw: controls (C0, DEL, C1: `Cc`), format characters (`Cf`: the
 * bidirectional embeddings, overrides, isolates and marks U+202A-U+202E, U+2066-U+2069, U+200E,
 * U+200F, U+061C; the zero-width U+200B-U+200D, U+2060, U+FEFF; the invisible tag characters
 * U+E0000-U+E007F), the line and paragraph separators U+2028 and U+2029 (`Zl`, `Zp`: line
 * breaks to some readers, not to others) and lone surrogates (`Cs`: no character at all).
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u

/** `\u202e`; a character outside the BMP as its two surrogate escapes, as JSON spells it. */
export function visibleEscape(ch: string): string {
  let out = ''
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`
  return out
}

/** Every unsafe character; with `u`, a pair is one match and a lone surrogate is its own. */
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu')

/** Replaces each unsafe character not in `keep` with its visible escape. */
function escapeUnsafe(text: string, keep: ReadonlySet<string>): string {
  return text.replace(UNSAFE_ALL, (ch) => (keep.has(ch) ? ch : visibleEscape(ch)))
}

export interface TerminalTextOptions {
  /** Keep line feeds (default true); false escapes them, so the text stays on one line. */
  newlines?: boolean
  /** Keep tabs (default true); false escapes them. */
  tabs?: boolean
}

const KEEP_NOTHING: ReadonlySet<string> = new Set()
const KEEP_LF: ReadonlySet<string> = new Set(['\n'])
const KEEP_TAB: ReadonlySet<string> = new Set(['\t'])
const KEEP_LF_TAB: ReadonlySet<string> = new Set(['\n', '\t'])

/**
 * Text a terminal shows as it is: every control character (CR included: it moves the cursor back
 * over what was written), format character, line separator and lone surrogate becomes a visible
 * `\uXXXX`. Line feeds and tabs stay unless the caller says otherwise. Applied to JSON text
 * (whose raw line feeds are only layout, JSON.stringify escapes C0 inside strings), it escapes
 * only characters inside string literals, so the output parses back to the same value.
 *
 * @example
 * terminalText('pwned\u001b]0;title\u0007') // 'pwned\\u001b]0;title\\u0007'
 * terminalText('a\u202eb') // 'a\\u202eb'
 */
export function terminalText(text: string, options: TerminalTextOptions = {}): string {
  const newlines = options.newlines ?? true
  const tabs = options.tabs ?? true
  const keep = newlines ? (tabs ? KEEP_LF_TAB : KEEP_LF) : tabs ? KEEP_TAB : KEEP_NOTHING
  return escapeUnsafe(text, keep)
}

/**
 * What the page may show as is: whitespace HTML collapses anyway (tab, LF, CR), and the zero-width
 * non-joiner and joiner U+200C and U+200D, which Persian, the Indic scripts and emoji sequences
 * need and which cannot reorder or hide text.
 */
const DISPLAY_KEEP: ReadonlySet<string> = new Set(['\t', '\n', '\r', '\u200c', '\u200d'])

/**
 * Text for the page. React escapes HTML already; this makes bidirectional overrides, invisible
 * characters and controls visible as `\u202e`, so a name cannot reverse the words after it in a
 * label or hide part of itself. Ordinary text, in any script, comes back unchanged.
 *
 * @example
 * displayText('orders\u202e') // 'orders\\u202e'
 * displayText('zone ٱلف') // 'zone ٱلف'
 */
export function displayText(text: string): string {
  return escapeUnsafe(text, DISPLAY_KEEP)
}

/** Characters with a meaning anywhere in a CommonMark or GFM line, escaped with a backslash. */
const MARKDOWN_ALWAYS = new Set(['\\', '`', '*', '[', ']', '|', '~', '$', '#', '{', '}', '@'])
/** HTML's three: raw HTML (tags, comments) and entities would otherwise pass through. */
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }
/** Schemes a link must never be made of; their `:` is escaped wherever they appear. */
const SCRIPT_SCHEME = /(?:javascript|vbscript|data|file|mailto|xmpp)$/i
const WORD_CHAR = /[\p{L}\p{N}]/u
/** What `markdownChar` may change, and unsafe characters: everything else is copied as is. */
const MARKDOWN_SPECIAL = new RegExp(`[\\\\\`*[\\]|~$#{}@&<>_:.]|${UNSAFE.source}`, 'gu')
/** `www` at the start or after a character that is not part of a word. */
const WWW = /(?:^|[^\p{L}\p{N}])www$/iu

/**
 * The escaped form of `ch`, the character at `i` of `line`, in inline Markdown. Only a few
 * characters before `i` are looked at, so escaping stays linear in the text's length.
 */
function markdownChar(line: string, i: number, ch: string): string {
  if (MARKDOWN_ALWAYS.has(ch)) return `\\${ch}`
  const entity = HTML_ENTITIES[ch]
  if (entity !== undefined) return entity
  const next = line[i + ch.length] ?? ''
  switch (ch) {
    case '_':
      // Between two letters or digits `_` can neither open nor close emphasis (CommonMark 6.2).
      return WORD_CHAR.test(line[i - 1] ?? '') && WORD_CHAR.test(next) ? ch : '\\_'
    case ':':
      // `http://x`: GFM's extended autolink; `javascript:` and friends: never a link.
      return next === '/' || SCRIPT_SCHEME.test(line.slice(Math.max(0, i - 10), i)) ? '\\:' : ch
    case '.':
      // `www.example.com` is an autolink in GFM (extended www autolink).
      return WWW.test(line.slice(Math.max(0, i - 4), i)) ? '\\.' : ch
    default:
      return ch
  }
}

/**
 * Where a line's start marker is, or -1: the `-`, `+` or `=` of a list item, thematic break or
 * setext heading underline, or the `.` or `)` of an ordered list item (`1.`, CommonMark 5.2).
 */
function lineMarker(line: string): number {
  const match = /^ *(?:[0-9]{1,9}[.)]|[-+=])/.exec(line)
  return match === null ? -1 : match[0].length - 1
}

/**
 * Plain text as inline Markdown that renders as exactly that text: no tag, comment, entity,
 * link, autolink, image, emphasis, code span, table cell break, heading or list item can come out
 * of it. HTML's `&`, `<`, `>` become entities; Markdown's metacharacters get a backslash where
 * they would mean something (`*`, `` ` ``, `[`, `]`, `|`, `#`, `~`, `$`, `{`, `}`, `@` always;
 * `_` unless inside a word; `-`, `+`, `=` and the `.` of `1.` at the start; the `:` of `http://`
 * and of `javascript:`; the `.` of `www.`); line breaks and tabs become spaces, so the result is
 * one line and fits a table cell; other unsafe characters become `\u202e`-style escapes. Quotes
 * stay: user text never lands in an attribute or a link title.
 *
 * @example
 * markdownText('<img src=x onerror=alert(1)>') // '&lt;img src=x onerror=alert(1)&gt;'
 * markdownText('a | b') // 'a \\| b'
 */
export function markdownText(text: string): string {
  const line = text.replace(/\r\n|[\r\n\t]/g, ' ')
  const marker = lineMarker(line)
  // The marker's prefix is spaces and digits only; everything after it is escaped char by char.
  const head = marker < 0 ? '' : `${line.slice(0, marker)}\\${line[marker]}`
  const from = marker + 1
  return (
    head +
    line
      .slice(from)
      .replace(MARKDOWN_SPECIAL, (ch: string, at: number) =>
        UNSAFE.test(ch) ? visibleEscape(ch) : markdownChar(line, from + at, ch),
      )
  )
}

/**
 * Multi-line text (a scenario description) as Markdown paragraphs: each line trimmed (so four
 * leading spaces never make a code block) and escaped by `markdownText`, runs of blank lines
 * kept as one paragraph break. A line of the text can therefore never become a heading, a list,
 * a table row or a block of HTML.
 *
 * @example
 * markdownParagraphs('Intro\n## Verdict\n0 findings') // ['Intro', '\\## Verdict', '0 findings']
 */
export function markdownParagraphs(text: string): string[] {
  const lines: string[] = []
  for (const raw of text.split(/\r\n|[\r\n\u2028\u2029\u0085]/)) {
    const line = markdownText(raw.trim())
    if (line === '' && (lines.length === 0 || lines[lines.length - 1] === '')) continue
    lines.push(line)
  }
  while (lines[lines.length - 1] === '') lines.pop()
  return lines
}

/**
 * Text as a code span inside a GFM table cell: fenced with one more backtick than its longest
 * run of backticks, `|` escaped (GFM splits cells before it parses code spans), line breaks as
 * spaces and unsafe characters as escapes. Code spans show HTML as text, so nothing else needs
 * escaping.
 *
 * @example
 * markdownCodeCell('topics[0].name') // '`topics[0].name`'
 */
export function markdownCodeCell(text: string): string {
  const body = terminalText(text.replace(/\r\n|[\r\n\t]/g, ' '), { tabs: false }).replace(
    /\|/g,
    '\\|',
  )
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${body}${pad}${fence}`
}

/**
 * An `http:` or `https:` URL as a CommonMark autolink (`<https://…>`); anything else (another
 * scheme, a space, `<`, `>` or an unsafe character in it) as escaped text, never as a link.
 *
 * @example
 * markdownAutolink('https://lab.example/#s=1') // '<https://lab.example/#s=1>'
 * markdownAutolink('javascript:alert(1)') // 'javascript\\:alert(1)'
 */
export function markdownAutolink(url: string): string {
  const plain = /^https?:\/\/[^\s<>"'`\\]+$/i.test(url) && !UNSAFE.test(url)
  return plain ? `<${url}>` : markdownText(url)
}

/**
 * A CSV field holding user text, safe to open in a spreadsheet: a value starting with `=`, `+`,
 * `-`, `@`, tab or CR is a formula to Excel, LibreOffice and Sheets (OWASP "CSV Injection"), so
 * it gets a leading apostrophe; then RFC 4180 quoting when the value holds a quote, comma or
 * line break (or starts or ends with a space, which some readers trim).
 *
 * @example
 * csvTextField('=HYPERLINK("http://x")') // '"\'=HYPERLINK(""http://x"")"'
 */
export function csvTextField(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]|^ | $/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded
}
