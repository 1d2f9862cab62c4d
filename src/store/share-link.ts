/**
 * Share links: the scenario (JSON, deflated with fflate, base64url), the seed and the current sim
 * time in the URL hash, e.g. `#scenario=eJy...&seed=42&t=31500`.
 *
 * A link is untrusted input. Decoding checks the size before and after decompression (so a
 * deflate bomb cannot exhaust memory), validates with the scenario reader and refuses clusters too
 * large to simulate in a tab; every failure is a message, never an exception.
 *
 * @example
 * const hash = encodeShareLink(spec, 31_500, scenarioToJson)
 * const result = decodeShareLink(hash, parseScenario)
 */
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate'
import type { SimulationSpec } from '../engine/spec'
import { renderProblem, type Problem } from '../scenario/messages'

export type ScenarioParse =
  { ok: true; spec: SimulationSpec } | { ok: false; problems: readonly Problem[] }

export type ParseScenario = (text: string) => ScenarioParse
export type SerializeScenario = (spec: SimulationSpec) => string

/**
 * Why a link was refused, for callers that react to the kind (tests, telemetry); `message` says
 * it in plain words for the person who followed the link.
 */
export type LinkFailure =
  | 'too-long'
  | 'no-scenario'
  | 'bad-characters'
  | 'cut-short'
  | 'not-decompressible'
  | 'too-large'
  | 'not-json'
  | 'invalid-scenario'
  | 'bad-parameter'
  /** The scenario reader (a lazily loaded chunk) did not load: the link may be fine. */
  | 'reader-failed'

export type DecodedLink =
  | { ok: true; spec: SimulationSpec; atMs: number }
  | { ok: false; failure: LinkFailure; message: string }

/** A refusal on its way out of `decodeShareLink`: the kind plus the whole sentence. */
class LinkError extends Error {
  constructor(
    readonly failure: LinkFailure,
    message: string,
  ) {
    super(message)
  }
}

const DAMAGED = 'The share link is damaged:'
const CUT_OFF = '(the link may have been cut off when it was copied)'

/** Limits that keep a hostile link from stalling or exhausting the tab. */
export const SHARE_LIMITS = {
  encodedChars: 400_000,
  jsonBytes: 4_000_000,
  brokers: 500,
  partitions: 60_000,
  faults: 10_000,
  atMs: 24 * 3_600_000,
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

export function fromBase64Url(text: string): Uint8Array {
  const bad = text.search(/[^A-Za-z0-9_-]/)
  if (bad !== -1) {
    throw new LinkError(
      'bad-characters',
      `${DAMAGED} its scenario data contains ${JSON.stringify(text[bad])} at character ${bad + 1},` +
        ' which a share link never has (letters, digits, "-" and "_" only).',
    )
  }
  // Base64 packs 3 bytes into 4 characters; one character left over cannot be a whole byte.
  if (text.length % 4 === 1) {
    throw new LinkError(
      'cut-short',
      `${DAMAGED} its scenario data could not be decompressed ${CUT_OFF}.`,
    )
  }
  const padded = text.replaceAll('-', '+').replaceAll('_', '/')
  const binary = atob(padded + '='.repeat((4 - (padded.length % 4)) % 4))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Inflates in small input chunks and stops as soon as the output passes `limit` bytes. */
export function inflateCapped(data: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = []
  let size = 0
  const inflate = new Inflate((chunk) => {
    size += chunk.length
    if (size > limit) {
      throw new LinkError(
        'too-large',
        `The share link's scenario is too large to open: it expands to more than ${limit} bytes.`,
      )
    }
    chunks.push(chunk)
  })
  if (data.length === 0) throw new LinkError('no-scenario', `${DAMAGED} it has no scenario data.`)
  const CHUNK = 1024
  try {
    for (let offset = 0; offset < data.length; offset += CHUNK) {
      inflate.push(data.subarray(offset, offset + CHUNK), offset + CHUNK >= data.length)
    }
  } catch (error) {
    if (error instanceof LinkError) throw error
    // fflate's own words ("unexpected EOF", "invalid block type") mean nothing to a reader; a
    // link that fails to inflate was almost always truncated, so say that.
    throw new LinkError(
      'not-decompressible',
      `${DAMAGED} its scenario data could not be decompressed ${CUT_OFF}.`,
    )
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}

export function encodeShareLink(
  spec: SimulationSpec,
  atMs: number,
  serialize: SerializeScenario,
): string {
  const packed = toBase64Url(deflateSync(strToU8(serialize(spec)), { level: 9 }))
  return `#scenario=${packed}&seed=${spec.seed}&t=${Math.max(0, Math.round(atMs))}`
}

const PARAM_NAMES: Record<string, string> = {
  seed: 'its seed ("seed")',
  t: 'its simulated time in milliseconds ("t")',
}

function integerParam(params: URLSearchParams, name: string, max: number): number | null {
  const raw = params.get(name)
  if (raw === null || raw === '') return null
  const what = PARAM_NAMES[name] ?? `"${name}"`
  if (!/^\d{1,15}$/.test(raw)) {
    throw new LinkError(
      'bad-parameter',
      `${DAMAGED} ${what} is ${JSON.stringify(raw)}, not a whole number.`,
    )
  }
  const value = Number(raw)
  if (value > max) {
    throw new LinkError('bad-parameter', `${DAMAGED} ${what} is larger than ${max}.`)
  }
  return value
}

function checkSize(spec: SimulationSpec): string | null {
  const partitions = spec.topics.reduce((sum, topic) => sum + topic.partitions, 0)
  if (spec.cluster.brokers.length > SHARE_LIMITS.brokers) {
    return `${spec.cluster.brokers.length} brokers (the limit is ${SHARE_LIMITS.brokers})`
  }
  if (partitions > SHARE_LIMITS.partitions) {
    return `${partitions} partitions (the limit is ${SHARE_LIMITS.partitions})`
  }
  if (spec.faults.length > SHARE_LIMITS.faults) {
    return `${spec.faults.length} faults (the limit is ${SHARE_LIMITS.faults})`
  }
  return null
}

/** How many of a scenario's problems a message lists before "and N more". */
const PROBLEMS_SHOWN = 3

function problemsText(problems: readonly Problem[]): string {
  const shown = problems
    .slice(0, PROBLEMS_SHOWN)
    .map((p) => `${p.path === '' || p.path === '$' ? 'the scenario' : p.path}: ${renderProblem(p)}`)
  const more = problems.length - shown.length
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '')
}

/** The sentence for a scenario the reader refused: bad JSON, or a field that fails validation. */
function invalidScenario(problems: readonly Problem[]): LinkError {
  const syntax = problems.find((p) => p.code === 'json-syntax')
  // A string or key over the reader's budget is well-formed JSON the reader will not take: the
  // link is intact and its scenario too large (the fuzz soak found it reported as damaged).
  const overBudget =
    syntax !== undefined &&
    (syntax.params.reason === 'string-too-long' || syntax.params.reason === 'key-too-long')
  if (syntax !== undefined && !overBudget) {
    // The JSON reader's path is "line 1, column 37"; the JSON inside a link is the part that broke.
    return new LinkError(
      'not-json',
      `${DAMAGED} its scenario is not valid JSON at ${syntax.path} (${renderProblem(syntax)}).`,
    )
  }
  return new LinkError(
    'invalid-scenario',
    `The share link's scenario is not valid: ${problemsText(problems)}.`,
  )
}

/** `hash` may include the leading '#'. An empty hash or one without `scenario` is not a link. */
export function isShareLink(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).has('scenario')
}

/**
 * Reads a share link. Every refusal is a sentence saying what is wrong and where, in words a
 * reader who only copied a link understands ("its scenario data could not be decompressed"),
 * never a parser's ("unexpected EOF").
 */
export function decodeShareLink(hash: string, parse: ParseScenario): DecodedLink {
  try {
    if (hash.length > SHARE_LIMITS.encodedChars) {
      throw new LinkError(
        'too-long',
        `The share link is too long to open: ${hash.length} characters` +
          ` (the limit is ${SHARE_LIMITS.encodedChars}).`,
      )
    }
    const params = new URLSearchParams(hash.replace(/^#/, ''))
    const packed = params.get('scenario')
    if (packed === null || packed === '') {
      throw new LinkError('no-scenario', `${DAMAGED} it has no scenario data.`)
    }
    const json = strFromU8(inflateCapped(fromBase64Url(packed), SHARE_LIMITS.jsonBytes))
    const parsed = parse(json)
    if (!parsed.ok) throw invalidScenario(parsed.problems)
    const tooLarge = checkSize(parsed.spec)
    if (tooLarge !== null) {
      throw new LinkError(
        'too-large',
        `The share link's scenario is too large to simulate in a browser tab: it has ${tooLarge}.`,
      )
    }
    const seed = integerParam(params, 'seed', 0xffffffff)
    const atMs = integerParam(params, 't', SHARE_LIMITS.atMs) ?? 0
    const spec = seed === null ? parsed.spec : { ...parsed.spec, seed }
    return { ok: true, spec, atMs }
  } catch (error) {
    if (error instanceof LinkError)
      return { ok: false, failure: error.failure, message: error.message }
    // A test double's parser may throw (the real reader never does): still a damaged link.
    return {
      ok: false,
      failure: 'not-json',
      message: `${DAMAGED} its scenario could not be read.`,
    }
  }
}

/** What a refused link leaves on screen: the default scenario at start-up, else the user's own. */
export function refusedLinkNotice(message: string, shown: 'default' | 'current'): string {
  return shown === 'default'
    ? `${message} The default scenario is shown instead.`
    : `${message} The scenario you had open is still shown.`
}

/**
 * The hash without the share link's own parameters (`scenario`, `seed`, `t`), keeping any other
 * (`embed=1`), so a refused link can be cleared from the address bar and a reload does not repeat
 * the error. '' when nothing else was there.
 */
export function hashWithoutLink(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  for (const name of ['scenario', 'seed', 't']) params.delete(name)
  const rest = params.toString()
  return rest === '' ? '' : `#${rest}`
}
