/**
 * The chips' one shared tooltip in jsdom, over the real renderer: hovering a chip shows its
 * role's glossary definition and the replica's facts, moving off a chip hides it, and on a
 * focused broker card ↓ and ↑ step through that broker's chips — lighting up the partition,
 * describing the card by the definition — while ← (the Step shortcut) is left alone; Escape
 * hides it. The store is a stand-in with the three things the tooltip reads.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Snapshot } from '../engine/types'
import type { AppStore } from '../store/app-store'
import { fixtureSnapshot } from '../viz/fixtures'
import { renderTopology } from '../viz/render-topology'
import type { SceneSelection } from '../viz/scene'
import { buildScene, createLayoutCache } from '../viz/scene'
import { type ChipTooltip, attachChipTooltip, keyboardHint } from './chip-tooltip'
import { GLOSSARY } from './teach/glossary'

const none: SceneSelection = {
  selectedPartition: null,
  hoveredPartition: null,
  focusTopic: null,
  focusBroker: null,
}

let tooltip: ChipTooltip | null = null
afterEach(() => {
  tooltip?.destroy()
  tooltip = null
  document.body.innerHTML = ''
})

function draw(svg: SVGSVGElement, snapshot: Snapshot) {
  const scene = buildScene(snapshot, createLayoutCache()(snapshot, 1200, none, 0), none)
  renderTopology(svg, scene, { animate: false, mode: snapshot.mode })
}

function setup(snapshot: Snapshot = fixtureSnapshot()) {
  document.body.innerHTML = '<svg></svg>'
  const svg = document.querySelector('svg') as SVGSVGElement
  draw(svg, snapshot)
  const hovered: (string | null)[] = []
  const state = {
    snapshot,
    spec: { cluster: { config: { 'replica.lag.time.max.ms': 30_000 } } },
    hoverPartition: (key: string | null) => hovered.push(key),
  }
  const store = { getState: () => state } as unknown as AppStore
  tooltip = attachChipTooltip(svg, store)
  const tip = document.querySelector<HTMLElement>('[role="tooltip"]')
  if (tip === null) throw new Error('no tooltip element')
  return { svg, tip, hovered, state }
}

function chip(svg: SVGSVGElement, partition: string, broker: number): Element {
  const el = svg.querySelector(`g.chip[data-partition="${partition}"][data-on-broker="${broker}"]`)
  if (el === null) throw new Error(`no chip ${partition} on ${broker}`)
  return el
}

function pointerMove(target: Element) {
  target.dispatchEvent(
    new PointerEvent('pointermove', { bubbles: true, pointerType: 'mouse', clientX: -50 }),
  )
}

function key(target: Element, name: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true })
  target.dispatchEvent(event)
  return event
}

describe('attachChipTooltip', () => {
  it('adds one tooltip element, however many chips there are', () => {
    const { svg } = setup()
    expect(svg.querySelectorAll('g.chip').length).toBe(18)
    expect(document.querySelectorAll('[role="tooltip"]')).toHaveLength(1)
    expect(svg.querySelector('g.chip title')).toBeNull()
  })

  it('defines a hovered leader chip and hides when the pointer leaves the chips', () => {
    const { svg, tip } = setup()
    expect(tip.hidden).toBe(true)
    pointerMove(chip(svg, 'orders-0', 1).querySelector('path') as Element)
    expect(tip.hidden).toBe(false)
    expect(tip.textContent).toContain('orders-0 on broker 1: leader')
    expect(tip.textContent).toContain(GLOSSARY.leader.definition)
    expect(tip.textContent).toContain(GLOSSARY.leader.source)
    expect(tip.textContent).toContain('In the ISR (1,2,3; min.insync.replicas=2).')
    pointerMove(chip(svg, 'orders-0', 2))
    expect(tip.textContent).toContain('orders-0 on broker 2: in-sync follower')
    expect(tip.textContent).toContain(GLOSSARY['in-sync-follower'].definition)
    pointerMove(svg.querySelector('[data-zone]') as Element)
    expect(tip.hidden).toBe(true)
  })

  it('defines an offline replica on a crashed broker', () => {
    const { svg, tip } = setup(fixtureSnapshot({ down: [1] }))
    pointerMove(chip(svg, 'orders-0', 1))
    expect(tip.textContent).toContain('orders-0 on broker 1: offline or fenced')
    expect(tip.textContent).toContain(GLOSSARY.offline.definition)
    expect(tip.textContent).toContain('Broker 1 is offline.')
  })

  it("steps through a focused broker's chips with ↓ and ↑, and Escape hides", () => {
    const { svg, tip, hovered } = setup()
    const card = svg.querySelector('[data-broker="1"]') as SVGGElement
    card.focus()
    const down = key(card, 'ArrowDown')
    expect(down.defaultPrevented).toBe(true)
    expect(tip.hidden).toBe(false)
    const first = hovered.at(-1)
    expect(first).toMatch(/^orders-\d$/)
    expect(tip.textContent).toContain(`${first} on broker 1`)
    expect(tip.textContent).toContain('Replica 1 of 3.')
    expect(tip.getAttribute('aria-live')).toBe('polite')
    expect(card.getAttribute('aria-describedby')).toBe(tip.id)
    key(card, 'ArrowDown')
    expect(hovered.at(-1)).not.toBe(first)
    expect(tip.textContent).toContain('Replica 2 of 3.')
    key(card, 'ArrowUp')
    expect(hovered.at(-1)).toBe(first)
    key(card, 'End')
    expect(tip.textContent).toContain('Replica 3 of 3.')
    // ← and → stay the global Step shortcut.
    expect(key(card, 'ArrowRight').defaultPrevented).toBe(false)
    key(card, 'Escape')
    expect(tip.hidden).toBe(true)
    expect(card.hasAttribute('aria-describedby')).toBe(false)
    expect(hovered.at(-1)).toBeNull()
  })

  it('keeps the open definition current when the cluster changes under it', () => {
    const { svg, tip, state } = setup()
    pointerMove(chip(svg, 'orders-0', 1))
    expect(tip.textContent).toContain('orders-0 on broker 1: leader')
    state.snapshot = fixtureSnapshot({ down: [1] })
    draw(svg, state.snapshot)
    tooltip?.refresh()
    expect(tip.hidden).toBe(false)
    expect(tip.textContent).toContain('orders-0 on broker 1: offline or fenced')
    expect(tip.textContent).toContain('Leader: broker 2, leader epoch 1.')
  })

  it('hints at the keys when a broker card with chips gets keyboard focus', () => {
    const { svg, tip } = setup()
    const card = svg.querySelector('[data-broker="2"]') as SVGGElement
    // Focus after a key press is keyboard focus (:focus-visible); after a pointer press it is not.
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }))
    card.focus()
    expect(card.matches(':focus-visible')).toBe(true)
    expect(tip.hidden).toBe(false)
    expect(tip.textContent).toBe(keyboardHint())
    expect(card.getAttribute('aria-describedby')).toBe(tip.id)
    card.blur()
    expect(tip.hidden).toBe(true)
  })
})
