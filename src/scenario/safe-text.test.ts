/**
 * The text-safety functions on their own: whatever a scenario or an import holds, the terminal
 * sees no control sequence or reordering character, a Markdown renderer sees text where the user
 * wrote text (no tag, comment, link, autolink, heading, list or extra table cell), the page sees
 * invisible characters made visible, and a spreadsheet sees no formula.
 */
import { describe, expect, it } from 'vitest'
import { HOSTILE_PAYLOADS, rawUnsafe } from '../test-support/hostile-text'
import { scanLine, scanMarkdown } from '../test-support/markdown-scan'
import {
  csvTextField,
  displayText,
  markdownAutolink,
  markdownCodeCell,
  markdownParagraphs,
  markdownText,
  terminalText,
  visibleEscape,
} from './safe-text'

/** What a payload must render as in one line of Markdown: line breaks as spaces, the rest escaped. */
function expectedInline(text: string): string {
  return terminalText(text.replace(/\r\n|[\r\n\t]/g, ' '))
}

describe('terminalText', () => {
  it.each([
    ['an OSC title sequence', '\u001b]0;pwned\u0007', '\\u001b]0;pwned\\u0007'],
    ['a clear-screen sequence', '\u001b[2J', '\\u001b[2J'],
    ['NUL', 'a\u0000b', 'a\\u0000b'],
    ['CR, which overwrites the line', 'ok\rFAIL', 'ok\\u000dFAIL'],
    ['DEL', '\u007f', '\\u007f'],
    ['C1 NEL and CSI', '\u0085\u009b', '\\u0085\\u009b'],
    ['a right-to-left override', 'abc\u202edef', 'abc\\u202edef'],
    ['an isolate and a mark', '\u2066x\u2069\u200f\u061c', '\\u2066x\\u2069\\u200f\\u061c'],
    [
      'zero-width characters',
      '\u200b\u200c\u200d\u2060\ufeff',
      '\\u200b\\u200c\\u200d\\u2060\\ufeff',
    ],
    ['line and paragraph separators', '\u2028\u2029', '\\u2028\\u2029'],
    ['a lone surrogate', 'x\ud800y\udc00', 'x\\ud800y\\udc00'],
    ['an invisible tag character', 'a\u{e0041}', 'a\\udb40\\udc41'],
  ])('escapes %s visibly', (_what, text, escaped) => {
    expect(terminalText(text)).toBe(escaped)
  })

  it('keeps ordinary text in any script, emoji and the line feeds and tabs the caller allows', () => {
    const text = 'orders-0 → use1-az1\tzone ٱلف 東京 😀\n'
    expect(terminalText(text)).toBe(text)
    expect(terminalText('a\nb\tc', { newlines: false, tabs: false })).toBe('a\\u000ab\\u0009c')
  })

  it('leaves no raw unsafe character in any payload', () => {
    for (const payload of HOSTILE_PAYLOADS) {
      expect(rawUnsafe(terminalText(payload, { newlines: false }))).toEqual([])
      expect(terminalText(payload, { newlines: false })).not.toContain('\n')
    }
  })

  it('keeps JSON valid and its parsed value the same', () => {
    const value = { name: HOSTILE_PAYLOADS.join(''), list: [...HOSTILE_PAYLOADS] }
    const json = terminalText(JSON.stringify(value, null, 2))
    expect(rawUnsafe(json)).toEqual([])
    expect(JSON.parse(json)).toEqual(value)
  })

  it('spells a character outside the BMP as JSON does, one escape per UTF-16 unit', () => {
    expect(visibleEscape('\u{e0041}')).toBe('\\udb40\\udc41')
    expect(JSON.parse(`"${visibleEscape('\u{e0041}')}"`)).toBe('\u{e0041}')
  })
})

describe('displayText', () => {
  it('makes overrides, zero-width spaces and controls visible', () => {
    expect(displayText('orders\u202e\u200b\u0000\u001b')).toBe('orders\\u202e\\u200b\\u0000\\u001b')
  })

  it('leaves ordinary text alone, with the joiners scripts and emoji need', () => {
    for (const text of [
      'Default: 3 AZs × 2 brokers',
      'می\u200cخواهم',
      '👩\u200d💻 team',
      'line one\nline two\r\n\tindented',
    ])
      expect(displayText(text)).toBe(text)
  })
})

describe('markdownText', () => {
  it('faces payloads the scanner sees as markup when copied raw', () => {
    const raw = (p: string) => scanMarkdown(p).some((l) => l.live.length > 0 || l.heading !== null)
    for (const p of HOSTILE_PAYLOADS.slice(0, 7)) expect(raw(p), p).toBe(true)
    expect(scanLine(`| ${'| a | b |'} |`).cells).toBe(4)
  })

  it.each(HOSTILE_PAYLOADS.map((p) => [JSON.stringify(p), p]))(
    'renders %s as exactly its text, with no markup',
    (_shown, payload) => {
      const md = markdownText(payload)
      expect(md).not.toContain('\n')
      expect(rawUnsafe(md)).toEqual([])
      const line = scanLine(md)
      expect(line.live).toEqual([])
      expect(line.emphasis).toBe('')
      expect(line.heading).toBeNull()
      expect(line.rendered).toBe(expectedInline(payload))
    },
  )

  it('cannot add a table cell or end a table row', () => {
    const row = `| ${markdownText('| a | b |')} | ${markdownText('x\ny')} |`
    expect(scanLine(row).cells).toBe(2)
  })

  it('breaks GFM autolinks and script schemes, and keeps ordinary punctuation readable', () => {
    expect(markdownText('see https://x.example')).toBe('see https\\://x.example')
    expect(markdownText('www.x.example')).toBe('www\\.x.example')
    expect(markdownText('javascript:alert(1)')).toBe('javascript\\:alert(1)')
    expect(markdownText('ops@x.example')).toBe('ops\\@x.example')
    // Kafka's identifiers and our sentences stay as written.
    expect(markdownText('use1-az1: min.insync.replicas=2, NOT_ENOUGH_REPLICAS (acks=all)')).toBe(
      'use1-az1: min.insync.replicas=2, NOT_ENOUGH_REPLICAS (acks=all)',
    )
    expect(markdownText('_private orders_v2_')).toBe('\\_private orders_v2\\_')
  })

  it('escapes a block marker only at the start of the text', () => {
    expect(markdownText('- a - b')).toBe('\\- a - b')
    expect(markdownText('12. x 3. y')).toBe('12\\. x 3. y')
    expect(markdownText('=== x')).toBe('\\=== x')
    expect(markdownText('+1')).toBe('\\+1')
  })

  it('stays linear on a long hostile line', () => {
    const long = '<a>_:www.'.repeat(20_000)
    const md = markdownText(long)
    expect(scanLine(md).live).toEqual([])
    expect(scanLine(md).rendered).toBe(long)
  })
})

describe('markdownParagraphs', () => {
  it('cannot fake a heading, a comment, a list or a table from a description', () => {
    const lines = markdownParagraphs(
      'Intro\n## Verdict\n0 findings\n<!-- hide\n- item\n| a | b |\n| --- | --- |\n    code',
    )
    expect(lines).toHaveLength(8)
    const scanned = scanMarkdown(lines.join('\n'))
    for (const line of scanned) {
      expect(line.heading).toBeNull()
      expect(line.live).toEqual([])
      expect(line.raw).not.toMatch(/^( {4}|[-+*>|<]|\d+[.)] )/)
    }
    expect(scanned.map((l) => l.rendered)).toEqual([
      'Intro',
      '## Verdict',
      '0 findings',
      '<!-- hide',
      '- item',
      '| a | b |',
      '| --- | --- |',
      'code',
    ])
  })

  it('keeps paragraph breaks, one blank line for any run of them', () => {
    expect(markdownParagraphs('\n\nOne\n\n\n\nTwo\n\n')).toEqual(['One', '', 'Two'])
  })
})

describe('markdownCodeCell', () => {
  it('fences backticks, escapes pipes and keeps HTML as text', () => {
    expect(markdownCodeCell('topics[0].name')).toBe('`topics[0].name`')
    expect(markdownCodeCell('a`b')).toBe('``a`b``')
    expect(markdownCodeCell('`x`')).toBe('`` `x` ``')
    const row = `| ${markdownCodeCell('<b>|</b>\n`')} | x |`
    const line = scanLine(row)
    expect(line.cells).toBe(2)
    expect(line.live).toEqual([])
    expect(line.rendered).toContain('<b>|</b> `')
  })
})

describe('markdownAutolink', () => {
  it('links only plain http and https URLs', () => {
    expect(markdownAutolink('https://lab.example/#s=abc')).toBe('<https://lab.example/#s=abc>')
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<script>',
      'https://x.example/>"<img src=x onerror=alert(1)>',
      'https://x.example/\u202e',
    ]) {
      const line = scanLine(markdownAutolink(url))
      expect(line.live).toEqual([])
      expect(line.rendered).toBe(terminalText(url))
    }
  })
})

describe('csvTextField', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', '"\'\rx"'],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['a,b', '"a,b"'],
    ['plain', 'plain'],
  ])('%j becomes %j', (value, field) => {
    expect(csvTextField(value)).toBe(field)
  })
})
