/**
 * Property tests over random fault schedules (fast-check), seeded and counted
 * (src/test-support/fuzz-runs.ts: SCHEDULE_RUNS schedules per property, FUZZ_SEED). A schedule
 * is a list of commands (crash, restart, zone stop/start, isolate/heal, slow/unslow, volume
 * replacement, wait). After
 * every command the engine's invariants hold (a violation throws inside the engine). With RF 3,
 * min ISR 2, acks=all and unclean election off, no acknowledged record is lost under any schedule
 * that keeps at most one zone down at a time, unless a replica whose volume was replaced led
 * before it caught up (the last ISR member coming back empty: docs/kafka-rules.md §4.6, case 6);
 * and once every fault heals, every partition regains a leader and a full ISR within a stated
 * bound. After the run the snapshot agrees: every ISR member is a replica, a leader is in its
 * ISR, and no replica's high watermark passes its log end.
 *
 * Each property counts the schedules whose durability check applied and those it did not (an
 * empty replica led): the latter are legitimate (Kafka loses those records too), but at least a
 * quarter of the schedules must get the check, or the property would be checking little. (With
 * the default seed: KRaft 27 of 30 checked, ZooKeeper 16 of 30, where a bounced controller broker
 * often leads on an empty volume, saturated 29 of 30.)
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { fuzzRun, fuzzTimeoutMs } from '../test-support/fuzz-runs'
import { TestCluster } from '../test-support/test-cluster'
import type { Fault } from './spec'
import { versionRules, type KafkaVersion } from './versions'

/** The versions each controller is tried with (ZooKeeper mode ends at 3.9). */
const VERSIONS: Record<'kraft' | 'zookeeper', KafkaVersion[]> = {
  kraft: ['3.6', '3.7', '3.9', '4.0', '4.1'],
  zookeeper: ['3.6', '3.9'],
}

/** Liveness bound after all faults heal: fencing/restart (≤ 15 s) + catch-up + lag checks. */
export const RECOVERY_BOUND_MS = 90_000

/** A generous per-schedule cost for the timeouts (one takes about 0.3 s here). */
const TIMEOUT = fuzzTimeoutMs('schedule', 2_000)

const ZONES = ['use1-az1', 'use1-az2', 'use1-az3']

type Command =
  | { kind: 'crash'; broker: number }
  | { kind: 'start'; broker: number }
  | { kind: 'stopZone'; zone: number }
  | { kind: 'isolate'; broker: number }
  | { kind: 'slow'; broker: number; delay: number }
  | { kind: 'replace'; broker: number }
  | { kind: 'wait'; ms: number }

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('crash' as const), broker: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('start' as const), broker: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('stopZone' as const), zone: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('isolate' as const), broker: fc.integer({ min: 1, max: 6 }) }),
  fc.record({
    kind: fc.constant('slow' as const),
    broker: fc.integer({ min: 1, max: 6 }),
    delay: fc.integer({ min: 100, max: 40_000 }),
  }),
  fc.record({ kind: fc.constant('replace' as const), broker: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 500, max: 30_000 }) }),
)

/**
 * Runs a schedule keeping "at most one zone down": a command that would take down a broker in a
 * second zone first heals everything else. Returns the cluster after healing and recovery.
 */
function runSchedule(
  seed: number,
  commands: Command[],
  controller: 'kraft' | 'zookeeper',
  kafkaVersion: KafkaVersion = '3.9',
  saturated = false,
) {
  // ELR as the scenario reader sets it: on by default for a new 4.1 cluster.
  const config = { 'eligible.leader.replicas.enable': versionRules(kafkaVersion).elrDefault }
  const c = TestCluster.create({
    zones: 3,
    brokersPerZone: 2,
    seed,
    controller,
    kafkaVersion,
    config,
    // Brokers so small that losing any one overloads the others: queues, slow catch-up.
    ...(saturated
      ? {
          brokerType: 'custom' as const,
          brokerLimits: { vcpus: 1, networkMiBps: 0.35, volumeThroughputMiBps: 0.35 },
        }
      : {}),
  })
  c.topic('orders', { partitions: 6, replicationFactor: 3, 'min.insync.replicas': 2 })
  c.producer('p1', 'orders', {
    acks: -1,
    recordsPerSecond: 150,
    ...(saturated ? { recordBytes: 4096 } : {}),
  })
  c.runFor(3_000)
  let downZone: number | null = null
  const zoneOf = (broker: number) => (broker - 1) % 3
  const healAll = () => {
    if (downZone !== null) c.inject({ type: 'startZone', zone: ZONES[downZone] as string })
    for (let b = 1; b <= 6; b++) {
      c.inject({ type: 'healBroker', broker: b })
      c.inject({ type: 'unslowBroker', broker: b })
      c.inject({ type: 'startBroker', broker: b })
    }
    downZone = null
  }
  const claimZone = (zone: number) => {
    if (downZone !== null && downZone !== zone) healAll()
    downZone = zone
  }
  for (const cmd of commands) {
    let fault: Fault | null = null
    switch (cmd.kind) {
      case 'crash':
        claimZone(zoneOf(cmd.broker))
        fault = { type: 'crashBroker', broker: cmd.broker }
        break
      case 'start':
        fault = { type: 'startBroker', broker: cmd.broker }
        break
      case 'stopZone':
        claimZone(cmd.zone)
        fault = { type: 'stopZone', zone: ZONES[cmd.zone] as string }
        break
      case 'isolate':
        claimZone(zoneOf(cmd.broker))
        fault = { type: 'isolateBroker', broker: cmd.broker }
        break
      case 'slow':
        claimZone(zoneOf(cmd.broker))
        fault = { type: 'slowBroker', broker: cmd.broker, fetchDelayMs: cmd.delay }
        break
      case 'replace':
        claimZone(zoneOf(cmd.broker))
        fault = { type: 'replaceVolume', broker: cmd.broker }
        break
      case 'wait':
        c.runFor(cmd.ms)
        break
    }
    if (fault !== null) c.inject(fault)
    c.runFor(200)
  }
  healAll()
  c.runFor(RECOVERY_BOUND_MS)
  return c
}

/**
 * Whether some partition elected a replica whose volume had been replaced before it rejoined that
 * partition's ISR: it led with an empty log, so acknowledged records may be gone without an
 * unclean election (docs/kafka-rules.md §4.6, case 6). The harness keeps one zone down at a time,
 * not one replica: a replaced volume on the last ISR member is such a case.
 */
function emptyReplicaLed(c: TestCluster): boolean {
  const replaced = new Map<number, number>()
  const rejoined = new Map<string, number>()
  for (const e of c.simulation.events()) {
    if (e.type === 'VolumeReplaced') replaced.set(e.broker, e.atMs)
    if (e.type === 'IsrExpanded')
      for (const b of e.added) rejoined.set(`${e.topic}-${e.partition}:${b}`, e.atMs)
    if (e.type !== 'LeaderElected') continue
    const at = replaced.get(e.leader)
    if (at === undefined) continue
    const back = rejoined.get(`${e.topic}-${e.partition}:${e.leader}`) ?? -1
    if (back < at) return true
  }
  return false
}

/**
 * What the final snapshot must agree with, whatever happened: ISR ⊆ replicas, a leader is in
 * its ISR, and no high watermark (the partition's, or any replica's) passes the log end of the
 * replica holding it. (The engine checks more after every event; this re-checks the published
 * view, which the UI draws.)
 */
function expectConsistentSnapshot(c: TestCluster): void {
  for (const p of c.snapshot().partitions) {
    const name = `${p.topic}-${p.partition}`
    for (const id of p.isr) expect(p.replicas, `${name}: ISR member ${id}`).toContain(id)
    if (p.leader !== -1) expect(p.isr, `${name}: leader ${p.leader}`).toContain(p.leader)
    for (const r of p.replicaStates) {
      expect(r.highWatermark, `${name} on ${r.broker}: HW <= LEO`).toBeLessThanOrEqual(
        r.logEndOffset,
      )
    }
    const leader = p.replicaStates.find((r) => r.broker === p.leader)
    if (leader !== undefined) expect(p.highWatermark).toBeLessThanOrEqual(leader.logEndOffset)
  }
}

/** Checks durability unless an empty replica led; says which of the two it was. */
function checkDurability(c: TestCluster): 'durability checked' | 'empty replica led' {
  if (emptyReplicaLed(c)) return 'empty replica led'
  expect(c.snapshot().durability.lostAckedRecords).toBe(0)
  return 'durability checked'
}

describe('random fault schedules', () => {
  for (const controller of ['kraft', 'zookeeper'] as const) {
    it(
      `${controller}: invariants hold, no acknowledged acks=all record is lost, and the cluster recovers`,
      () => {
        const run = fuzzRun('schedule')
        run.assert(
          fc.property(
            fc.integer({ min: 1, max: 1_000_000 }),
            fc.array(command, { minLength: 1, maxLength: 12 }),
            fc.constantFrom(...VERSIONS[controller]),
            (seed, commands, version) => {
              const c = runSchedule(seed, commands, controller, version)
              const durability = checkDurability(c)
              expectConsistentSnapshot(c)
              for (const p of c.snapshot().partitions) {
                // With ELR on (4.1 here), replicas that restarted uncleanly leave the ISR and ELR
                // (handleBrokerUncleanShutdown), so a partition all of whose replicas did stays
                // offline when no last known leader is left to elect (KIP-966: unclean recovery
                // is needed). Otherwise every partition recovers fully.
                const noEligibleReplica =
                  p.isr.length === 0 &&
                  p.elr.length === 0 &&
                  !p.lastKnownElr.some((id) => p.replicas.includes(id))
                if (versionRules(version).elrDefault && p.leader === -1) {
                  expect(noEligibleReplica).toBe(true)
                  continue
                }
                expect(p.leader).toBeGreaterThanOrEqual(0)
                expect(p.isr.length).toBe(3)
              }
              run.reached(durability)
            },
          ),
        )
        expect(run.count('durability checked')).toBeGreaterThanOrEqual(run.runs / 4)
      },
      TIMEOUT,
    )
  }
})

describe('random fault schedules on saturated brokers (capacity model)', () => {
  it(
    'invariants hold and no acknowledged acks=all record is lost while requests queue',
    () => {
      const run = fuzzRun('schedule')
      run.assert(
        fc.property(
          fc.integer({ min: 1, max: 1_000_000 }),
          fc.array(command, { minLength: 1, maxLength: 10 }),
          fc.constantFrom<KafkaVersion>('3.9', '4.1'),
          (seed, commands, version) => {
            const c = runSchedule(seed, commands, 'kraft', version, true)
            const durability = checkDurability(c)
            expectConsistentSnapshot(c)
            run.reached(durability)
          },
        ),
      )
      expect(run.count('durability checked')).toBeGreaterThanOrEqual(run.runs / 4)
    },
    TIMEOUT,
  )

  it('the harness does saturate: losing a zone puts the survivors above their limit', () => {
    // 150 records/s of 4 KiB at RF 3 is 0.29 MiB/s of writes per broker in the steady state,
    // 84% of the 0.35 MiB/s limit; the survivors of a zone take over its leaderships. (Checked
    // here once rather than per schedule: a schedule that keeps partitions offline from the
    // start measures little traffic, and says nothing about the harness.)
    const c = runSchedule(
      1,
      [
        { kind: 'stopZone', zone: 0 },
        { kind: 'wait', ms: 20_000 },
      ],
      'kraft',
      '3.9',
      true,
    )
    const peaks = c.snapshot().capacity!.brokers.map((b) => b.peakUtilisation)
    expect(Math.max(...peaks)).toBeGreaterThan(1)
  }, 60_000)
})

describe('pinned regressions (schedules fast-check once shrank to)', () => {
  const cases: {
    name: string
    controller: 'kraft' | 'zookeeper'
    commands: Command[]
    version?: KafkaVersion
  }[] = [
    {
      name: 'ZooKeeper: the controller broker bounces onto an empty volume and loses its leaderships',
      controller: 'zookeeper',
      commands: [
        { kind: 'replace', broker: 1 },
        { kind: 'crash', broker: 3 },
      ],
    },
    {
      name: 'ZooKeeper: a broker that bounces while no controller can see it loses its leaderships at the next failover',
      controller: 'zookeeper',
      version: '3.6',
      commands: [
        { kind: 'replace', broker: 4 },
        { kind: 'stopZone', zone: 0 },
        { kind: 'crash', broker: 6 },
        { kind: 'slow', broker: 3, delay: 100 },
      ],
    },
    {
      name: 'a broker restarting while another crashes applies its metadata once ready',
      controller: 'kraft',
      commands: [
        { kind: 'crash', broker: 1 },
        { kind: 'wait', ms: 7600 },
        { kind: 'crash', broker: 2 },
      ],
    },
    {
      name: 'a former leader with an empty epoch at its log end truncates its epoch cache',
      controller: 'kraft',
      commands: [
        { kind: 'stopZone', zone: 0 },
        { kind: 'stopZone', zone: 1 },
        { kind: 'wait', ms: 11400 },
        { kind: 'stopZone', zone: 2 },
        { kind: 'wait', ms: 3600 },
      ],
    },
    {
      name: 'a leader restarting in the same epoch keeps its epoch entry, so divergence is detected',
      controller: 'kraft',
      commands: [
        { kind: 'stopZone', zone: 1 },
        { kind: 'crash', broker: 1 },
        { kind: 'wait', ms: 17515 },
        { kind: 'stopZone', zone: 1 },
        { kind: 'start', broker: 1 },
      ],
    },
    {
      name: 'ZooKeeper sees a bounced broker, so its offline partition elects once replicas return',
      controller: 'zookeeper',
      commands: [
        { kind: 'stopZone', zone: 2 },
        { kind: 'slow', broker: 6, delay: 100 },
        { kind: 'isolate', broker: 3 },
        { kind: 'wait', ms: 10200 },
        { kind: 'crash', broker: 4 },
        { kind: 'stopZone', zone: 1 },
      ],
    },
    {
      name: 'KRaft fences the old incarnation, then the caught-up follower rejoins the ISR',
      controller: 'kraft',
      commands: [
        { kind: 'stopZone', zone: 1 },
        { kind: 'crash', broker: 6 },
      ],
    },
    {
      name: 'a parked fetch whose expiry was superseded can be scheduled again',
      controller: 'kraft',
      commands: [
        { kind: 'crash', broker: 1 },
        { kind: 'start', broker: 1 },
        { kind: 'stopZone', zone: 0 },
        { kind: 'stopZone', zone: 2 },
        { kind: 'start', broker: 1 },
      ],
    },
    {
      name: 'followers removed while their leader was down keep polling and rejoin',
      controller: 'kraft',
      commands: [
        { kind: 'crash', broker: 2 },
        { kind: 'crash', broker: 1 },
      ],
    },
  ]
  it('a saturated follower does not take a response meant for the log it truncated (seed 471593)', () => {
    const c = runSchedule(
      471593,
      [
        { kind: 'start', broker: 1 },
        { kind: 'stopZone', zone: 2 },
        { kind: 'slow', broker: 1, delay: 7100 },
        { kind: 'stopZone', zone: 2 },
        { kind: 'wait', ms: 6800 },
        { kind: 'isolate', broker: 1 },
        { kind: 'stopZone', zone: 0 },
        { kind: 'crash', broker: 5 },
        { kind: 'stopZone', zone: 2 },
      ],
      'kraft',
      '3.9',
      true,
    )
    expect(c.snapshot().durability.lostAckedRecords).toBe(0)
  }, 60_000)
  for (const { name, controller, commands, version } of cases) {
    it(`${name} (seed 1)`, () => {
      const c = runSchedule(1, commands, controller, version)
      const snapshot = c.snapshot()
      for (const p of snapshot.partitions) {
        expect(p.leader).toBeGreaterThanOrEqual(0)
        expect(p.isr.length).toBe(3)
      }
      expect(snapshot.durability.lostAckedRecords).toBe(0)
    }, 60_000)
  }
})
