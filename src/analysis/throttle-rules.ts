/**
 * replication-throttle-starves (docs/capacity.md, "Replication throttles"): Kafka counts every
 * byte of a throttled partition against the quota, in sync or not, and holds back only the
 * replicas that are out of sync (ReplicaManager.shouldLeaderThrottle,
 * RemoteLeaderEndPoint.shouldFollowerThrottle). So when the live replication of the listed
 * partitions through one broker reaches its rate, a replica that falls behind can never catch up
 * there. Measured on the steady state: each partition takes its topic's produce bytes evenly, led
 * by its preferred replica. Runs with or without a broker type.
 */
import { listsReplica, parseThrottledReplicas } from '../engine/broker/replication-quota'
import { topicWorkloads } from '../engine/capacity/workload'
import type { SimulationSpec } from '../engine/spec'
import type { Finding } from './finding-messages'
import { makeFinding, makeFix } from './finding-messages'
import { roundRatio } from './partition-table'

/** Warn when live replication leaves less than a fifth of the throttle for catch-up. */
export const THROTTLE_WARNING_RATIO = 0.8

const MIB = 1024 * 1024

type Side = 'leader' | 'follower'

export function throttleRules(spec: SimulationSpec): Finding[] {
  const config = spec.cluster.config
  const workloads = topicWorkloads(spec)
  const findings: Finding[] = []
  for (const side of ['leader', 'follower'] as const) {
    const key = `${side}.replication.throttled.rate` as const
    const rate = config[key]
    if (rate === undefined) continue
    // Live bytes/s through each broker on this side, for the listed partitions only.
    const live = new Map<number, number>()
    for (const topic of spec.topics) {
      const list = topic.config[`${side}.replication.throttled.replicas`]
      const pairs = list === undefined ? null : parseThrottledReplicas(list)
      if (pairs === null) continue
      const perPartition =
        ((workloads.get(topic.name)?.produceMiBps ?? 0) * MIB) / Math.max(1, topic.partitions)
      if (perPartition === 0) continue
      topic.assignment.forEach((replicas, p) => {
        const listed = (b: number) => listsReplica(pairs, p, b)
        const leader = replicas[0] as number
        if (side === 'leader') {
          // The leader sends the partition's bytes to each follower.
          if (listed(leader))
            live.set(leader, (live.get(leader) ?? 0) + perPartition * (replicas.length - 1))
          return
        }
        for (const follower of replicas.slice(1))
          if (listed(follower)) live.set(follower, (live.get(follower) ?? 0) + perPartition)
      })
    }
    let busiest: [number, number] | null = null
    for (const entry of live) if (busiest === null || entry[1] > busiest[1]) busiest = entry
    if (busiest === null) continue
    const [broker, bytes] = busiest
    const ratio = bytes / rate
    if (ratio < THROTTLE_WARNING_RATIO) continue
    findings.push(finding(side, key, broker, bytes, rate, ratio))
  }
  return findings
}

function finding(
  side: Side,
  key: `${Side}.replication.throttled.rate`,
  broker: number,
  bytes: number,
  rate: number,
  ratio: number,
): Finding {
  // Twice the live rate: a replica that falls behind then catches up at least as fast as its
  // partitions grow.
  const suggested = Math.ceil((2 * bytes) / MIB) * MIB
  return makeFinding(
    'replication-throttle-starves',
    ratio >= 1 ? 'error' : 'warning',
    `cluster.config["${key}"]`,
    {
      side,
      broker,
      liveBytesPerSecond: Math.round(bytes),
      rate,
      ratio: roundRatio(ratio),
    },
    makeFix(
      'raise-replication-throttle',
      { side, bytesPerSecond: suggested },
      { op: 'setClusterConfig', key, value: suggested },
    ),
  )
}
