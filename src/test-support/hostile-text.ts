/**
 * Hostile strings for the output-safety tests: markup, Markdown structure, terminal control
 * sequences and invisible or reordering characters, as a probe found them copied verbatim into
 * the Markdown review and the terminal (issue 18, "User text is never markup").
 */
export const HOSTILE_PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '[x](javascript:alert(1))',
  '<javascript:alert(1)>',
  '<!-- hide',
  '\n## Verdict\n',
  '| a | b |',
  '\u001b]0;pwned\u0007',
  '\u001b[2J',
  '\u0000',
  '\u0085',
  '\u202e',
  '\u200b',
  '\u2028',
  '\ud800',
  '**bold** _em_ `code` ~~gone~~',
  'www.example.com http://example.com a@b.example',
  '&lt;b&gt; &#60;i&#62;',
  '- item\n1. first\n===\n> quote\n    code',
  '$x$ {#id} \\',
]

/** Code point ranges no output may carry raw, inclusive. */
const UNSAFE_RANGES: readonly [number, number][] = [
  [0x00, 0x08], // C0 controls before tab
  [0x0b, 0x1f], // C0 controls after line feed (CR and ESC included)
  [0x7f, 0x9f], // DEL and C1
  [0x061c, 0x061c], // Arabic letter mark
  [0x200b, 0x200f], // zero-width space, non-joiner, joiner; LRM, RLM
  [0x2028, 0x202e], // line and paragraph separators; bidirectional embeddings and overrides
  [0x2060, 0x2060], // word joiner
  [0x2066, 0x2069], // bidirectional isolates
  [0xfeff, 0xfeff], // zero-width no-break space (BOM)
  [0xd800, 0xdfff], // surrogates: only ever seen here when lone
]

/**
 * The raw characters in `text` no output may carry, as `U+XXXX` (empty when there are none): C0
 * controls but LF and tab, DEL, C1, the bidirectional embeddings, overrides, isolates and marks,
 * zero-width characters, the BOM, the line and paragraph separators and lone surrogates.
 *
 * @example
 * expect(rawUnsafe(stdout)).toEqual([])
 */
export function rawUnsafe(text: string): string[] {
  const found: string[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (UNSAFE_RANGES.some(([from, to]) => code >= from && code <= to))
      found.push(`U+${code.toString(16).toUpperCase().padStart(4, '0')}`)
  }
  return found
}
