/**
 * The replica chips' definitions (issue 16, item 7): one shared tooltip element for every chip,
 * driven by event delegation on the topology's `<svg>`, so a cluster of 30,000 chips costs one
 * element and a handful of listeners, and no React render per hover.
 *
 * - **Pointer**: hovering a chip (mouse or pen) shows its definition (chip-definition.ts) beside
 *   it. The definition stays while the pointer moves onto it (WCAG 1.4.13): the element takes no
 *   pointer events, so a click always reaches what is under it, and pointer moves inside it are
 *   kept from the view's own hover handling. Escape, a scroll or a press hides it.
 * - **Keyboard**: on a focused broker card ↓ and ↑ (Home, End) step through that broker's chips;
 *   the chip's partition lights up as on hover and the definition shows beside the chip. The card
 *   is described by the definition and the element is a polite live region while stepping, so a
 *   screen reader reads each one. Escape hides it, a scroll moves it with its chip; ← and → stay
 *   the global Step shortcut. A card that gets keyboard focus shows a one-line hint saying so.
 *
 * The listeners are native, on the `<svg>`: they run before React's delegated handlers at the
 * root, so a key or move this module takes is stopped before TopologyView sees it.
 */
import type { AppStore } from '../store/app-store'
import { ROLE_COLOURS, rolePath, roleIsStroked } from '../viz/theme'
import { type ChipDefinition, chipDefinition, chipDefinitionText } from './chip-definition'
import { t } from './i18n/runtime'

export interface ChipTooltip {
  /** Re-reads the open chip's definition and position; call after each redraw. */
  refresh(): void
  destroy(): void
}

type Mode = 'pointer' | 'keyboard' | 'hint'

interface Anchor {
  mode: Mode
  /** The broker card for 'keyboard' and 'hint'; null while hovering. */
  card: Element | null
  partition: string | null
  broker: number
  /** While stepping: "Replica 3 of 12." */
  position: string
}

const GAP_PX = 6
const MARGIN_PX = 8
const WIDTH_PX = 300
const STEP_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End'])
const SVG_NS = 'http://www.w3.org/2000/svg'
/** The hint on a focused broker card, in the language on screen. */
export function keyboardHint(): string {
  return t('chip.keyboardHint')
}

let tooltipCount = 0

function chipSelector(partition: string, broker: number): string {
  const quoted = partition.replace(/["\\]/g, '\\$&')
  return `g.chip[data-partition="${quoted}"][data-on-broker="${broker}"]`
}

/** A broker's chips in reading order (rows top to bottom, then left to right). */
function chipsOf(svg: SVGSVGElement, broker: number): Element[] {
  const at = (el: Element) => {
    const match = /translate\(([-\d.]+),([-\d.]+)\)/.exec(el.getAttribute('transform') ?? '')
    return { x: Number(match?.[1] ?? 0), y: Number(match?.[2] ?? 0) }
  }
  return Array.from(svg.querySelectorAll(`g.chip[data-on-broker="${broker}"]`))
    .map((el) => ({ el, ...at(el) }))
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((c) => c.el)
}

function block(tag: string, className: string, text: string): HTMLElement {
  const el = document.createElement(tag)
  el.className = className
  el.textContent = text
  return el
}

function roleSymbol(d: ChipDefinition): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg')
  svg.setAttribute('width', '12')
  svg.setAttribute('height', '12')
  svg.setAttribute('viewBox', '-6 -6 12 12')
  svg.setAttribute('aria-hidden', 'true')
  svg.setAttribute('class', 'inline-block shrink-0')
  const path = document.createElementNS(SVG_NS, 'path')
  path.setAttribute('d', rolePath(d.role, 9))
  path.style.fill = roleIsStroked(d.role) ? 'none' : ROLE_COLOURS[d.role]
  path.style.stroke = ROLE_COLOURS[d.role]
  path.style.strokeWidth = roleIsStroked(d.role) ? '2' : '0'
  svg.append(path)
  return svg
}

/**
 * The definition drawn for the eye (hidden from assistive technology: its blocks would run
 * together), then the same words as one plain paragraph (chipDefinitionText) for screen readers
 * and the card's accessible description.
 */
function fill(tip: HTMLElement, d: ChipDefinition | null, mode: Mode, position: string) {
  tip.replaceChildren()
  if (mode === 'hint' || d === null) {
    tip.append(block('span', 'block', keyboardHint()))
    return
  }
  const visual = block('div', '', '')
  visual.setAttribute('aria-hidden', 'true')
  const head = block('strong', 'flex items-center gap-1.5', '')
  head.append(roleSymbol(d), `${d.heading}: ${d.roleName.toLowerCase()}`)
  visual.append(
    head,
    block('span', 'mt-1 block', d.entry.definition),
    block('span', 'mt-1 block font-mono text-muted', d.entry.source),
  )
  const facts = block('ul', 'mt-1 list-disc pl-4', '')
  for (const fact of d.facts) facts.append(block('li', '', fact))
  visual.append(facts)
  if (mode === 'keyboard')
    visual.append(block('span', 'mt-1 block text-muted', t('chip.stepHint', { position })))
  const spoken = chipDefinitionText(d) + (mode === 'keyboard' ? ` ${position}` : '')
  tip.append(visual, block('span', 'sr-only', spoken))
}

/**
 * Beside the anchor, inside the viewport: a definition below its chip if there is room, else
 * above; the hint above its card (below it, the hint would cover the card's own chips).
 */
function place(tip: HTMLElement, anchor: DOMRect, hint: boolean): void {
  const vw = window.innerWidth
  const vh = window.innerHeight
  const room = Math.min(WIDTH_PX, vw - 2 * MARGIN_PX)
  // The one-line hint is as wide as its words; a definition takes the full width.
  tip.style.width = hint ? 'max-content' : `${room}px`
  tip.style.maxWidth = `${room}px`
  const width = tip.offsetWidth
  const height = tip.offsetHeight
  const preferAbove = hint
  const left = Math.max(MARGIN_PX, Math.min(anchor.left, vw - width - MARGIN_PX))
  const below = anchor.bottom + GAP_PX
  const above = anchor.top - GAP_PX - height
  const fitsBelow = below + height <= vh - MARGIN_PX
  const fitsAbove = above >= MARGIN_PX
  const top = (preferAbove && fitsAbove) || !fitsBelow ? Math.max(MARGIN_PX, above) : below
  tip.style.left = `${left}px`
  tip.style.top = `${fitsBelow || fitsAbove ? top : Math.max(MARGIN_PX, below)}px`
}

/**
 * Attaches the chip definitions to the topology `<svg>`.
 *
 * @example
 * const tips = attachChipTooltip(svgElement, store)
 * // after every renderTopology(svgElement, …):
 * tips.refresh()
 */
export function attachChipTooltip(svg: SVGSVGElement, store: AppStore): ChipTooltip {
  tooltipCount += 1
  const tip = document.createElement('div')
  tip.id = `chip-definition-${tooltipCount}`
  tip.setAttribute('role', 'tooltip')
  tip.hidden = true
  tip.className =
    'pointer-events-none fixed z-10 rounded border border-border bg-panel p-2 text-left font-sans text-xs text-fg shadow-lg'
  document.body.append(tip)
  let anchor: Anchor | null = null
  /**
   * Where the pointer keeps the definition open: the definition itself and the gap between it and
   * its chip (only the chip's own width of it, so the chips beside it still take the hover).
   */
  let keepZones: DOMRect[] = []

  function anchorElement(a: Anchor): Element | null {
    if (a.partition === null) return a.card
    return svg.querySelector(chipSelector(a.partition, a.broker))
  }

  function hide(): void {
    if (anchor === null) return
    const was = anchor
    anchor = null
    keepZones = []
    tip.hidden = true
    tip.replaceChildren()
    if (was.card !== null && was.card.getAttribute('aria-describedby') === tip.id)
      was.card.removeAttribute('aria-describedby')
    if (was.mode === 'keyboard') store.getState().hoverPartition(null)
    document.removeEventListener('keydown', onDocumentKey, true)
    document.removeEventListener('pointermove', onDocumentPointer)
    window.removeEventListener('scroll', onScroll, true)
  }

  function show(next: Anchor): void {
    const target = anchorElement(next)
    const state = store.getState()
    const d =
      next.partition === null || state.snapshot === null
        ? null
        : chipDefinition(
            state.snapshot,
            next.partition,
            next.broker,
            state.spec.cluster.config['replica.lag.time.max.ms'],
          )
    if (target === null || (next.partition !== null && d === null)) {
      hide()
      return
    }
    const opening = anchor === null
    const previousCard = anchor?.card ?? null
    if (previousCard !== null && previousCard !== next.card) {
      if (previousCard.getAttribute('aria-describedby') === tip.id)
        previousCard.removeAttribute('aria-describedby')
    }
    anchor = next
    tip.setAttribute('aria-live', next.mode === 'pointer' ? 'off' : 'polite')
    fill(tip, d, next.mode, next.position)
    tip.hidden = false
    const rect = target.getBoundingClientRect()
    place(tip, rect, next.mode === 'hint')
    const box = tip.getBoundingClientRect()
    const gapTop = Math.min(rect.bottom, box.bottom)
    const gapBottom = Math.max(rect.top, box.top)
    keepZones = [box, new DOMRect(rect.left, gapTop, rect.width, Math.max(0, gapBottom - gapTop))]
    if (next.card !== null) next.card.setAttribute('aria-describedby', tip.id)
    if (opening) {
      document.addEventListener('keydown', onDocumentKey, true)
      document.addEventListener('pointermove', onDocumentPointer)
      window.addEventListener('scroll', onScroll, true)
    }
  }

  function inKeepZone(event: PointerEvent): boolean {
    if (anchor?.mode !== 'pointer') return false
    const { clientX: x, clientY: y } = event
    return keepZones.some((z) => x >= z.left && x <= z.right && y >= z.top && y <= z.bottom)
  }

  function onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return
    // Over the definition (it lets pointer events through): keep it, and keep the hover.
    if (inKeepZone(event)) {
      event.stopPropagation()
      return
    }
    const chip = event.target instanceof Element ? event.target.closest('g.chip') : null
    const partition = chip?.getAttribute('data-partition') ?? null
    const broker = Number(chip?.getAttribute('data-on-broker'))
    if (chip === null || partition === null) {
      if (anchor?.mode === 'pointer') hide()
      return
    }
    if (anchor?.mode === 'pointer' && anchor.partition === partition && anchor.broker === broker)
      return
    show({ mode: 'pointer', card: null, partition, broker, position: '' })
  }

  function onDocumentPointer(event: PointerEvent): void {
    if (anchor?.mode !== 'pointer' || inKeepZone(event)) return
    if (event.target instanceof Node && svg.contains(event.target)) return
    hide()
  }

  /** A scroll moves the chip from under the pointer; a focused card's definition follows it. */
  function onScroll(): void {
    if (anchor === null) return
    if (anchor.mode === 'pointer') hide()
    else show(anchor)
  }

  function onDocumentKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || anchor === null) return
    // Capture phase: the definition takes Escape before the tour or a menu closes on it.
    event.preventDefault()
    event.stopPropagation()
    hide()
  }

  function step(card: Element, broker: number, key: string): boolean {
    const chips = chipsOf(svg, broker)
    if (chips.length === 0) return false
    const current =
      anchor?.mode === 'keyboard' && anchor.card === card && anchor.partition !== null
        ? chips.findIndex((c) => c.getAttribute('data-partition') === anchor?.partition)
        : -1
    const last = chips.length - 1
    const index =
      key === 'Home'
        ? 0
        : key === 'End'
          ? last
          : current === -1
            ? key === 'ArrowUp'
              ? last
              : 0
            : Math.max(0, Math.min(last, current + (key === 'ArrowUp' ? -1 : 1)))
    const partition = chips[index]?.getAttribute('data-partition') ?? null
    if (partition === null) return false
    store.getState().hoverPartition(partition)
    const position = t('chip.position', { index: index + 1, total: chips.length })
    show({ mode: 'keyboard', card, partition, broker, position })
    return true
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return
    const card = event.target instanceof Element ? event.target.closest('[data-broker]') : null
    if (card === null) return
    if (STEP_KEYS.has(event.key)) {
      if (!step(card, Number(card.getAttribute('data-broker')), event.key)) return
      event.preventDefault()
      event.stopPropagation()
    } else if (event.key !== 'Escape' && anchor?.card === card) {
      // Enter, Space or the context-menu key open the card's menu: the definition makes way.
      hide()
    }
  }

  function onFocusIn(event: FocusEvent): void {
    const card = event.target instanceof Element ? event.target.closest('[data-broker]') : null
    if (card === null || card !== event.target || !card.matches(':focus-visible')) return
    const broker = Number(card.getAttribute('data-broker'))
    if (chipsOf(svg, broker).length === 0) return
    show({ mode: 'hint', card, partition: null, broker, position: '' })
  }

  function onFocusOut(event: FocusEvent): void {
    if (anchor?.card != null && event.target === anchor.card) hide()
  }

  function onPointerDown(): void {
    if (anchor?.mode === 'pointer') hide()
  }

  function onPointerLeave(event: PointerEvent): void {
    if (anchor?.mode === 'pointer' && !inKeepZone(event)) hide()
  }

  svg.addEventListener('pointermove', onPointerMove)
  svg.addEventListener('pointerleave', onPointerLeave)
  svg.addEventListener('pointerdown', onPointerDown)
  svg.addEventListener('keydown', onKeyDown)
  svg.addEventListener('focusin', onFocusIn)
  svg.addEventListener('focusout', onFocusOut)

  return {
    refresh() {
      if (anchor !== null) show(anchor)
    },
    destroy() {
      hide()
      svg.removeEventListener('pointermove', onPointerMove)
      svg.removeEventListener('pointerleave', onPointerLeave)
      svg.removeEventListener('pointerdown', onPointerDown)
      svg.removeEventListener('keydown', onKeyDown)
      svg.removeEventListener('focusin', onFocusIn)
      svg.removeEventListener('focusout', onFocusOut)
      tip.remove()
    },
  }
}
