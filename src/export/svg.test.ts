/**
 * The SVG export's string building (`serializeSvg`, escaping, url() rewriting) on hand-built
 * trees, and the DOM walker (`svgTree`) on a jsdom-free fake: an element tree with a stubbed
 * computed-style function, so the test runs in node.
 */
import { describe, expect, it } from 'vitest'
import { canvasSize, PNG_SIGNATURE, svgDataUrl } from './png'
import { escapeXml, localUrl, serializeSvg, type SvgElementNode } from './svg'
import { INLINED_PROPERTIES } from './svg-dom'

function el(
  tag: string,
  attributes: [string, string][] = [],
  style: [string, string][] = [],
  children: SvgElementNode['children'] = [],
): SvgElementNode {
  return { kind: 'element', tag, attributes, style, children }
}

describe('serializeSvg', () => {
  const tree = el(
    'svg',
    [
      ['class', 'topology block'],
      ['role', 'group'],
      ['aria-label', 'Cluster topology'],
      ['width', '640'],
      ['tabindex', '0'],
    ],
    [],
    [
      el('defs', [], [], [el('pattern', [['id', 'hatch']])]),
      el(
        'g',
        [
          ['class', 'broker state-offline'],
          ['onclick', 'alert(1)'],
        ],
        [
          ['fill', 'url("http://localhost:4173/#hatch")'],
          ['stroke', 'rgb(100, 116, 139)'],
        ],
        [
          el(
            'text',
            [['x', '4']],
            [['font-size', '12px']],
            [{ kind: 'text', text: 'Broker 1 <offline> & "fenced"' }],
          ),
        ],
      ),
    ],
  )
  const text = serializeSvg(tree, {
    width: 640,
    height: 480,
    background: 'rgb(248, 250, 252)',
    title: 'T & c',
  })

  it('starts with <svg and the SVG namespace, size and viewBox', () => {
    expect(
      text.startsWith(
        '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480" viewBox="0 0 640 480"',
      ),
    ).toBe(true)
    expect(text.trimEnd().endsWith('</svg>')).toBe(true)
  })

  it('keeps labels and classes, drops tabindex and handlers', () => {
    expect(text).toContain('aria-label="Cluster topology"')
    expect(text).toContain('class="broker state-offline"')
    expect(text).not.toContain('tabindex')
    expect(text).not.toContain('onclick')
  })

  it('inlines computed styles as presentation attributes with local url() references', () => {
    expect(text).toContain('fill="url(#hatch)" stroke="rgb(100, 116, 139)"')
    expect(text).toContain('<text x="4" font-size="12px">')
  })

  it("writes no style attribute, which the build's Content-Security-Policy would refuse", () => {
    expect(text).not.toContain('style=')
  })

  it('lets a computed value replace an attribute of the same name (a theme variable)', () => {
    const circle = el('circle', [['fill', 'var(--leader)']], [['fill', 'rgb(180, 83, 9)']])
    const out = serializeSvg(el('svg', [], [], [circle]), { width: 10, height: 10 })
    expect(out).toContain('<circle fill="rgb(180, 83, 9)"/>')
  })

  it('escapes text, writes the title and the background first', () => {
    expect(text).toContain('Broker 1 &lt;offline&gt; &amp; &quot;fenced&quot;')
    expect(text).toContain(
      '<title>T &amp; c</title><rect x="0" y="0" width="100%" height="100%" fill="rgb(248, 250, 252)"/><defs>',
    )
  })

  it('is well-formed: every opened tag closes', () => {
    const opened = [...text.matchAll(/<([a-zA-Z]+)[^>]*?(\/?)>/g)].filter(
      (m) => m[2] !== '/',
    ).length
    const closed = [...text.matchAll(/<\/[a-zA-Z]+>/g)].length
    expect(opened).toBe(closed)
  })

  it('keeps an existing viewBox', () => {
    const svg = serializeSvg(el('svg', [['viewBox', '0 0 10 10']]), { width: 20, height: 20 })
    expect(svg).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" viewBox="0 0 10 10"></svg>\n',
    )
  })
})

describe('helpers', () => {
  it('escapes XML', () => {
    expect(escapeXml(`<a href="x">&</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;')
  })

  it.each([
    ['url("#hatch")', 'url(#hatch)'],
    ["url('http://h/p?q=1#flow-arrow')", 'url(#flow-arrow)'],
    ['url(#a) url("x#b")', 'url(#a) url(#b)'],
    ['rgb(0, 0, 0)', 'rgb(0, 0, 0)'],
  ])('localUrl(%j) = %j', (value, expected) => {
    expect(localUrl(value)).toBe(expected)
  })

  it('inlines the theme-carrying properties', () => {
    expect(INLINED_PROPERTIES).toEqual(
      expect.arrayContaining(['fill', 'stroke', 'opacity', 'font-size']),
    )
  })

  it('caps the PNG canvas and percent-encodes the data URL', () => {
    expect(canvasSize(800, 600, 2)).toEqual({ width: 1600, height: 1200, scale: 2 })
    const big = canvasSize(8000, 8000, 2)
    expect(big.width * big.height).toBeLessThanOrEqual(16_000_000)
    expect(svgDataUrl('<svg>#</svg>')).toBe(
      'data:image/svg+xml;charset=utf-8,%3Csvg%3E%23%3C%2Fsvg%3E',
    )
    expect(PNG_SIGNATURE).toEqual([137, 80, 78, 71, 13, 10, 26, 10])
  })
})
