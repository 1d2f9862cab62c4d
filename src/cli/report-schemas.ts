/**
 * The published JSON Schemas (draft 2020-12) of what CI users parse: the run report
 * (`kafka-ha-lab run`, src/engine/report.ts) and the analysis report (`analyze`,
 * src/analysis/report.ts), both version 1. `public/run-report.schema.json` and
 * `public/analysis.schema.json` are these functions' output (report-schemas.test.ts keeps them
 * in step and validates real reports against them). Objects are closed
 * (`additionalProperties: false`), so a field added to a report without its schema fails the
 * tests; within a version, fields are only ever added (docs/cli.md, "Report versions").
 */
import { FINDING_IDS } from '../analysis/finding-messages'
import { SIM_EVENT_TYPES } from '../engine/types'

type Schema = Record<string, unknown>

const int: Schema = { type: 'integer' }
const num: Schema = { type: 'number' }
const str: Schema = { type: 'string' }
const bool: Schema = { type: 'boolean' }
const nullableInt: Schema = { type: ['integer', 'null'] }
const nullableNum: Schema = { type: ['number', 'null'] }

function arr(items: Schema): Schema {
  return { type: 'array', items }
}

function map(values: Schema): Schema {
  return { type: 'object', additionalProperties: values }
}

/** A closed object; every property required unless named in `optional`. */
function obj(properties: Record<string, Schema>, optional: string[] = []): Schema {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    additionalProperties: false,
  }
}

function described(description: string, schema: Schema): Schema {
  return { description, ...schema }
}

const latency = described(
  'Send to acknowledgement in ms over the run (a bounded histogram: within 6.25 %, max exact); null before the first acknowledgement.',
  obj({ p50: nullableNum, p99: nullableNum, p999: nullableNum, max: nullableNum }),
)

const metricProperties: Record<string, Schema> = {
  UnderReplicatedPartitions: int,
  UnderMinIsrPartitionCount: int,
  AtMinIsrPartitionCount: int,
  OfflinePartitionsCount: int,
  ActiveControllerCount: int,
  PreferredReplicaImbalanceCount: int,
  LeaderCount: map(int),
  producerLatencyP99Ms: nullableNum,
  BrokerUtilisation: described(
    'With cluster.brokerType: per broker id, its utilisation (1 is its limit; docs/capacity.md).',
    map(num),
  ),
  BrokerQueueMs: described(
    'With cluster.brokerType: per broker id, how long a request waits in its queue.',
    map(int),
  ),
}
const OPTIONAL_METRICS = ['BrokerUtilisation', 'BrokerQueueMs']

const failoverPartition = obj({
  topic: str,
  partition: int,
  stallMs: nullableInt,
  election: { type: ['string', 'null'] },
})

const failover = obj(
  {
    fault: described('The fault as applied, with its atMs (the scenario format\u2019s fault).', {
      type: 'object',
      properties: { type: str, atMs: int },
      required: ['type', 'atMs'],
    }),
    atMs: int,
    detectedAtMs: nullableInt,
    leadersMovedAtMs: nullableInt,
    recoveredAtMs: nullableInt,
    maxProduceStallMs: nullableInt,
    failedRecords: int,
    retriedRecords: int,
    lostAckedRecords: int,
    elections: obj({ clean: int, unclean: int, elr: int }),
    partitions: arr(failoverPartition),
    steps: arr(
      obj({ broker: int, atMs: int, recoveredAtMs: nullableInt, maxProduceStallMs: nullableInt }),
    ),
  },
  ['steps'],
)

const event = described(
  'One event of the log: atMs and type, then the fields of that type (src/engine/types.ts SimEvent).',
  {
    type: 'object',
    properties: { atMs: int, type: { enum: [...SIM_EVENT_TYPES] } },
    required: ['atMs', 'type'],
  },
)

export const RUN_REPORT_SCHEMA_URL = 'run-report.schema.json'
export const ANALYSIS_SCHEMA_URL = 'analysis.schema.json'

export function buildRunReportSchema(): Schema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: RUN_REPORT_SCHEMA_URL,
    title: 'Kafka HA Lab run report, version 1',
    description:
      'What `kafka-ha-lab run` prints. Fields are only added within version 1 (docs/cli.md, "Report versions").',
    ...obj(
      {
        version: { const: 1 },
        scenario: str,
        seed: int,
        durationMs: int,
        partitions: arr(
          obj(
            {
              topic: str,
              partition: int,
              replicas: arr(int),
              leader: int,
              leaderEpoch: int,
              isr: arr(int),
              elr: arr(int),
              highWatermark: int,
              logEndOffsets: map(int),
              internal: described('Present (true) on Kafka\u2019s own topic, __consumer_offsets.', {
                const: true,
              }),
            },
            ['internal'],
          ),
        ),
        metrics: obj({
          final: obj(metricProperties, OPTIONAL_METRICS),
          series: arr(obj({ atMs: int, ...metricProperties }, OPTIONAL_METRICS)),
        }),
        clients: arr({
          oneOf: [
            obj({
              id: str,
              kind: { const: 'producer' },
              sent: int,
              acked: int,
              failed: int,
              errors: map(int),
              lostAcked: int,
              unavailableAcked: int,
              lostAtCrash: described(
                'Records the producer held, never acknowledged, when crashClient killed it.',
                int,
              ),
              latencyMs: latency,
            }),
            obj(
              {
                id: str,
                kind: { const: 'consumer' },
                consumed: int,
                lag: int,
                duplicates: described('Records consumed a second time.', int),
                skipped: described(
                  'Records below the high watermark a position jumped over without delivering them.',
                  int,
                ),
                group: str,
                members: arr(
                  obj({
                    member: int,
                    clientId: str,
                    alive: bool,
                    partitions: arr(int),
                    consumed: int,
                  }),
                ),
              },
              ['group', 'members'],
            ),
          ],
        }),
        groups: described(
          'The consumer groups as their coordinators left them.',
          arr(
            obj({
              name: str,
              topic: str,
              state: { enum: ['Empty', 'PreparingRebalance', 'CompletingRebalance', 'Stable'] },
              generation: int,
              coordinator: { type: ['integer', 'null'] },
              offsetsPartition: int,
              knownMembers: int,
              leavingMembers: int,
              members: int,
              duplicates: int,
              skipped: int,
            }),
          ),
        ),
        durability: obj({ ackedRecords: int, lostAckedRecords: int, unavailableAckedRecords: int }),
        availability: obj({
          offlinePartitionMs: num,
          unwritablePartitionMs: num,
          clientUnwritablePartitionMs: num,
        }),
        failovers: arr(failover),
        events: arr(event),
        clientLog: described(
          'With run --client-log: the clients\u2019 log lines in order.',
          arr(
            obj({
              atMs: int,
              client: str,
              level: { enum: ['INFO', 'WARN', 'ERROR'] },
              message: str,
              logger: str,
            }),
          ),
        ),
        capacity: described(
          'With cluster.brokerType: per broker, its peak utilisation, time above 100% and peak queue over the run.',
          obj({
            brokerType: str,
            brokers: arr(
              obj({ id: int, peakUtilisation: num, overloadedMs: int, peakQueueMs: int }),
            ),
          }),
        ),
      },
      ['clientLog', 'capacity'],
    ),
  }
}

function verdictSchema(): Schema {
  const kind = { enum: ['broker', 'zone', 'brokers', 'zone+broker'] }
  const worst = obj({
    name: str,
    kind,
    brokers: arr(int),
    offline: int,
    unwritable: int,
    singleCopy: int,
    uncleanRequired: int,
    controlPlaneLost: bool,
    topics: arr(obj({ topic: str, partitions: int, offline: int, unwritable: int })),
    moreTopics: int,
    peakUtilisation: nullableNum,
    overloadedBrokers: nullableInt,
  })
  const clients = obj({
    failure: str,
    windowMs: int,
    producers: int,
    maxStallMs: nullableNum,
    touchedPartitions: int,
    notResumedPartitions: int,
    unwritablePartitionMs: num,
    failedRecords: int,
    retriedRecords: int,
    lostAckedRecords: int,
    p99LatencyMs: nullableNum,
    errors: { type: 'object', additionalProperties: int },
  })
  return obj({
    classes: arr(
      obj({
        kind,
        cases: int,
        availabilityLost: int,
        durabilityAtRisk: int,
        worst: { anyOf: [{ type: 'null' }, worst] },
        overloadedCases: nullableInt,
        clients: { anyOf: [{ type: 'null' }, clients] },
      }),
    ),
    hasProducers: bool,
  })
}

export function buildAnalysisSchema(): Schema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: ANALYSIS_SCHEMA_URL,
    title: 'Kafka HA Lab analysis report, version 1',
    description:
      'What `kafka-ha-lab analyze --format json` prints. Fields are only added within version 1 (docs/cli.md, "Report versions").',
    ...obj({
      version: { const: 1 },
      assumption: str,
      failures: arr(
        obj({
          kind: { enum: ['broker', 'zone', 'brokers', 'zone+broker'] },
          name: str,
          brokers: arr(int),
          controllers: arr(int),
          offlinePartitions: int,
          unwritablePartitions: int,
          singleCopyPartitions: int,
          uncleanElectionRequired: int,
          controlPlaneLost: bool,
          peakBrokerUtilisation: described(
            'The busiest surviving broker\u2019s utilisation after leaderships and traffic move (1 is its limit); null without cluster.brokerType.',
            nullableNum,
          ),
          overloadedBrokers: described(
            'Surviving brokers above their limit; null without cluster.brokerType.',
            nullableInt,
          ),
        }),
      ),
      advice: arr(
        obj(
          {
            id: { enum: [...FINDING_IDS] },
            severity: { enum: ['error', 'warning', 'info'] },
            path: str,
            params: described('The rule\u2019s facts as plain JSON values.', { type: 'object' }),
            message: str,
            fix: obj({
              code: str,
              params: { type: 'object' },
              label: str,
              patch: described('The scenario change the fix makes (src/analysis/patch.ts).', {
                type: 'object',
                properties: { op: str },
                required: ['op'],
              }),
            }),
          },
          ['fix'],
        ),
      ),
      verdict: described(
        'Per failure class: cases losing availability or putting data at risk, the worst case with its topics, and (when analyze runs clients) what the producers saw in an engine run of it (src/analysis/verdict.ts).',
        verdictSchema(),
      ),
      capacity: described(
        'Per-broker load and utilisation (docs/capacity.md); null without cluster.brokerType.',
        { anyOf: [{ type: 'null' }, capacitySchema()] },
      ),
    }),
  }
}

function capacitySchema(): Schema {
  const ratios = obj(
    { networkIn: num, networkOut: num, volume: num, ingress: num, egress: num, cpu: num },
    ['networkIn', 'networkOut', 'volume', 'ingress', 'egress', 'cpu'],
  )
  const broker = obj({
    id: int,
    zone: str,
    utilisation: described('The largest of ratios: 1 is the broker\u2019s limit.', num),
    bound: { enum: ['networkIn', 'networkOut', 'volume', 'ingress', 'egress', 'cpu'] },
    ratios,
    cpu: described('The CPU (User + System) estimate as a fraction.', nullableNum),
    metrics: obj({
      BytesInPerSec: int,
      BytesOutPerSec: int,
      ReplicationBytesInPerSec: int,
      ReplicationBytesOutPerSec: int,
      KafkaDataLogsDiskUsed: described('Percent of the volume; null when unknown.', nullableNum),
    }),
    partitions: int,
    leaders: int,
  })
  return obj({
    brokerType: str,
    family: { enum: ['standard', 'express', 'custom'] },
    limits: obj({
      brokerType: str,
      family: { enum: ['standard', 'express', 'custom'] },
      networkMiBps: nullableNum,
      volumeMiBps: nullableNum,
      vcpus: nullableInt,
      cpuMiBps: nullableNum,
      ingressMiBps: nullableNum,
      egressMiBps: nullableNum,
      recommendedPartitions: nullableInt,
      maxPartitions: nullableInt,
      volumeGiB: nullableNum,
    }),
    brokers: arr(broker),
    worstFailure: {
      anyOf: [{ type: 'null' }, obj({ name: str, brokers: arr(broker) })],
    },
  })
}
