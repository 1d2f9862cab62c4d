/**
 * The DOM half of the SVG export, kept thin: walk a live `<svg>` and record, per element, its
 * attributes and the computed values of the properties that carry the theme (fills, strokes,
 * opacity, fonts). `serializeSvg` turns the tree into text.
 */
import { serializeSvg, type SvgElementNode, type SvgNode } from './svg'

/** Presentation properties worth inlining; everything else keeps its SVG default. */
export const INLINED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const

/** Values that equal the SVG defaults, so inlining them would only add bytes. */
const DEFAULTS: Record<string, string> = {
  'fill-opacity': '1',
  'stroke-opacity': '1',
  opacity: '1',
  'stroke-dasharray': 'none',
  visibility: 'visible',
  'dominant-baseline': 'auto',
  'text-anchor': 'start',
}

type ComputedStyleOf = (element: Element) => Pick<CSSStyleDeclaration, 'getPropertyValue'>

function inlinedStyle(element: Element, computed: ComputedStyleOf): [string, string][] {
  const style = computed(element)
  const pairs: [string, string][] = []
  for (const property of INLINED_PROPERTIES) {
    const value = style.getPropertyValue(property).trim()
    if (value === '' || DEFAULTS[property] === value) continue
    if (property === 'display' && value !== 'none') continue
    pairs.push([property, value])
  }
  return pairs
}

/** The element and its descendants as a plain tree, with computed styles from `computed`. */
export function svgTree(element: Element, computed: ComputedStyleOf): SvgElementNode {
  const children: SvgNode[] = []
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === 3) children.push({ kind: 'text', text: child.textContent ?? '' })
    else if (child.nodeType === 1) children.push(svgTree(child as Element, computed))
  }
  return {
    kind: 'element',
    tag: element.tagName,
    attributes: Array.from(element.attributes, (a) => [a.name, a.value] as [string, string]),
    style: inlinedStyle(element, computed),
    children,
  }
}

/** The size the element is drawn at: its width/height attributes, else its box. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const width = Number(svg.getAttribute('width'))
  const height = Number(svg.getAttribute('height'))
  if (width > 0 && height > 0) return { width, height }
  const box = svg.getBoundingClientRect()
  return { width: Math.max(1, Math.round(box.width)), height: Math.max(1, Math.round(box.height)) }
}

/**
 * A standalone SVG of a live element, with the page's theme colours inlined and the page's
 * background behind it.
 *
 * @example
 * const text = exportSvgElement(document.querySelector('svg.topology')!, 'Cluster topology')
 */
export function exportSvgElement(svg: SVGSVGElement, title?: string): string {
  const view = svg.ownerDocument.defaultView
  if (view === null) throw new Error('The SVG element is not in a document with a window')
  const computed: ComputedStyleOf = (element) => view.getComputedStyle(element)
  const background = view.getComputedStyle(svg.ownerDocument.body).backgroundColor
  return serializeSvg(svgTree(svg, computed), {
    ...svgSize(svg),
    ...(background === '' || background === 'rgba(0, 0, 0, 0)' ? {} : { background }),
    ...(title === undefined ? {} : { title }),
  })
}
