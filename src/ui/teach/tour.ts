/**
 * The first-visit tour: what a newcomer needs first about Kafka (leader and followers, the ISR and
 * min.insync.replicas, acks and the high watermark), then where the controls are; each step
 * spotlights the element it talks about. Also where the dialog goes beside that element, and
 * remembering that the tour was dismissed. Storage is guarded at every touch: private windows,
 * disabled cookies and sandboxed iframes make `localStorage` throw or vanish, and the tour must
 * then simply show again rather than break the app. The steps' words are in the catalogues
 * (`tour.<step>.title`, `.text`, `.target`), read in the language on screen; the spotlight finds
 * its element by `data-region` (or a class), never by a label that a translation changes.
 */
import type { PlainKey } from '../i18n/catalogue'
import { t } from '../i18n/runtime'
import type { TermId } from './glossary'

export interface TourStep {
  title: string
  text: string
  /** CSS selectors of the element to spotlight, the first one present wins. */
  targets: readonly string[]
  /** What the spotlight shows, in words (the spotlight itself is only drawn). */
  targetName: string
  /** Glossary words the step uses, offered with their definitions under the text. */
  terms: readonly TermId[]
}

type TourStepId = 'leader' | 'isr' | 'acks' | 'break' | 'time' | 'panels'

/** A step whose title, text and target name are read from the catalogue when shown. */
function tourStep(id: TourStepId, targets: readonly string[], terms: readonly TermId[]): TourStep {
  const text = (part: 'title' | 'text' | 'target') => t(`tour.${id}.${part}` satisfies PlainKey)
  return {
    get title() {
      return text('title')
    },
    get text() {
      return text('text')
    },
    get targetName() {
      return text('target')
    },
    targets,
    terms,
  }
}

export const TOUR_STEPS: readonly TourStep[] = [
  tourStep(
    'leader',
    ['svg.topology', 'section[aria-label="Topology"]'],
    ['leader', 'follower', 'availability-zone'],
  ),
  tourStep(
    'isr',
    ['[data-region="live-counters"]', '[data-region="legend"]'],
    ['isr', 'min-insync-replicas', 'UnderMinIsrPartitionCount'],
  ),
  tourStep(
    'acks',
    [
      'svg.topology g.traffic-client.producer',
      'svg.topology [data-client]',
      '[data-region="live-counters"]',
    ],
    ['acks', 'high-watermark', 'log-end-offset'],
  ),
  tourStep('break', ['svg.topology [data-broker]'], ['fenced', 'controller']),
  tourStep('time', ['[data-region="playback"]'], []),
  tourStep('panels', ['[data-region="panels"] [role="tablist"]', '[data-region="panels"]'], []),
]

export interface Rect {
  left: number
  top: number
  width: number
  height: number
}

export interface Size {
  width: number
  height: number
}

const MARGIN_PX = 8
const GAP_PX = 12

function clamp(value: number, size: number, room: number): number {
  return Math.max(MARGIN_PX, Math.min(value, room - size - MARGIN_PX))
}

/** placeDialog's choice of side, before it is pushed inside the viewport. */
function placeUnclamped(
  target: Rect | null,
  dialog: Size,
  viewport: Size,
): {
  left: number
  top: number
} {
  const { width: w, height: h } = dialog
  const { width: vw, height: vh } = viewport
  const centredLeft = (t: Rect) => clamp(t.left + t.width / 2 - w / 2, w, vw)
  const centredTop = (t: Rect) => clamp(t.top + t.height / 2 - h / 2, h, vh)
  const pinned = { left: clamp((vw - w) / 2, w, vw), top: clamp(vh - h - MARGIN_PX, h, vh) }
  if (target === null) return pinned
  const bottom = target.top + target.height
  const right = target.left + target.width
  if (bottom + GAP_PX + h <= vh - MARGIN_PX && bottom + GAP_PX >= MARGIN_PX)
    return { left: centredLeft(target), top: bottom + GAP_PX }
  if (target.top - GAP_PX - h >= MARGIN_PX && target.top - GAP_PX - h <= vh)
    return { left: centredLeft(target), top: target.top - GAP_PX - h }
  if (right + GAP_PX + w <= vw - MARGIN_PX) return { left: right + GAP_PX, top: centredTop(target) }
  if (target.left - GAP_PX - w >= MARGIN_PX)
    return { left: target.left - GAP_PX - w, top: centredTop(target) }
  return pinned
}

/**
 * Where the dialog's top-left corner goes: below the target, else above, right or left of it,
 * whichever fits first; when none does (a target as large as the screen) it sits at the bottom
 * of the viewport over the target. Always inside the viewport when the dialog fits in it.
 */
export function placeDialog(
  target: Rect | null,
  dialog: Size,
  viewport: Size,
): { left: number; top: number } {
  const p = placeUnclamped(target, dialog, viewport)
  return {
    left: clamp(p.left, dialog.width, viewport.width),
    top: clamp(p.top, dialog.height, viewport.height),
  }
}

/** The spotlight: the target with some room around it, cut to the viewport. */
export function spotlightRect(target: Rect, viewport: Size, padding = 6): Rect {
  const left = Math.max(0, target.left - padding)
  const top = Math.max(0, target.top - padding)
  const right = Math.min(viewport.width, target.left + target.width + padding)
  const bottom = Math.min(viewport.height, target.top + target.height + padding)
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) }
}

export const TOUR_DISMISSED_KEY = 'kafka-ha-lab.tour-dismissed'

/** The two methods of `Storage` the tour uses, so tests pass a plain object. */
export interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

/**
 * The browser's localStorage, or null where reading the property itself throws (Safari private
 * mode of old, sandboxed iframes, disabled storage).
 */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null
  }
}

export function tourDismissed(storage: KeyValueStorage | null): boolean {
  try {
    return storage?.getItem(TOUR_DISMISSED_KEY) === '1'
  } catch {
    return false
  }
}

/** Returns whether the dismissal was stored (false: the tour shows again next visit). */
export function rememberTourDismissed(storage: KeyValueStorage | null): boolean {
  try {
    if (storage === null) return false
    storage.setItem(TOUR_DISMISSED_KEY, '1')
    return true
  } catch {
    return false
  }
}
