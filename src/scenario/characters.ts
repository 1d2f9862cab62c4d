/**
 * Characters a name may not hold. A name (a zone, a client id, the scenario's name) is shown in
 * terminals, tables and the topology, and compared with other names: control characters can
 * move a terminal's cursor or end a line, bidirectional overrides and isolates (Unicode's
 * Trojan Source problem, CVE-2021-42574) make one name read as another, zero-width characters
 * make two names look the same while they differ, and a lone surrogate is not a character at
 * all (no UTF-8 encoder can write it). Free text (descriptions, narration) may hold newlines and
 * tabs, but none of the others either.
 */

export type ForbiddenKind = 'control' | 'bidi' | 'zero-width' | 'lone-surrogate'

export interface ForbiddenCharacter {
  /** Index of the character in the string, in UTF-16 units (as editors count columns). */
  index: number
  /** "U+202E". */
  codePoint: string
  kind: ForbiddenKind
}

/** "U+202E" for a code unit or code point. */
export function codePointText(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
}

function kindOf(code: number, prose: boolean): ForbiddenKind | undefined {
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
    return prose && (code === 0x0a || code === 0x09) ? undefined : 'control'
  }
  if (code === 0x200e || code === 0x200f || code === 0x061c) return 'bidi'
  if (code >= 0x202a && code <= 0x202e) return 'bidi'
  if (code >= 0x2066 && code <= 0x2069) return 'bidi'
  if ((code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff) return 'zero-width'
  return undefined
}

/**
 * The first character of `text` a name (or, with `prose`, free text) may not hold, or
 * undefined. Linear in the length; a string of only allowed characters is scanned once.
 *
 * @example
 * forbiddenCharacter('use1\u202Eaz1', false) // { index: 4, codePoint: 'U+202E', kind: 'bidi' }
 */
export function forbiddenCharacter(text: string, prose: boolean): ForbiddenCharacter | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++
        continue
      }
      return { index: i, codePoint: codePointText(code), kind: 'lone-surrogate' }
    }
    if (code >= 0xdc00 && code <= 0xdfff) {
      return { index: i, codePoint: codePointText(code), kind: 'lone-surrogate' }
    }
    const kind = kindOf(code, prose)
    if (kind !== undefined) return { index: i, codePoint: codePointText(code), kind }
  }
  return undefined
}
