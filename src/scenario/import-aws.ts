/**
 * Broker zones from the AWS CLI: `aws kafka list-nodes --cluster-arn …` names each broker's
 * client subnet (`NodeInfoList[].BrokerNodeInfo.BrokerId` and `.ClientSubnet`), and
 * `aws ec2 describe-subnets --subnet-ids …` names each subnet's zone (`Subnets[].SubnetId`,
 * `.AvailabilityZoneId`, `.AvailabilityZone`). The zone is the Availability Zone ID
 * (use1-az1), which is what MSK sets as `broker.rack`; the zone name (us-east-1a) is used only
 * when a subnet has no ID, with a warning, since zone names map to different zones in different
 * AWS accounts.
 *
 * Both documents may come in one text, one after the other, as when both outputs are pasted
 * into one box. Paths are `<root>, list-nodes NodeInfoList[2].BrokerNodeInfo.ClientSubnet` or
 * `<root>, describe-subnets Subnets[0].SubnetId`; JSON syntax errors give the line in the text.
 */
import type { BrokerId, ZoneName } from '../engine/spec'
import { MAX_INT32 } from './fields'
import { parseJson } from './json'
import { at, describeValue, isRecord, movedProblem, note, quote } from './text'
import type { Problem } from './types'

export type AwsZonesResult =
  | { ok: true; zoneByBroker: Map<BrokerId, ZoneName>; warnings: Problem[] }
  | { ok: false; problems: Problem[] }

const ZONE = /^[^\s,;=]{1,1000}$/

interface Doc {
  text: string
  /** The 1-based line of the text the document starts on. */
  line: number
}

/** Whether a text holds list-nodes or describe-subnets JSON. */
export function looksLikeAwsJson(text: string): boolean {
  return text.trimStart().startsWith('{') && /"(NodeInfoList|Subnets)"\s*:/.test(text)
}

/**
 * The top-level JSON documents of a text, split where the braces balance (strings respected).
 * Whatever is not inside braces is ignored.
 */
export function jsonDocuments(text: string): Doc[] {
  const docs: Doc[] = []
  let depth = 0
  let start = -1
  let inString = false
  let line = 1
  let startLine = 1
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\n') line++
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
      continue
    }
    if (c === '"' && depth > 0) inString = true
    else if (c === '{' || c === '[') {
      if (depth === 0) {
        start = i
        startLine = line
      }
      depth++
    } else if ((c === '}' || c === ']') && depth > 0) {
      depth--
      if (depth === 0) docs.push({ text: text.slice(start, i + 1), line: startLine })
    }
  }
  if (depth > 0 && start >= 0) docs.push({ text: text.slice(start), line: startLine })
  return docs
}

/** A JSON syntax problem's `line N` moved to the document's place in the whole text. */
function shifted(problem: Problem, doc: Doc, root: string): Problem {
  const match = /^line (\d+)(.*)$/.exec(problem.path)
  const path = match === null ? problem.path : `line ${Number(match[1]) + doc.line - 1}${match[2]}`
  return movedProblem(problem, `${root}, ${path}`)
}

interface Node {
  id: BrokerId
  subnet: string
  path: string
}

/**
 * Reads list-nodes and describe-subnets JSON (in `text`, or describe-subnets in `subnetsText`).
 *
 * @example
 * zonesFromAws(listNodesJson + describeSubnetsJson).zoneByBroker.get(1) // 'use1-az1'
 */
export function zonesFromAws(
  text: string,
  subnetsText?: string,
  root = 'zoneMap',
  subnetsRoot = 'subnets',
): AwsZonesResult {
  const problems: Problem[] = []
  const warnings: Problem[] = []
  let nodes: { value: Record<string, unknown>; path: string } | null = null
  const subnets: { value: Record<string, unknown>; path: string }[] = []
  const sources: [string, string][] = [[text, root]]
  if (subnetsText !== undefined) sources.push([subnetsText, subnetsRoot])
  for (const [source, base] of sources) {
    const docs = jsonDocuments(source)
    if (docs.length === 0 && source.trim() !== '')
      problems.push(note(base, 'holds no JSON object; paste the JSON the AWS CLI prints'))
    for (const doc of docs) {
      const json = parseJson(doc.text)
      if (!json.ok) {
        problems.push(...json.problems.map((p) => shifted(p, doc, base)))
        continue
      }
      const value = json.value
      if (isRecord(value) && 'NodeInfoList' in value) {
        if (nodes !== null) {
          problems.push(note(`${base}, line ${doc.line}`, 'a second list-nodes output; paste one'))
          continue
        }
        nodes = { value, path: `${base}, list-nodes` }
      } else if (isRecord(value) && 'Subnets' in value) {
        subnets.push({ value, path: `${base}, describe-subnets` })
      } else {
        problems.push(
          note(
            `${base}, line ${doc.line}`,
            'is neither aws kafka list-nodes output (NodeInfoList) nor aws ec2 describe-subnets output (Subnets)',
          ),
        )
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems }
  if (nodes === null) {
    return {
      ok: false,
      problems: [
        note(
          root,
          "has describe-subnets output but no aws kafka list-nodes output; paste that too (it names each broker's subnet)",
        ),
      ],
    }
  }
  const brokers = readNodes(nodes.value, nodes.path, problems, warnings)
  const zoneBySubnet = readSubnets(subnets, problems, warnings)
  if (problems.length > 0) return { ok: false, problems }
  const missing = [...new Set(brokers.map((b) => b.subnet))].filter((s) => !zoneBySubnet.has(s))
  if (subnets.length === 0 || missing.length > 0) {
    const ids = subnets.length === 0 ? [...new Set(brokers.map((b) => b.subnet))] : missing
    return {
      ok: false,
      problems: [
        note(
          subnets.length === 0 ? root : brokers.find((b) => b.subnet === ids[0])!.path,
          `list-nodes names the brokers' client subnets but not their zones: ${subnets.length === 0 ? 'paste' : `no subnet ${ids.join(', ')} in`} the output of aws ec2 describe-subnets --subnet-ids ${ids.join(' ')}`,
        ),
      ],
    }
  }
  const zoneByBroker = new Map<BrokerId, ZoneName>()
  for (const b of brokers) zoneByBroker.set(b.id, zoneBySubnet.get(b.subnet)!)
  return { ok: true, zoneByBroker, warnings }
}

function readNodes(
  root: Record<string, unknown>,
  path: string,
  problems: Problem[],
  warnings: Problem[],
): Node[] {
  const list = root['NodeInfoList']
  if (!Array.isArray(list)) {
    problems.push(note(`${path} NodeInfoList`, `must be a list (got ${describeValue(list)})`))
    return []
  }
  if (typeof root['NextToken'] === 'string' && root['NextToken'] !== '') {
    warnings.push(
      note(
        `${path} NextToken`,
        'the output is one page of several; brokers on the other pages are missing (run without --max-items, or with --no-paginate off)',
      ),
    )
  }
  const nodes: Node[] = []
  const seen = new Map<BrokerId, string>()
  let others = 0
  list.forEach((item: unknown, i) => {
    const info = isRecord(item) ? item['BrokerNodeInfo'] : undefined
    const base = `${path} ${at('NodeInfoList', i, 'BrokerNodeInfo')}`
    if (!isRecord(info)) {
      others++
      return
    }
    const id = info['BrokerId']
    const subnet = info['ClientSubnet']
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id > MAX_INT32) {
      problems.push(note(`${base}.BrokerId`, `must be a broker id (got ${describeValue(id)})`))
      return
    }
    if (typeof subnet !== 'string' || subnet === '') {
      problems.push(
        note(`${base}.ClientSubnet`, `must be a subnet id (got ${describeValue(subnet)})`),
      )
      return
    }
    const earlier = seen.get(id)
    if (earlier !== undefined) {
      problems.push(note(`${base}.BrokerId`, `broker ${id} is listed twice (also at ${earlier})`))
      return
    }
    seen.set(id, `${base}.BrokerId`)
    nodes.push({ id, subnet, path: `${base}.ClientSubnet` })
  })
  if (others > 0) {
    warnings.push(
      note(
        `${path} NodeInfoList`,
        `skipped ${others} node${others === 1 ? '' : 's'} without BrokerNodeInfo (not brokers)`,
      ),
    )
  }
  if (nodes.length === 0 && problems.length === 0)
    problems.push(note(`${path} NodeInfoList`, 'lists no broker (no BrokerNodeInfo)'))
  return nodes
}

function readSubnets(
  docs: { value: Record<string, unknown>; path: string }[],
  problems: Problem[],
  warnings: Problem[],
): Map<string, ZoneName> {
  const zones = new Map<string, ZoneName>()
  const byName: string[] = []
  for (const doc of docs) {
    const list = doc.value['Subnets']
    if (!Array.isArray(list)) {
      problems.push(note(`${doc.path} Subnets`, `must be a list (got ${describeValue(list)})`))
      continue
    }
    list.forEach((item: unknown, i) => {
      const base = `${doc.path} ${at('Subnets', i)}`
      if (!isRecord(item)) {
        problems.push(note(base, `must be an object (got ${describeValue(item)})`))
        return
      }
      const id = item['SubnetId']
      const zoneId = item['AvailabilityZoneId']
      const zoneName = item['AvailabilityZone']
      if (typeof id !== 'string' || id === '') {
        problems.push(note(`${base}.SubnetId`, `must be a subnet id (got ${describeValue(id)})`))
        return
      }
      const zone = typeof zoneId === 'string' && zoneId !== '' ? zoneId : zoneName
      if (typeof zone !== 'string' || !ZONE.test(zone)) {
        problems.push(
          note(
            `${base}.AvailabilityZoneId`,
            `must be a zone such as use1-az1 (got ${describeValue(zone)})`,
          ),
        )
        return
      }
      if (zone === zoneName && zone !== zoneId) byName.push(`${id} (${quote(zone)})`)
      const earlier = zones.get(id)
      if (earlier !== undefined && earlier !== zone) {
        problems.push(note(`${base}.SubnetId`, `subnet ${id} is in both ${earlier} and ${zone}`))
        return
      }
      zones.set(id, zone)
    })
  }
  if (byName.length > 0) {
    warnings.push(
      note(
        docs[0]?.path ?? 'subnets',
        `no AvailabilityZoneId for subnet ${byName.join(', ')}, so its AvailabilityZone name is the zone; MSK's broker.rack is the zone ID (e.g. use1-az1)`,
      ),
    )
  }
  return zones
}
