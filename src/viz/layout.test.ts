/**
 * The layout is a pure, deterministic grid: zones are columns in order, cards stay inside their
 * zone, chips inside their card, nothing overlaps, positions do not depend on state, and large
 * clusters get compact chips or aggregated cards.
 */
import { describe, expect, it } from 'vitest'
import type { Box, LayoutInput } from './layout'
import { LAYOUT, computeLayout } from './layout'

function input(overrides: Partial<LayoutInput> = {}): LayoutInput {
  const zones = ['az1', 'az2', 'az3']
  const brokers = [1, 2, 3, 4, 5, 6].map((id) => ({ id, zone: zones[(id - 1) % 3] ?? 'az1' }))
  const replicas = new Map(
    brokers.map((b) => [b.id, [0, 1, 2].map((j) => `orders-${(b.id + j) % 6}`)]),
  )
  return {
    width: 1200,
    zones,
    brokers,
    controllers: zones.map((zone, i) => ({ id: 1001 + i, zone })),
    replicas,
    detailed: 'all',
    ...overrides,
  }
}

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width + 0.001 &&
    inner.y + inner.height <= outer.y + outer.height + 0.001
  )
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

describe('computeLayout', () => {
  it('places zones as equal columns, left to right, filling the width', () => {
    const layout = computeLayout(input())
    expect(layout.zones.map((z) => z.name)).toEqual(['az1', 'az2', 'az3'])
    const [a, b, c] = layout.zones
    expect(a && b && c && a.x < b.x && b.x < c.x).toBe(true)
    expect(new Set(layout.zones.map((z) => z.width)).size).toBe(1)
    expect(new Set(layout.zones.map((z) => z.height)).size).toBe(1)
    expect(layout.width).toBe(1200)
  })

  it('keeps every broker and controller inside its zone and cards apart', () => {
    const layout = computeLayout(input())
    for (const box of [...layout.brokers, ...layout.controllers]) {
      const zone = layout.zones.find((z) => z.name === box.zone)
      expect(zone && inside(box, zone)).toBe(true)
    }
    layout.brokers.forEach((a, i) =>
      layout.brokers.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)),
    )
  })

  it('puts one labelled chip per replica inside its broker card', () => {
    const layout = computeLayout(input())
    expect(layout.chipStyle).toBe('labelled')
    expect(layout.chips).toHaveLength(18)
    for (const chip of layout.chips) {
      const card = layout.brokers.find((b) => b.id === chip.broker)
      const box = { x: chip.x, y: chip.y, width: layout.chipWidth, height: layout.chipHeight }
      expect(card && inside(box, card)).toBe(true)
    }
    expect(new Set(layout.chips.map((c) => c.key)).size).toBe(18)
  })

  it('is deterministic', () => {
    expect(computeLayout(input())).toEqual(computeLayout(input()))
  })

  it('stacks the zones on a narrow screen (a phone), each the full width, none sideways', () => {
    const layout = computeLayout(input({ width: 366 }))
    expect(layout.width).toBe(366)
    const [a, b, c] = layout.zones
    for (const zone of layout.zones) {
      expect(zone.x).toBe(LAYOUT.margin)
      expect(zone.width).toBe(366 - 2 * LAYOUT.margin)
    }
    expect(b!.y).toBeGreaterThanOrEqual(a!.y + a!.height + LAYOUT.zoneGap)
    expect(c!.y).toBeGreaterThanOrEqual(b!.y + b!.height + LAYOUT.zoneGap)
    expect(layout.height).toBeGreaterThanOrEqual(c!.y + c!.height)
    for (const broker of layout.brokers) {
      const zone = layout.zones.find((z) => z.name === broker.zone)!
      expect(inside(broker, zone)).toBe(true)
    }
    // Wide enough for three columns of minZoneWidth: side by side as before.
    const wide = computeLayout(
      input({ width: 3 * LAYOUT.minZoneWidth + 2 * LAYOUT.zoneGap + 2 * LAYOUT.margin }),
    )
    expect(new Set(wide.zones.map((z) => z.y)).size).toBe(1)
  })

  it('switches to compact chips when a broker holds many replicas', () => {
    const many = new Map([[1, Array.from({ length: 200 }, (_, i) => `t-${i}`)]])
    const layout = computeLayout(input({ replicas: many }))
    expect(layout.chipStyle).toBe('compact')
    expect(layout.chips).toHaveLength(200)
  })

  it('draws aggregated cards in a grid and details only the drilled-into broker', () => {
    const zones = ['az1', 'az2', 'az3']
    const brokers = Array.from({ length: 90 }, (_, i) => ({ id: i + 1, zone: zones[i % 3] ?? '' }))
    const replicas = new Map(
      brokers.map((b) => [b.id, Array.from({ length: 333 }, (_, j) => `t-${b.id}-${j}`)]),
    )
    const layout = computeLayout(input({ width: 1400, brokers, replicas, detailed: new Set([4]) }))
    expect(layout.brokers.filter((b) => b.detailed).map((b) => b.id)).toEqual([4])
    expect(layout.chips).toHaveLength(333)
    expect(layout.chipStyle).toBe('compact')
    const rowY = new Set(
      layout.brokers.filter((b) => b.zone === 'az2' && !b.detailed).map((b) => b.y),
    )
    expect(rowY.size).toBeLessThan(30)
    layout.brokers.forEach((a, i) =>
      layout.brokers.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)),
    )
  })
  it('puts clients in a band above the zones: producers left, consumers right, none overlapping', () => {
    const without = computeLayout(input())
    const layout = computeLayout(
      input({
        clients: [
          { id: 'p1', kind: 'producer' },
          { id: 'p2', kind: 'producer' },
          { id: 'c1', kind: 'consumer' },
        ],
      }),
    )
    expect(without.clients).toEqual([])
    expect(layout.clients.map((c) => c.id)).toEqual(['p1', 'p2', 'c1'])
    const [p1, p2, c1] = layout.clients
    expect(p1 && p2 && c1 && p1.x < p2.x && p2.x + p2.width < c1.x).toBe(true)
    expect(c1 && c1.x + c1.width).toBe(1200 - LAYOUT.margin)
    const top = Math.min(...layout.zones.map((z) => z.y))
    for (const c of layout.clients) expect(c.y + c.height).toBeLessThan(top)
    // The band shifts the zones down and adds its height; nothing else changes.
    const band = LAYOUT.clientHeight + LAYOUT.clientBandGap
    expect(layout.height).toBe(without.height + band)
    expect(layout.brokers.map((b) => b.y - band)).toEqual(without.brokers.map((b) => b.y))
  })
})
