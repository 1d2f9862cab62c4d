// @vitest-environment jsdom
/**
 * Every export of the page with hostile text in every user-supplied field (issue 18, "User text
 * is never markup"): the scenario's name and description, zone names, topic names, client ids
 * and a fault naming a zone. The specs are built directly, not read, so the payloads reach the
 * exporters even where the scenario reader refuses them: this is the second line of defence, for
 * imports and anything else that does not pass the reader.
 *
 * - The Markdown review has exactly the structure the same scenario with plain names has: the
 *   same headings, table shapes and emphasis, no tag, comment, link or autolink; each payload
 *   renders as its text.
 * - The SVG is well-formed XML whose text is the payload's.
 * - The scenario JSON parses back to the same values; the CSV keeps its columns.
 * - None carries a raw control, bidirectional or invisible character.
 */
import { describe, expect, it } from 'vitest'
import { analyze } from '../analysis/index'
import { consumer, producer, recommendedSpec } from '../analysis/test-helpers'
import { createSimulation } from '../engine/index'
import type { SimulationSpec } from '../engine/spec'
import { displayText, markdownText, terminalText } from '../scenario/safe-text'
import { HOSTILE_PAYLOADS, rawUnsafe } from '../test-support/hostile-text'
import { scanMarkdown, type ScannedLine } from '../test-support/markdown-scan'
import { metricsToCsv } from './metrics-csv'
import { reviewMarkdown } from './review-markdown'
import { scenarioJsonFile } from './scenario-json'
import { serializeSvg } from './svg'

const SHARE_URL = 'https://lab.example/#scenario=abc&t=20000'

/** The recommended layout with `word(k)` as its name, zone, topic and client names. */
function specWith(word: (k: string) => string, description: string): SimulationSpec {
  const base = recommendedSpec()
  const zone = (z: string) => word(`zone ${z}`)
  const topic = word('topic')
  return {
    ...base,
    name: word('name'),
    description,
    cluster: {
      ...base.cluster,
      zones: base.cluster.zones.map(zone),
      brokers: base.cluster.brokers.map((b) => ({ ...b, zone: zone(b.zone) })),
      controllers: base.cluster.controllers.map((c) => ({ ...c, zone: zone(c.zone) })),
    },
    topics: base.topics.map((t) => ({ ...t, name: topic })),
    clients: [
      producer(word('producer'), topic, { acks: 1 }),
      consumer(word('consumer'), topic, [1, 2, 3]),
    ],
    faults: [{ atMs: 5_000, type: 'stopZone', zone: zone('use1-az1') }],
  }
}

/** A payload in field `k`: the payload itself, made unique per field. */
const hostile = (payload: string) => (k: string) => `${payload} ${k}`
/** The same shape with harmless text: every character but a line break becomes `x`. */
const harmless = (payload: string) => payload.replace(/[^\r\n\u2028\u2029\u0085]/g, 'x')
const plain = (payload: string) => (k: string) => `${harmless(payload)} ${k}`

function review(spec: SimulationSpec): string {
  const sim = createSimulation(spec)
  sim.runUntil(20_000)
  return reviewMarkdown({
    spec,
    snapshot: sim.snapshot(),
    metricsSeries: sim.metricsSeries(),
    faults: sim.faults(),
    events: sim.events(),
    shareUrl: SHARE_URL,
    analysis: analyze(spec, { clientRuns: false }),
  })
}

/** What a line means structurally, independent of the words in it. */
function shape(line: ScannedLine): string {
  return JSON.stringify({
    heading: line.heading !== null,
    cells: line.cells,
    emphasis: line.emphasis,
    live: line.live.length,
    blank: line.raw.trim() === '',
  })
}

const shareLine = `Reopen this run at the same moment: <${SHARE_URL}>`

describe.each(HOSTILE_PAYLOADS.map((p) => [JSON.stringify(p), p]))(
  'exports with %s in every user field',
  (_shown, payload) => {
    const description = `Intro.\n${payload}\nOutro.`
    const spec = specWith(hostile(payload), description)

    it('Markdown review: same structure as with plain names, payload rendered as text', () => {
      const md = review(spec)
      const baseline = review(
        specWith(plain(payload), description.replace(payload, harmless(payload))),
      )
      expect(rawUnsafe(md)).toEqual([])
      const lines = scanMarkdown(md)
      const baseLines = scanMarkdown(baseline)
      expect(lines.map((l) => l.raw)).toContain(shareLine)
      const body = lines.filter((l) => l.raw !== shareLine)
      for (const line of body) expect(line.live, line.raw).toEqual([])
      // Same headings in the same order, and the same multiset of line shapes.
      const headings = (ls: ScannedLine[]) =>
        ls.filter((l) => l.heading !== null).map((l) => l.heading)
      expect(headings(lines)).toEqual([
        `Design review: ${markdownText(spec.name)}`,
        ...headings(baseLines).slice(1),
      ])
      expect(lines.filter((l) => l.raw === '## Verdict')).toHaveLength(1)
      expect(lines.map(shape).sort()).toEqual(baseLines.map(shape).sort())
      // The payload shows as its text: in the heading, the zones line and a table cell.
      const rendered = lines.map((l) => l.rendered)
      const inline = (k: string) => terminalText(hostile(payload)(k).replace(/\r\n|[\r\n\t]/g, ' '))
      expect(rendered).toContain(`# Design review: ${inline('name')}`)
      expect(rendered.join('\n')).toContain(inline('zone use1-az1'))
      expect(rendered.some((r) => r.startsWith(`| ${inline('topic')} | 6 | 3 |`))).toBe(true)
      expect(
        rendered.some((r) => r.startsWith(`| ${inline('producer')} | ${inline('topic')} |`)),
      ).toBe(true)
    })

    it('SVG: well-formed XML with the payload as text', () => {
      const svg = serializeSvg(
        {
          kind: 'element',
          tag: 'svg',
          attributes: [],
          style: [],
          children: [
            {
              kind: 'element',
              tag: 'text',
              attributes: [['aria-label', payload]],
              style: [],
              children: [{ kind: 'text', text: payload }],
            },
          ],
        },
        { width: 10, height: 10, title: payload },
      )
      expect(rawUnsafe(svg)).toEqual([])
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
      expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
      const elements = [...doc.getElementsByTagName('*')].map((e) => e.tagName)
      expect(elements).toEqual(['svg', 'title', 'text'])
      const text = doc.getElementsByTagName('text')[0]!
      expect(text.textContent).toBe(displayText(payload).replace(/\r\n?/g, '\n'))
    })

    it('scenario JSON: parses back to the same values, with no raw unsafe character', () => {
      const data = scenarioJsonFile(spec).data as string
      expect(rawUnsafe(data)).toEqual([])
      const parsed = JSON.parse(data) as Record<string, unknown>
      expect(parsed['name']).toBe(spec.name)
      expect(parsed['description']).toBe(spec.description)
      expect(JSON.stringify(parsed)).toContain(JSON.stringify(spec.cluster.zones[0]))
    })

    it('CSV: every row keeps its columns', () => {
      const sim = createSimulation(spec)
      sim.runUntil(1_000)
      const series = sim.metricsSeries()
      const sample = { ...series[0]!, LeaderCount: { [payload]: 1, '2': 0 } }
      const csv = metricsToCsv([sample])
      const rows = parseCsv(csv)
      expect(rows).toHaveLength(2)
      expect(rows[1]).toHaveLength(rows[0]!.length)
      expect(rows[0]).toContain(`LeaderCount.broker${payload}`)
    })
  },
)

/** RFC 4180 as spreadsheets read it: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"'
      i++
    } else if (ch === '"') quoted = !quoted
    else if (quoted || (ch !== ',' && ch !== '\n')) field += ch
    else {
      row.push(field)
      field = ''
      if (ch === '\n') {
        rows.push(row)
        row = []
      }
    }
  }
  return rows
}
