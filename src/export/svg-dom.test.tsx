/**
 * The DOM half of the SVG export in jsdom: `svgTree` records attributes, text and the computed
 * theme properties (stubbed, since jsdom does not cascade SVG presentation styles), skipping
 * values equal to the SVG defaults; `exportSvgElement` wraps it with the page background.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { exportSvgElement, svgSize, svgTree } from './svg-dom'

afterEach(() => {
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

function mount(markup: string): SVGSVGElement {
  document.body.innerHTML = markup
  return document.querySelector('svg')!
}

const THEME: Record<string, Record<string, string>> = {
  card: { fill: 'rgb(255, 255, 255)', stroke: 'rgb(148, 163, 184)', opacity: '1' },
  label: { fill: 'rgb(15, 23, 42)', 'font-size': '12px', 'text-anchor': 'start' },
}

function computed(element: Element) {
  const values = THEME[element.getAttribute('class') ?? ''] ?? {}
  return { getPropertyValue: (property: string) => values[property] ?? '' }
}

describe('svgTree', () => {
  it('walks elements and text, inlining non-default computed properties', () => {
    const svg = mount(
      '<svg width="200" height="100" class="topology"><g><rect class="card" width="10"/>' +
        '<text class="label">Broker 1</text></g></svg>',
    )
    const tree = svgTree(svg, computed)
    const g = tree.children[0]
    expect(g?.kind === 'element' && g.tag).toBe('g')
    if (g?.kind !== 'element') return
    const [rect, text] = g.children
    expect(rect).toEqual({
      kind: 'element',
      tag: 'rect',
      attributes: [
        ['class', 'card'],
        ['width', '10'],
      ],
      style: [
        ['fill', 'rgb(255, 255, 255)'],
        ['stroke', 'rgb(148, 163, 184)'],
      ],
      children: [],
    })
    expect(text).toMatchObject({
      style: [
        ['fill', 'rgb(15, 23, 42)'],
        ['font-size', '12px'],
      ],
      children: [{ kind: 'text', text: 'Broker 1' }],
    })
  })

  it('reads the size from the attributes', () => {
    expect(svgSize(mount('<svg width="320" height="90"></svg>'))).toEqual({
      width: 320,
      height: 90,
    })
  })
})

describe('exportSvgElement', () => {
  it('produces standalone SVG text with the page background and a title', () => {
    document.body.style.backgroundColor = 'rgb(248, 250, 252)'
    const svg = mount('<svg width="40" height="30"><circle r="3"/></svg>')
    const text = exportSvgElement(svg, 'Cluster topology')
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"')).toBe(
      true,
    )
    expect(text).toContain('<title>Cluster topology</title>')
    expect(text).toContain('fill="rgb(248, 250, 252)"')
    expect(text).toContain('<circle r="3"')
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml')
    expect(parsed.querySelector('parsererror')).toBeNull()
    expect(parsed.documentElement.tagName).toBe('svg')
  })
})
