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

export type DecodedLink =
  { ok: true; spec: SimulationSpec; atMs: number } | { ok: false; message: string }

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
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('it contains characters outside base64url')
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
    if (size > limit) throw new Error(`it expands to more than ${limit} bytes`)
    chunks.push(chunk)
  })
  const CHUNK = 1024
  for (let offset = 0; offset < data.length; offset += CHUNK) {
    inflate.push(data.subarray(offset, offset + CHUNK), offset + CHUNK >= data.length)
  }
  if (data.length === 0) throw new Error('it is empty')
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

function integerParam(params: URLSearchParams, name: string, max: number): number | null {
  const raw = params.get(name)
  if (raw === null || raw === '') return null
  if (!/^\d{1,15}$/.test(raw)) throw new Error(`"${name}" is not a whole number`)
  const value = Number(raw)
  if (value > max) throw new Error(`"${name}" is larger than ${max}`)
  return value
}

function checkSize(spec: SimulationSpec): string | null {
  const partitions = spec.topics.reduce((sum, topic) => sum + topic.partitions, 0)
  if (spec.cluster.brokers.length > SHARE_LIMITS.brokers) {
    return `it has ${spec.cluster.brokers.length} brokers (the limit is ${SHARE_LIMITS.brokers})`
  }
  if (partitions > SHARE_LIMITS.partitions) {
    return `it has ${partitions} partitions (the limit is ${SHARE_LIMITS.partitions})`
  }
  if (spec.faults.length > SHARE_LIMITS.faults) {
    return `it has ${spec.faults.length} faults (the limit is ${SHARE_LIMITS.faults})`
  }
  return null
}

/** `hash` may include the leading '#'. An empty hash or one without `scenario` is not a link. */
export function isShareLink(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).has('scenario')
}

export function decodeShareLink(hash: string, parse: ParseScenario): DecodedLink {
  try {
    if (hash.length > SHARE_LIMITS.encodedChars) throw new Error('it is too long')
    const params = new URLSearchParams(hash.replace(/^#/, ''))
    const packed = params.get('scenario')
    if (packed === null || packed === '') throw new Error('it has no scenario')
    const json = strFromU8(inflateCapped(fromBase64Url(packed), SHARE_LIMITS.jsonBytes))
    const parsed = parse(json)
    if (!parsed.ok) {
      const first = parsed.problems
        .slice(0, 3)
        .map((p) => `${p.path || '(root)'}: ${renderProblem(p)}`)
      throw new Error(`its scenario is invalid (${first.join('; ')})`)
    }
    const tooLarge = checkSize(parsed.spec)
    if (tooLarge !== null) throw new Error(tooLarge)
    const seed = integerParam(params, 'seed', 0xffffffff)
    const atMs = integerParam(params, 't', SHARE_LIMITS.atMs) ?? 0
    const spec = seed === null ? parsed.spec : { ...parsed.spec, seed }
    return { ok: true, spec, atMs }
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'it could not be read'
    return { ok: false, message: `This share link could not be opened: ${reason}.` }
  }
}
