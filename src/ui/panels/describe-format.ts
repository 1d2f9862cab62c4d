/**
 * The text `kafka-topics.sh --describe` prints (Apache Kafka 4.x, tools/TopicCommand.java), so a
 * simulated cluster can be pasted wherever real describe output goes, including our own importer.
 *
 * Simplifications, stated plainly:
 * - TopicId is a fake but stable Uuid derived from the topic name (Kafka assigns a random one).
 * - `Configs:` lists only what a PartitionView knows: min.insync.replicas when it is not Kafka's
 *   default of 1, and unclean.leader.election.enable when it is true.
 * - Topics come out sorted by name, as `getTopics` sorts them; partitions sorted by id.
 */
import type { PartitionView } from '../../engine/types'

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** 32-bit FNV-1a over the UTF-16 code units of `text`, starting from `basis`. */
function fnv1a(text: string, basis: number): number {
  let h = basis >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/**
 * A deterministic stand-in for a Kafka topic Uuid: 16 bytes printed as unpadded base64url, the
 * form `Uuid.toString()` uses (22 characters). The top bit of the first byte is cleared so it never
 * starts with '-', which Kafka's `Uuid.randomUuid()` also avoids.
 */
export function fakeTopicId(topic: string): string {
  const bytes: number[] = []
  for (let word = 0; word < 4; word++) {
    const h = fnv1a(`${word}:${topic}`, 0x811c9dc5)
    bytes.push((h >>> 24) & 0xff, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff)
  }
  bytes[0] = (bytes[0] ?? 0) & 0x7f
  let out = ''
  let bits = 0
  let buffer = 0
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte
    bits += 8
    while (bits >= 6) {
      bits -= 6
      out += BASE64URL[(buffer >>> bits) & 0x3f]
    }
  }
  if (bits > 0) out += BASE64URL[(buffer << (6 - bits)) & 0x3f]
  return out
}

function brokerList(ids: readonly number[]): string {
  return ids.join(',')
}

/** One partition line, exactly as PartitionDescription.printDescription prints it. */
export function formatPartitionLine(p: PartitionView): string {
  // i18n-exempt: Kafka's own output, quoted verbatim
  return (
    `\tTopic: ${p.topic}\tPartition: ${p.partition}` +
    `\tLeader: ${p.leader === -1 ? 'none' : String(p.leader)}` +
    `\tReplicas: ${brokerList(p.replicas)}\tIsr: ${brokerList(p.isr)}` +
    `\tElr: ${brokerList(p.elr)}\tLastKnownElr: ${brokerList(p.lastKnownElr)}`
  )
}

function topicConfigs(first: PartitionView): string {
  const entries: string[] = []
  if (first.minIsr !== 1) entries.push(`min.insync.replicas=${first.minIsr}`)
  if (first.uncleanLeaderElectionEnable) entries.push('unclean.leader.election.enable=true')
  return entries.join(',')
}

/** The topic header line, as TopicDescription.printDescription prints it. */
export function formatTopicLine(topic: string, partitions: readonly PartitionView[]): string {
  const first = partitions[0]
  const replicationFactor = first === undefined ? 0 : first.replicas.length
  const configs = first === undefined ? '' : topicConfigs(first)
  return (
    `Topic: ${topic}\tTopicId: ${fakeTopicId(topic)}\tPartitionCount: ${partitions.length}` +
    `\tReplicationFactor: ${replicationFactor}\tConfigs: ${configs}`
  )
}

export interface DescribeOptions {
  /**
   * Print the topic header lines. `kafka-topics --describe` omits them when a report flag such as
   * `--under-replicated-partitions` is given, printing matching partition lines only.
   */
  topicHeaders?: boolean
}

/** The whole describe output for `partitions`, one line per `println`, ending in a newline. */
export function formatDescribe(
  partitions: readonly PartitionView[],
  options: DescribeOptions = {},
): string {
  const byTopic = new Map<string, PartitionView[]>()
  for (const p of partitions) {
    const list = byTopic.get(p.topic)
    if (list === undefined) byTopic.set(p.topic, [p])
    else list.push(p)
  }
  const lines: string[] = []
  for (const topic of [...byTopic.keys()].sort()) {
    const sorted = [...(byTopic.get(topic) ?? [])].sort((a, b) => a.partition - b.partition)
    if (options.topicHeaders !== false) lines.push(formatTopicLine(topic, sorted))
    for (const p of sorted) lines.push(formatPartitionLine(p))
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`
}
