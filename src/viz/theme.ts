/**
 * The topology's visual vocabulary. Colours are CSS variables from `src/index.css`, shared with
 * Tailwind (docs/architecture.md, "Drawing"); every replica role also has its own shape, so colour
 * is never the only signal.
 */
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, symbolX } from 'd3'
import type { SymbolType } from 'd3'

export type ReplicaRole = 'leader' | 'in-sync' | 'out-of-sync' | 'elr' | 'offline'

export const REPLICA_ROLES: readonly ReplicaRole[] = [
  'leader',
  'in-sync',
  'out-of-sync',
  'elr',
  'offline',
]

export const ROLE_NAMES: Record<ReplicaRole, string> = {
  leader: 'Leader',
  'in-sync': 'In-sync follower',
  'out-of-sync': 'Out-of-sync follower',
  elr: 'Eligible leader replica (ELR)',
  offline: 'Offline or fenced',
}

export const ROLE_COLOURS: Record<ReplicaRole, string> = {
  leader: 'var(--leader)',
  'in-sync': 'var(--in-sync)',
  'out-of-sync': 'var(--out-of-sync)',
  elr: 'var(--elr)',
  offline: 'var(--offline)',
}

const ROLE_SYMBOLS: Record<ReplicaRole, SymbolType> = {
  leader: symbolSquare,
  'in-sync': symbolCircle,
  'out-of-sync': symbolTriangle,
  elr: symbolDiamond,
  offline: symbolX,
}

/** Offline replicas are drawn as a stroked X; the others are filled shapes. */
export function roleIsStroked(role: ReplicaRole): boolean {
  return role === 'offline'
}

const pathCache = new Map<string, string>()

/** The SVG path of a role's symbol with the given width in pixels, centred on (0, 0). */
export function rolePath(role: ReplicaRole, widthPx: number): string {
  const key = `${role}:${widthPx}`
  const cached = pathCache.get(key)
  if (cached !== undefined) return cached
  // d3 symbol sizes are areas; the triangle and diamond need a little more to look as large.
  const scale = role === 'out-of-sync' || role === 'elr' ? 0.75 : role === 'in-sync' ? 0.8 : 0.62
  const path = symbol(ROLE_SYMBOLS[role], widthPx * widthPx * scale)() ?? ''
  pathCache.set(key, path)
  return path
}

/** How long state changes animate at 1×; zero under prefers-reduced-motion. */
export const TRANSITION_MS = 450

/**
 * Messages in flight (render-traffic.ts): each is a small pill with its kind's letter (P produce,
 * A ack, F replica fetch, R fetch reply with records, G group, M metadata, ! error) and colour;
 * requests are hollow where their responses are filled. Letters, not shapes: every simple shape
 * already means a replica role (■ ● ▲ ◆ ✕) or a controller (★ ⬢), and no two roles share a glyph.
 * (`symbol` is kept for the per-link arrows' marker.)
 */
export const TRAFFIC_STYLES: Record<
  | 'produce'
  | 'produceResponse'
  | 'fetch'
  | 'fetchResponse'
  | 'group'
  | 'groupResponse'
  | 'metadata',
  { colour: string; symbol: SymbolType; filled: boolean; glyph: string }
> = {
  produce: { colour: 'var(--focus)', symbol: symbolCircle, filled: false, glyph: 'P' },
  produceResponse: { colour: 'var(--ok)', symbol: symbolDiamond, filled: true, glyph: 'A' },
  fetch: { colour: 'var(--in-sync)', symbol: symbolSquare, filled: false, glyph: 'F' },
  fetchResponse: { colour: 'var(--in-sync)', symbol: symbolSquare, filled: true, glyph: 'R' },
  group: { colour: 'var(--elr)', symbol: symbolTriangle, filled: false, glyph: 'G' },
  groupResponse: { colour: 'var(--elr)', symbol: symbolTriangle, filled: true, glyph: 'G' },
  metadata: { colour: 'var(--muted)', symbol: symbolCircle, filled: false, glyph: 'M' },
}

/** An error response (a produce answered with an error) is a red X whatever its kind. */
export const TRAFFIC_ERROR_STYLE = { colour: 'var(--danger)', symbol: symbolX, glyph: '!' }

const trafficPathCache = new Map<string, string>()

/** The SVG path of a traffic symbol of about `widthPx`, centred on (0, 0). */
export function trafficPath(type: SymbolType, widthPx: number): string {
  const key = `${widthPx}:${[symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, symbolX].indexOf(type)}`
  const cached = trafficPathCache.get(key)
  if (cached !== undefined) return cached
  const path = symbol(type, widthPx * widthPx * 0.7)() ?? ''
  trafficPathCache.set(key, path)
  return path
}
