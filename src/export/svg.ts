/**
 * Standalone SVG text from a plain tree of elements with their computed styles inlined. The page
 * draws the topology with CSS classes and theme variables (`var(--leader)`...), which a file on
 * its own would lose; `svg-dom.ts` reads each element's computed colours into this tree, and the
 * string building here is pure so it is unit-tested without a browser.
 */
import { displayText } from '../scenario/safe-text'
import { type ExportFile, fileStem } from './files'

export const SVG_NS = 'http://www.w3.org/2000/svg'

export interface SvgElementNode {
  kind: 'element'
  tag: string
  /** Attributes in document order; `xmlns` and the computed styles are written by the serialiser. */
  attributes: [string, string][]
  /** Computed style properties to inline, e.g. ['fill', 'rgb(180, 83, 9)']. */
  style: [string, string][]
  children: SvgNode[]
}

export interface SvgTextNode {
  kind: 'text'
  text: string
}

export type SvgNode = SvgElementNode | SvgTextNode

export interface SvgDocumentOptions {
  width: number
  height: number
  /** A background colour painted under everything (the page's, so text stays readable). */
  background?: string
  /** A title for the file (shown by viewers, read by screen readers). */
  title?: string
}

/** Attributes that only make sense in the live page: focus order, event and styling hooks. */
const DROPPED_ATTRIBUTES = new Set(['style', 'tabindex', 'xmlns', 'contenteditable'])

/**
 * Text for an SVG file's character data or a double-quoted attribute. XML 1.0 (§2.2 Char) forbids
 * C0 controls other than tab, LF and CR, lone surrogates and U+FFFE/U+FFFF: one such character in
 * a zone name would make the whole file unreadable, so `displayText` shows them (and bidirectional
 * overrides and invisible characters) as `\u001b`-style escapes, as the page does.
 */
export function escapeXml(text: string): string {
  return displayText(text)
    .replace(/[\ufffe\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16)}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/**
 * Computed `url(...)` paint references come back absolute in some browsers
 * (`url("http://host/page#hatch")`); inside a standalone file only the fragment resolves.
 */
export function localUrl(value: string): string {
  return value.replace(/url\(\s*["']?[^"')#]*(#[^"')]+)["']?\s*\)/g, 'url($1)')
}

/**
 * The computed styles as SVG presentation attributes (`fill="..."`, every inlined property is
 * one), not as a `style="..."` attribute: the PNG export draws this text through an `<img>`,
 * whose SVG document inherits the page's Content-Security-Policy, and that policy refuses
 * inline style attributes (scripts/csp.mjs). A computed value replaces an attribute of the
 * same name.
 */
function styleAttributes(style: [string, string][]): string[] {
  return style.map(([property, value]) => ` ${property}="${escapeXml(localUrl(value))}"`)
}

function serializeNode(node: SvgNode): string {
  if (node.kind === 'text') return escapeXml(node.text)
  const attributes = node.attributes
    .filter(([name]) => !DROPPED_ATTRIBUTES.has(name) && !name.startsWith('on'))
    .filter(([name]) => !node.style.some(([property]) => property === name))
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
  attributes.push(...styleAttributes(node.style))
  const open = `<${node.tag}${attributes.join('')}`
  if (node.children.length === 0) return `${open}/>`
  return `${open}>${node.children.map(serializeNode).join('')}</${node.tag}>`
}

/**
 * The whole file: an `<svg>` root with namespace, size and viewBox, an optional title and
 * background, then the root node's children.
 *
 * @example
 * serializeSvg(tree, { width: 800, height: 600, background: 'rgb(248, 250, 252)' })
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600">...'
 */
export function serializeSvg(root: SvgElementNode, options: SvgDocumentOptions): string {
  const { width, height } = options
  const kept = root.attributes.filter(
    ([name]) => !['width', 'height', 'viewBox', 'xmlns', 'style', 'tabindex'].includes(name),
  )
  const viewBox =
    root.attributes.find(([name]) => name === 'viewBox')?.[1] ?? `0 0 ${width} ${height}`
  const rootNode: SvgElementNode = {
    ...root,
    attributes: [
      ['width', String(width)],
      ['height', String(height)],
      ['viewBox', viewBox],
      ...kept,
    ],
    children: [],
  }
  const head = serializeNode(rootNode)
    .replace(/\/>$/, '>')
    .replace('<svg', `<svg xmlns="${SVG_NS}"`)
  const title = options.title === undefined ? '' : `<title>${escapeXml(options.title)}</title>`
  const background =
    options.background === undefined
      ? ''
      : `<rect x="0" y="0" width="100%" height="100%" fill="${escapeXml(options.background)}"/>`
  const body = root.children.map(serializeNode).join('')
  return `${head}${title}${background}${body}</svg>\n`
}

export function svgFile(specName: string, svgText: string): ExportFile {
  return { name: `${fileStem(specName)}-topology.svg`, mime: 'image/svg+xml', data: svgText }
}
