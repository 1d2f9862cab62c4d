/**
 * Checks the `kafka-topics.sh --describe` importer against realistic samples of every output
 * variant: ZooKeeper-era (no space after colons), 2.x, 3.x with TopicId, 4.x with Elr and
 * LastKnownElr, Confluent's Offline and Observers columns, runs of spaces instead of tabs,
 * `Leader: none` and `-1`, reassignments in progress, partition-only output, and text pasted
 * with a shell prompt and log lines around it. Each sample is imported, and the result must pass
 * `validateScenario`; errors must say `line N` and quote the offending text.
 */
import { describe, expect, it } from 'vitest'
import { importDescribe } from './import-describe'
import type { ImportResult, Problem, ScenarioFile } from './types'
import { validateScenario } from './validate'

const ZONES = '1=use1-az1,2=use1-az2,3=use1-az3'

/** `zones: null` imports without a zone map. */
function imported(
  text: string,
  zones: string | null = ZONES,
): { scenario: ScenarioFile; warnings: Problem[] } {
  const result: ImportResult = importDescribe(text, zones === null ? {} : { zones })
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 1))
  expect(validateScenario(result.scenario).ok).toBe(true)
  return result
}

function problems(text: string, zones: string = ZONES): Problem[] {
  const result = importDescribe(text, { zones })
  if (result.ok) throw new Error('expected problems')
  return result.problems
}

/** Kafka 1.x/2.x with ZooKeeper (`--zookeeper`): no space after the colons in the topic line. */
const ZOOKEEPER_ERA = `Topic:orders\tPartitionCount:3\tReplicationFactor:3\tConfigs:min.insync.replicas=2,retention.ms=604800000
\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3
\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,1
\tTopic: orders\tPartition: 2\tLeader: -1\tReplicas: 3,1,2\tIsr: 3
`

/** Kafka 2.4 to 2.7: spaces after the colons, no TopicId yet, empty Configs. */
const KAFKA_2 = `Topic: clicks\tPartitionCount: 2\tReplicationFactor: 2\tConfigs: 
\tTopic: clicks\tPartition: 0\tLeader: 2\tReplicas: 2,3\tIsr: 2,3
\tTopic: clicks\tPartition: 1\tLeader: 3\tReplicas: 3,1\tIsr: 3,1
`

/** Kafka 3.x (MSK): TopicId, broker-level configs shown because they are not defaults. */
const KAFKA_3 = `Topic: orders\tTopicId: 6kTR0jHnQq2G9u8jZf3gYQ\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: min.insync.replicas=2,segment.bytes=1073741824,unclean.leader.election.enable=true
\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3
\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3,1
\tTopic: orders\tPartition: 2\tLeader: 3\tReplicas: 3,1,2\tIsr: 3,1,2
Topic: __consumer_offsets\tTopicId: csoCe4FmT1-q-j0JNHlVgA\tPartitionCount: 2\tReplicationFactor: 3\tConfigs: compression.type=producer,cleanup.policy=compact,segment.bytes=104857600
\tTopic: __consumer_offsets\tPartition: 0\tLeader: 2\tReplicas: 2,1,3\tIsr: 2,1,3
\tTopic: __consumer_offsets\tPartition: 1\tLeader: 3\tReplicas: 3,2,1\tIsr: 3,2,1
`

/** Kafka 4.x (KRaft, ELR on): Elr and LastKnownElr, "N/A" or empty when there are none. */
const KAFKA_4 = `Topic: payments\tTopicId: 4uNQhjpzQ2K3b3TE2aPqVA\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: min.insync.replicas=2
\tTopic: payments\tPartition: 0\tLeader: none\tReplicas: 1,2,3\tIsr: \tElr: 2,3\tLastKnownElr: 1
\tTopic: payments\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3,1\tElr: \tLastKnownElr: 
\tTopic: payments\tPartition: 2\tLeader: 3\tReplicas: 3,1,2\tIsr: 3,1\tElr: N/A\tLastKnownElr: N/A
`

/** Kafka 4.x with ELR off: the columns are there but empty. */
const KAFKA_4_NO_ELR = `Topic: t\tTopicId: AAAAAAAAAAAAAAAAAAAAAA\tPartitionCount: 1\tReplicationFactor: 2\tConfigs: 
\tTopic: t\tPartition: 0\tLeader: 1\tReplicas: 1,2\tIsr: 1,2\tElr: \tLastKnownElr: 
`

/** Confluent Platform: Offline and Observers columns, placement constraints (JSON) in Configs. */
const CONFLUENT = `Topic: multi-region\tTopicId: Cz3OHZ4hR3aSqu0ikOLgZA\tPartitionCount: 2\tReplicationFactor: 4\tConfigs: min.insync.replicas=1,confluent.placement.constraints={"version":1,"replicas":[{"count":3,"constraints":{"rack":"east"}}],"observers":[{"count":1,"constraints":{"rack":"west"}}]}
\tTopic: multi-region\tPartition: 0\tLeader: 1\tReplicas: 1,2,3,4\tIsr: 1,2,3\tOffline: \tObservers: 4
\tTopic: multi-region\tPartition: 1\tLeader: 2\tReplicas: 2,3,1,4\tIsr: 2,3\tOffline: 1\tObservers: 4
`

/** Tabs turned into runs of spaces by a terminal copy, with Windows line ends. */
const SPACES = [
  'Topic: orders   TopicId: 6kTR0jHnQq2G9u8jZf3gYQ PartitionCount: 2       ReplicationFactor: 3    Configs: min.insync.replicas=2',
  '        Topic: orders   Partition: 0    Leader: 1       Replicas: 1,2,3 Isr: 1,2,3',
  '        Topic: orders   Partition: 1    Leader: none    Replicas: 2,3,1 Isr: 2',
  '',
].join('\r\n')

/** A reassignment in progress (3.x): the Replicas column holds old and new replicas. */
const REASSIGNING = `Topic: orders\tTopicId: 6kTR0jHnQq2G9u8jZf3gYQ\tPartitionCount: 1\tReplicationFactor: 3\tConfigs: 
\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 4,1,2,3\tIsr: 1,2,3\tAdding Replicas: 4\tRemoving Replicas: 3
`

/** `--under-replicated-partitions`: partition lines only. */
const UNDER_REPLICATED = `\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2
\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,1
`

/** Pasted with the prompt and a client warning. */
const WITH_NOISE = `$ kafka-topics.sh --bootstrap-server b-1.demo.kafka.us-east-1.amazonaws.com:9092 --describe --topic clicks
[2024-10-25 10:00:00,000] WARN [AdminClient clientId=adminclient-1] Connection to node -2 could not be established. (org.apache.kafka.clients.NetworkClient)
${KAFKA_2}`

describe('importDescribe reads every variant', () => {
  it('ZooKeeper-era output, Leader -1 and topic configs', () => {
    const { scenario, warnings } = imported(ZOOKEEPER_ERA)
    expect(scenario.cluster).toEqual({
      controller: 'zookeeper',
      zones: ['use1-az1', 'use1-az2', 'use1-az3'],
      brokers: [
        { id: 1, zone: 'use1-az1' },
        { id: 2, zone: 'use1-az2' },
        { id: 3, zone: 'use1-az3' },
      ],
    })
    expect(scenario.topics).toEqual([
      {
        name: 'orders',
        partitions: 3,
        replicationFactor: 3,
        config: { 'min.insync.replicas': 2 },
        assignment: { '0': [1, 2, 3], '1': [2, 3, 1], '2': [3, 1, 2] },
        initial: {
          '0': { leader: 1, isr: [1, 2, 3] },
          '1': { leader: 2, isr: [2, 1] },
          '2': { leader: -1, isr: [3] },
        },
      },
    ])
    expect(warnings).toMatchObject([
      { path: 'line 1', message: 'ignored configs the simulator does not model: retention.ms' },
    ])
  })

  it('Kafka 2.x output without TopicId', () => {
    const { scenario } = imported(KAFKA_2)
    expect(scenario.topics?.[0]).toMatchObject({
      name: 'clicks',
      partitions: 2,
      replicationFactor: 2,
    })
    expect(scenario.topics?.[0]?.config).toBeUndefined()
  })

  it('Kafka 3.x output with TopicId and several topics', () => {
    const { scenario, warnings } = imported(KAFKA_3)
    expect(scenario.topics?.map((t) => t.name)).toEqual(['orders', '__consumer_offsets'])
    expect(scenario.topics?.[0]?.config).toEqual({
      'min.insync.replicas': 2,
      'unclean.leader.election.enable': true,
    })
    expect(scenario.cluster.controller).toBe('kraft')
    expect(warnings.map((w) => w.message)).toContain(
      'ignored configs the simulator does not model: compression.type, cleanup.policy, segment.bytes',
    )
    expect(warnings.some((w) => w.message.includes('assumed KRaft'))).toBe(true)
  })

  it('Kafka 4.x output with Elr and LastKnownElr, "N/A" or empty', () => {
    const { scenario, warnings } = imported(KAFKA_4)
    expect(scenario.topics?.[0]?.initial).toEqual({
      '0': { leader: -1, isr: [], elr: [2, 3], lastKnownElr: [1] },
      '1': { leader: 2, isr: [2, 3, 1] },
      '2': { leader: 3, isr: [3, 1] },
    })
    expect(scenario.cluster.config).toEqual({ 'eligible.leader.replicas.enable': true })
    expect(scenario.cluster.controller).toBe('kraft')
    expect(
      warnings.some((w) => w.message.includes('eligible.leader.replicas.enable is set to true')),
    ).toBe(true)
  })

  it('Kafka 4.x output with ELR off leaves the config alone', () => {
    const { scenario } = imported(KAFKA_4_NO_ELR)
    expect(scenario.cluster.config).toBeUndefined()
    expect(scenario.topics?.[0]?.initial).toEqual({ '0': { leader: 1, isr: [1, 2] } })
  })

  it("Confluent's Observers and Offline columns and JSON-valued configs", () => {
    const { scenario, warnings } = imported(CONFLUENT, '1=east-1,2=east-2,3=east-3,4=west-1')
    const topic = scenario.topics?.[0]
    expect(topic?.replicationFactor).toBe(3)
    expect(topic?.assignment).toEqual({ '0': [1, 2, 3], '1': [2, 3, 1] })
    expect(topic?.config).toEqual({ 'min.insync.replicas': 1 })
    expect(scenario.cluster.brokers?.map((b) => b.id)).toEqual([1, 2, 3, 4])
    const messages = warnings.map((w) => w.message).join('\n')
    expect(messages).toContain('observers 4 are not modelled')
    expect(messages).toContain(
      'offline replicas are not imported (the brokers start healthy): multi-region-1 (1)',
    )
    expect(messages).toContain(
      'ignored configs the simulator does not model: confluent.placement.constraints',
    )
    expect(messages).toContain('ReplicationFactor says 4 but the partitions have 3 replicas')
  })

  it('runs of spaces instead of tabs, CRLF line ends and Leader: none', () => {
    const { scenario } = imported(SPACES)
    expect(scenario.topics?.[0]?.initial).toEqual({
      '0': { leader: 1, isr: [1, 2, 3] },
      '1': { leader: -1, isr: [2] },
    })
  })

  it('a reassignment in progress counts the replicas as Kafka does (without the adding ones)', () => {
    const { scenario, warnings } = imported(REASSIGNING, `${ZONES},4=use1-az1`)
    expect(scenario.topics?.[0]?.assignment).toEqual({ '0': [1, 2, 3] })
    expect(scenario.topics?.[0]?.replicationFactor).toBe(3)
    expect(
      warnings.some(
        (w) => w.path === 'line 2' && w.message.includes('reassignment is in progress'),
      ),
    ).toBe(true)
  })

  it('partition lines without a topic line', () => {
    const { scenario, warnings } = imported(UNDER_REPLICATED)
    expect(scenario.topics?.[0]).toMatchObject({
      name: 'orders',
      partitions: 2,
      replicationFactor: 3,
    })
    expect(
      warnings.some((w) => w.path === 'line 1' && w.message.includes('has no topic line')),
    ).toBe(true)
  })

  it('a topic line without partition lines leaves placement to the default assignment', () => {
    const { scenario, warnings } = imported(
      'Topic: solo\tPartitionCount: 4\tReplicationFactor: 2\tConfigs: \n',
    )
    expect(scenario.topics?.[0]).toEqual({ name: 'solo', partitions: 4, replicationFactor: 2 })
    expect(warnings.some((w) => w.message.includes("Kafka's default assignment"))).toBe(true)
    const result = validateScenario(scenario)
    expect(result.ok && result.spec.topics[0]?.assignment).toHaveLength(4)
  })

  it('skips a shell prompt and log lines with a warning each', () => {
    const { scenario, warnings } = imported(WITH_NOISE)
    expect(scenario.topics?.map((t) => t.name)).toEqual(['clicks'])
    expect(warnings.filter((w) => w.message.startsWith('skipped')).map((w) => w.path)).toEqual([
      'line 1',
      'line 2',
    ])
  })

  it('marks a topic marked for deletion with a warning', () => {
    const text = KAFKA_2.replace('Configs: \n', 'Configs: \tMarkedForDeletion: true\n')
    expect(imported(text).warnings.some((w) => w.message.includes('marked for deletion'))).toBe(
      true,
    )
  })

  it('lowers a min.insync.replicas above the replication factor, with a warning', () => {
    const text =
      'Topic: one\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: min.insync.replicas=2\n\tTopic: one\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1\n'
    const { scenario, warnings } = imported(text)
    expect(scenario.topics?.[0]?.config).toEqual({ 'min.insync.replicas': 1 })
    expect(
      warnings.some((w) => w.path === 'line 1' && w.message.includes('NOT_ENOUGH_REPLICAS')),
    ).toBe(true)
  })

  it('names the import after what it found, and takes name, description and controller options', () => {
    expect(imported(KAFKA_3).scenario.name).toBe('Imported from kafka-topics --describe (2 topics)')
    const result = importDescribe(KAFKA_2, {
      zones: ZONES,
      name: 'prod',
      description: 'from prod',
      controller: 'zookeeper',
    })
    expect(
      result.ok && [
        result.scenario.name,
        result.scenario.description,
        result.scenario.cluster.controller,
      ],
    ).toEqual(['prod', 'from prod', 'zookeeper'])
  })
})

describe('importDescribe zones', () => {
  it('puts every broker in one zone, with a warning, when no map is given', () => {
    const { scenario, warnings } = imported(KAFKA_2, null)
    expect(scenario.cluster.zones).toEqual(['unknown-zone'])
    expect(scenario.cluster.brokers?.every((b) => b.zone === 'unknown-zone')).toBe(true)
    expect(warnings.some((w) => w.path === 'zoneMap' && w.message.includes('"unknown-zone"'))).toBe(
      true,
    )
  })

  it('takes the map as an object, and keeps brokers that only the map names', () => {
    const result = importDescribe(KAFKA_2, { zones: { '1': 'a', '2': 'b', '3': 'c', '9': 'c' } })
    expect(result.ok && result.scenario.cluster.brokers?.map((b) => b.id)).toEqual([1, 2, 3, 9])
    expect(result.ok && result.scenario.cluster.zones).toEqual(['a', 'b', 'c'])
  })

  it('names the brokers the map leaves out', () => {
    expect(problems(KAFKA_2, '1=use1-az1')).toMatchObject([
      { path: 'zoneMap', message: 'no zone for brokers 2, 3; add 2=<zone>,3=<zone>' },
    ])
  })

  it('passes on problems of the map itself', () => {
    expect(problems(KAFKA_2, '1=use1-az1,two=use1-az2')[0]?.path).toBe('zoneMap[1]')
  })
})

describe('importDescribe errors say where and quote the text', () => {
  const header = 'Topic: t\tPartitionCount: 2\tReplicationFactor: 2\tConfigs: \n'
  const line0 = '\tTopic: t\tPartition: 0\tLeader: 1\tReplicas: 1,2\tIsr: 1,2\n'

  it.each([
    [
      'a leader outside the replicas',
      `${header}${line0}\tTopic: t\tPartition: 1\tLeader: 3\tReplicas: 1,2\tIsr: 1,2\n`,
      'line 3',
      'Leader 3 is not among the Replicas 1,2',
    ],
    [
      'a leader outside the ISR',
      `${header}${line0}\tTopic: t\tPartition: 1\tLeader: 2\tReplicas: 1,2\tIsr: 1\n`,
      'line 3',
      'Leader 2 is not in the Isr 1',
    ],
    [
      'an ISR member outside the replicas',
      `${header}${line0}\tTopic: t\tPartition: 1\tLeader: 1\tReplicas: 1,2\tIsr: 1,3\n`,
      'line 3',
      'Isr has broker 3, which is not among the Replicas 1,2',
    ],
    [
      'a bad broker id',
      `${header}${line0}\tTopic: t\tPartition: 1\tLeader: 1\tReplicas: 1,b-2\tIsr: 1\n`,
      'line 3',
      'Replicas "1,b-2": "b-2" is not a broker id',
    ],
    [
      'a bad leader',
      `${header}${line0}\tTopic: t\tPartition: 1\tLeader: leader-1\tReplicas: 1,2\tIsr: 1\n`,
      'line 3',
      'Leader "leader-1" is not a broker id, "none" or -1',
    ],
    [
      'a bad partition number',
      `${header}${line0}\tTopic: t\tPartition: one\tLeader: 1\tReplicas: 1,2\tIsr: 1\n`,
      'line 3',
      'Partition "one" is not a number',
    ],
    [
      'a missing partition line',
      `${header}${line0}`,
      'line 1',
      'has 2 partitions but no lines for partition 1',
    ],
    [
      'a partition beyond the count',
      `${header}${line0}\tTopic: t\tPartition: 1\tLeader: 1\tReplicas: 1,2\tIsr: 1\n\tTopic: t\tPartition: 5\tLeader: 1\tReplicas: 1,2\tIsr: 1\n`,
      'line 4',
      'partition 5 of "t" is beyond its PartitionCount 2',
    ],
    [
      'a partition described twice',
      `${header}${line0}${line0}`,
      'line 3',
      'described twice (also at line 2)',
    ],
    [
      'a topic described twice',
      `${header}${line0}${header}`,
      'line 3',
      'topic "t" is described twice (also at line 1)',
    ],
    [
      'replication factors that differ',
      `${header}${line0}\tTopic: t\tPartition: 1\tLeader: 1\tReplicas: 1\tIsr: 1\n`,
      'line 3',
      'partition 1 has 1 replicas but partition 0 (line 2) has 2',
    ],
    [
      'a replica listed twice',
      `${header}${line0}\tTopic: t\tPartition: 1\tLeader: 1\tReplicas: 1,1\tIsr: 1\n`,
      'line 3',
      'Replicas lists broker 1 twice',
    ],
    [
      'a bad min.insync.replicas',
      'Topic: t\tPartitionCount: 1\tReplicationFactor: 2\tConfigs: min.insync.replicas=two\n\tTopic: t\tPartition: 0\tLeader: 1\tReplicas: 1,2\tIsr: 1,2\n',
      'line 1',
      'min.insync.replicas="two" is not a positive number',
    ],
    [
      'a bad unclean setting',
      'Topic: t\tPartitionCount: 1\tReplicationFactor: 2\tConfigs: unclean.leader.election.enable=yes\n\tTopic: t\tPartition: 0\tLeader: 1\tReplicas: 1,2\tIsr: 1,2\n',
      'line 1',
      'unclean.leader.election.enable="yes" is not true or false',
    ],
    [
      'an invalid topic name',
      'Topic: my topic\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: \n',
      'line 1',
      'Topic "my topic" is not a valid Kafka topic name',
    ],
    [
      'a stray column line',
      `${header}${line0}\tLeader: 1\tReplicas: 1,2\n`,
      'line 3',
      'is neither a topic line nor a partition line: "Leader: 1\\tReplicas: 1,2"',
    ],
    [
      'an observer leader',
      `${header}${line0}\tTopic: t\tPartition: 1\tLeader: 2\tReplicas: 1,2\tIsr: 1,2\tObservers: 2\n`,
      'line 3',
      'the leader 2 is an observer',
    ],
    [
      'an ELR member inside the ISR',
      `${header}${line0}\tTopic: t\tPartition: 1\tLeader: 1\tReplicas: 1,2\tIsr: 1,2\tElr: 2\tLastKnownElr: \n`,
      'line 3',
      'broker 2 is in both Isr and Elr',
    ],
    [
      'a missing Replicas column',
      `${header}${line0}\tTopic: t\tPartition: 1\tLeader: 1\tIsr: 1\n`,
      'line 3',
      'has no Replicas column',
    ],
    [
      'a topic too large for the simulator',
      'Topic: t\tPartitionCount: 50000\tReplicationFactor: 1\tConfigs: \n',
      'line 1',
      'at most 10000',
    ],
    [
      'an RF larger than the known brokers',
      'Topic: t\tPartitionCount: 1\tReplicationFactor: 3\tConfigs: \n',
      'line 1',
      'larger than the number of known brokers (2)',
    ],
  ])('%s', (_what, text, path, words) => {
    const found = problems(text, '1=a,2=b')
    const atPath = found.filter((p) => p.path === path)
    expect(atPath, JSON.stringify(found, null, 1)).not.toEqual([])
    expect(atPath.map((p) => p.message).join(' | ')).toContain(words)
  })

  it('reports every bad line, not just the first', () => {
    const text = `${header}\tTopic: t\tPartition: 0\tLeader: 9\tReplicas: 1,2\tIsr: 1,2\n\tTopic: t\tPartition: 1\tLeader: 1\tReplicas: x\tIsr: 1\n`
    expect(problems(text, '1=a,2=b').map((p) => p.path)).toEqual(['line 2', 'line 3'])
  })

  it('says what it expected when the text is not describe output at all', () => {
    const found = problems('{"version":1,"partitions":[]}')
    expect(found).toHaveLength(1)
    expect(found[0]?.message).toContain('found no topic or partition lines')
  })

  it('does not throw on non-text input', () => {
    expect(importDescribe(undefined as unknown as string).ok).toBe(false)
  })
})
