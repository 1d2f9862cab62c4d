/**
 * The renderer's keyed joins in jsdom, in d3-selection's style: a second render with a new
 * snapshot updates the same elements in place (same nodes, new attributes), entering and exiting
 * only what changed; every interactive node gets a role, a tab stop and its accessible name.
 */
import { describe, expect, it } from 'vitest'
import { fixtureSnapshot, referenceSnapshot } from './fixtures'
import { heatPaths } from './render-brokers'
import { renderTopology } from './render-topology'
import type { SceneSelection } from './scene'
import { buildScene, createLayoutCache } from './scene'
import type { Snapshot } from '../engine/types'

const none: SceneSelection = {
  selectedPartition: null,
  hoveredPartition: null,
  focusTopic: null,
  focusBroker: null,
}

function draw(svg: SVGSVGElement, snapshot: Snapshot, selection = none, animate = false) {
  const scene = buildScene(snapshot, createLayoutCache()(snapshot, 1200, selection, 0), selection)
  renderTopology(svg, scene, { animate, mode: snapshot.mode })
}

function freshSvg(): SVGSVGElement {
  document.body.innerHTML = '<svg></svg>'
  const svg = document.querySelector('svg')
  if (svg === null) throw new Error('no svg')
  return svg
}

describe('renderTopology', () => {
  it('keeps broker, chip and zone elements across renders and updates them in place', () => {
    const svg = freshSvg()
    draw(svg, fixtureSnapshot())
    const broker1 = svg.querySelector('[data-broker="1"]')
    const chip = svg.querySelector('g.chip[data-partition="orders-0"]')
    const zone = svg.querySelector('[data-zone="use1-az1"]')
    expect(broker1?.getAttribute('aria-label')).toMatch(/^Broker 1, zone use1-az1, online/)
    draw(svg, fixtureSnapshot({ down: [1] }))
    expect(svg.querySelector('[data-broker="1"]')).toBe(broker1)
    expect(svg.querySelector('g.chip[data-partition="orders-0"]')).toBe(chip)
    expect(svg.querySelector('[data-zone="use1-az1"]')).toBe(zone)
    expect(broker1?.getAttribute('aria-label')).toMatch(/^Broker 1, zone use1-az1, offline/)
    expect(broker1?.getAttribute('class')).toContain('state-offline')
    expect(svg.querySelectorAll('g.broker')).toHaveLength(6)
    expect(svg.querySelectorAll('g.chip')).toHaveLength(18)
  })

  it('resizes a kept card when a broker switches between aggregated and detailed', () => {
    const svg = freshSvg()
    const big = fixtureSnapshot({ topics: [{ name: 't', partitions: 300, replicationFactor: 3 }] })
    draw(svg, big)
    const card = svg.querySelector('[data-broker="2"] rect.card')
    const before = Number(card?.getAttribute('height'))
    draw(svg, big, { ...none, focusBroker: 2 })
    expect(svg.querySelector('[data-broker="2"] rect.card')).toBe(card)
    expect(Number(card?.getAttribute('height'))).toBeGreaterThan(before)
    expect(svg.querySelectorAll('g.chip')).toHaveLength(150)
  })

  it('changes chip shape and role with the replica state', () => {
    const svg = freshSvg()
    draw(svg, fixtureSnapshot())
    const chipOn1 = () =>
      Array.from(svg.querySelectorAll('g.chip[data-partition="orders-0"]')).find((el) =>
        el.getAttribute('class')?.includes('role-leader'),
      )
    const leaderChip = chipOn1()
    const shapeBefore = leaderChip?.querySelector('path')?.getAttribute('d')
    draw(svg, fixtureSnapshot({ down: [1] }))
    expect(leaderChip?.getAttribute('data-role')).toBe('offline')
    expect(leaderChip?.querySelector('path')?.getAttribute('d')).not.toBe(shapeBefore)
    expect(chipOn1()).not.toBe(leaderChip)
  })

  it('exits chips that leave the screen and enters new ones', () => {
    const svg = freshSvg()
    draw(svg, fixtureSnapshot())
    const kept = svg.querySelector('g.chip[data-partition="orders-1"]')
    draw(
      svg,
      fixtureSnapshot({ topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }] }),
    )
    expect(svg.querySelectorAll('g.chip')).toHaveLength(9)
    expect(svg.querySelector('g.chip[data-partition="orders-5"]')).toBeNull()
    expect(svg.querySelector('g.chip[data-partition="orders-1"]')).toBe(kept)
  })

  it('makes brokers, zones and controllers focusable buttons with names', () => {
    const svg = freshSvg()
    draw(svg, fixtureSnapshot())
    const buttons = Array.from(svg.querySelectorAll('[role="button"]'))
    const names = buttons.map((el) => el.getAttribute('aria-label') ?? '')
    expect(names.filter((n) => n.startsWith('Broker '))).toHaveLength(6)
    expect(names.filter((n) => n.startsWith('Zone '))).toHaveLength(3)
    expect(names.filter((n) => n.startsWith('Controller '))).toHaveLength(3)
    expect(buttons.every((el) => el.getAttribute('tabindex') === '0')).toBe(true)
  })

  it('draws flows for the selected partition with arrows and no duplicates on redraw', () => {
    const svg = freshSvg()
    const selection = { ...none, selectedPartition: 'orders-0' }
    draw(svg, fixtureSnapshot(), selection)
    draw(svg, fixtureSnapshot(), selection)
    const focus = svg.querySelectorAll('path.flow.focus')
    expect(focus).toHaveLength(2)
    expect(focus[0]?.getAttribute('marker-end')).toBe('url(#flow-arrow)')
    expect(svg.querySelectorAll('defs')).toHaveLength(1)
  })

  it("draws an aggregated card's heat strip as one path per distinct cell value", () => {
    const svg = freshSvg()
    const big = referenceSnapshot([5])
    const selection = none
    const scene = buildScene(big, createLayoutCache()(big, 1400, selection, 0), selection)
    renderTopology(svg, scene, { animate: false, mode: big.mode })
    const card = scene.brokers.find((b) => b.id === 5)
    if (card === undefined) throw new Error('no broker 5')
    const paths = heatPaths({ ...card, heat: [0, 0.5, 0, 1, 0.5] })
    expect(paths.map((p) => [p.value, p.d.split('M').length - 1])).toEqual([
      [0, 2],
      [0.5, 2],
      [1, 1],
    ])
    const drawn = svg.querySelectorAll('[data-broker="5"] g.heat path')
    expect(drawn).toHaveLength(1)
    expect(drawn[0]?.getAttribute('class')).toBe('heat-cell hot')
    expect(drawn[0]?.getAttribute('d')?.split('M')).toHaveLength(card.heat.length + 1)
  })
})
