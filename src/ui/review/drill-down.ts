/**
 * The text of a matrix cell's drill-down: for one failure and one outcome (offline, unwritable,
 * single copy, unclean election needed), the topics and partitions behind the count, from
 * `failureDetail`. Topics come worst first (then in the scenario's order); each lists its
 * partitions as Kafka names them ("orders-3"), capped so a zone's worth of partitions stays
 * readable.
 */
import type {
  FailureDetail,
  FailureOutcome,
  PartitionOutcome,
  TopicOutcome,
} from '../../analysis/index'
import type { DrillOutcome } from './matrix'
import { formatCount } from './matrix'

/** The outcomes a partition can have (the control plane is the cluster's, not a partition's). */
export type PartitionDrillOutcome = Exclude<DrillOutcome, 'controlPlane'>

/** Partition names listed per topic before "and N more". */
export const PARTITIONS_SHOWN = 50
/** Topics listed before "and N more topics". */
export const TOPICS_SHOWN = 50

const PARTITION_FIELD: Record<PartitionDrillOutcome, keyof PartitionOutcome & keyof TopicOutcome> =
  {
    offline: 'offline',
    unwritable: 'unwritable',
    singleCopy: 'singleCopy',
    unclean: 'uncleanRequired',
  }

/** How a partition with the outcome is described after "4 of 12 partitions". */
export const OUTCOME_PHRASE: Record<PartitionDrillOutcome, string> = {
  offline: 'offline',
  unwritable: 'unwritable (acks=all)',
  singleCopy: 'left with a single copy',
  unclean: 'needing an unclean election',
}

/** The outcome's name on its choice button and heading. */
export const OUTCOME_LABEL: Record<DrillOutcome, string> = {
  offline: 'Offline',
  unwritable: 'Unwritable (acks=all)',
  singleCopy: 'Single copy',
  unclean: 'Unclean election needed',
  controlPlane: 'Control plane',
}

export interface DrillTopic {
  topic: string
  /** The topic's partitions, and how many of them have the outcome. */
  partitions: number
  count: number
  /** The first `PARTITIONS_SHOWN` partitions with the outcome, as "topic-partition". */
  shown: string[]
  /** How many more have it. */
  more: number
}

export interface DrillList {
  topics: DrillTopic[]
  /** Topics with the outcome beyond the first `TOPICS_SHOWN`. */
  moreTopics: number
  /** Partitions with the outcome, over all topics. */
  total: number
  topicCount: number
}

export function drillList(
  detail: FailureDetail,
  outcome: PartitionDrillOutcome,
  partitionsShown = PARTITIONS_SHOWN,
  topicsShown = TOPICS_SHOWN,
): DrillList {
  const field = PARTITION_FIELD[outcome]
  const names = new Map<string, string[]>()
  for (const p of detail.partitions) {
    if (!p[field]) continue
    let list = names.get(p.topic)
    if (list === undefined) names.set(p.topic, (list = []))
    if (list.length < partitionsShown) list.push(`${p.topic}-${p.partition}`)
  }
  const all = detail.topics
    .map((t, order) => ({ t, order, count: t[field] as number }))
    .filter((x) => x.count > 0)
    .sort((a, b) => b.count - a.count || a.order - b.order)
  const topics = all.slice(0, topicsShown).map(({ t, count }) => {
    const shown = names.get(t.topic) ?? []
    return { topic: t.topic, partitions: t.partitions, count, shown, more: count - shown.length }
  })
  return {
    topics,
    moreTopics: all.length - topics.length,
    total: all.reduce((sum, x) => sum + x.count, 0),
    topicCount: all.length,
  }
}

/** "orders: 4 of 12 partitions unwritable (acks=all)". */
export function drillTopicText(topic: DrillTopic, outcome: PartitionDrillOutcome): string {
  const partitions = topic.partitions === 1 ? 'partition' : 'partitions'
  return `${topic.topic}: ${formatCount(topic.count)} of ${formatCount(topic.partitions)} ${partitions} ${OUTCOME_PHRASE[outcome]}`
}

/** "2 partitions in 1 topic unwritable (acks=all)". */
export function drillSummary(list: DrillList, outcome: PartitionDrillOutcome): string {
  const partitions = `${formatCount(list.total)} ${list.total === 1 ? 'partition' : 'partitions'}`
  const topics = `${formatCount(list.topicCount)} ${list.topicCount === 1 ? 'topic' : 'topics'}`
  return `${partitions} in ${topics} ${OUTCOME_PHRASE[outcome]}`
}

/**
 * The control plane under the failure: which controller nodes fail with it and whether the
 * survivors keep a majority (KRaft voters, or the ZooKeeper ensemble).
 */
export function controlPlaneText(failure: FailureOutcome, controllerTotal: number): string {
  const nodes = controllerTotal === 1 ? 'controller node' : 'controller nodes'
  const failed = failure.controllers.length
  const surviving = controllerTotal - failed
  if (failed === 0)
    return `No controller node fails: all ${formatCount(controllerTotal)} ${nodes} keep the quorum.`
  const which = `${failed === 1 ? 'Controller node' : 'Controller nodes'} ${failure.controllers.join(', ')}`
  const verb = failed === 1 ? 'fails' : 'fail'
  if (!failure.controlPlaneLost)
    return `${which} ${verb}; ${surviving} of ${controllerTotal} remain, still a majority, so leader elections go on.`
  return `${which} ${verb}; ${surviving} of ${controllerTotal} remain, no majority: no leader elections happen until the quorum returns, so partitions led by a failed broker stay leaderless.`
}
