/**
 * Consumer groups as Kafka runs them (issue 14): the coordinator is the leader of the group's
 * __consumer_offsets partition (GroupMetadataManager.partitionFor), members find it, join and sync
 * (AbstractCoordinator), heartbeat, commit (ConsumerCoordinator), and a dead member's partitions
 * go to the others after session.timeout.ms, from the last committed offsets.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createSimulation, restoreSimulation } from './index'
import type { Simulation } from './api'
import type { ConsumerView, SimEvent } from './types'
import type { EngineState } from './state'
import { offsetsPartitionFor, javaStringHash, rangeAssignment } from './consumer-groups'
import { javaHashMapPutOrder, topicPartitionHash } from './java-hash'
import { parseScenario } from '../scenario'
import type { ScenarioFile } from '../scenario/types'

const COORDINATOR_LOGGER = 'org.apache.kafka.clients.consumer.internals.ConsumerCoordinator'

/** 3 zones × 1 broker, `orders` (6 partitions, RF 3, min ISR 2), a producer and a group. */
function scenario(
  overrides: Partial<ScenarioFile> = {},
  consumer: Record<string, unknown> = {},
): ScenarioFile {
  return {
    version: 1,
    name: 'groups',
    seed: 3,
    durationMs: 120_000,
    cluster: {
      zones: ['use1-az1', 'use1-az2', 'use1-az3'],
      brokersPerZone: 1,
      config: { 'min.insync.replicas': 2, 'default.replication.factor': 3 },
    },
    topics: [{ name: 'orders', partitions: 6, replicationFactor: 3 }],
    clients: [
      { kind: 'producer', id: 'p', topic: 'orders', recordsPerSecond: 60 },
      { kind: 'consumer', id: 'readers', topic: 'orders', group: 'g', members: 2, ...consumer },
    ],
    ...overrides,
  }
}

function simulate(file: ScenarioFile): Simulation {
  const parsed = parseScenario(JSON.stringify(file))
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '))
  return createSimulation(parsed.spec, { checkInvariants: true, throwOnViolation: true })
}

function readers(sim: Simulation): ConsumerView {
  const view = sim.snapshot().clients.find((c) => c.id === 'readers')
  if (view?.kind !== 'consumer') throw new Error('no consumer readers')
  return view
}

function events<T extends SimEvent['type']>(sim: Simulation, type: T) {
  return sim.events().filter((e): e is Extract<SimEvent, { type: T }> => e.type === type)
}

function lines(sim: Simulation, fromMs = 0, clientId?: string) {
  return sim
    .clientLog()
    .filter(
      (l) =>
        l.atMs >= fromMs && (clientId === undefined || l.message.includes(`clientId=${clientId},`)),
    )
}

/** The engine's own state (a checkpoint is a clone of it). */
function state(sim: Simulation): EngineState {
  return sim.checkpoint().state as EngineState
}

function coordinatorOf(sim: Simulation): number {
  const group = sim.snapshot().groups[0]
  if (group?.coordinator === null || group === undefined) throw new Error('no coordinator')
  return group.coordinator
}

describe('the group coordinator', () => {
  it("is the leader of partition abs(hash(group.id)) % 50 of __consumer_offsets (Java's String.hashCode)", () => {
    expect(javaStringHash('hello')).toBe(99162322)
    // The famous string whose hashCode is Integer.MIN_VALUE: Utils.abs makes it 0.
    expect(javaStringHash('polygenelubricants')).toBe(-2147483648)
    expect(offsetsPartitionFor('polygenelubricants', 50)).toBe(0)
    expect(offsetsPartitionFor('hello', 50)).toBe(99162322 % 50)
    const sim = simulate(scenario())
    sim.runUntil(10_000)
    const offsets = sim.snapshot().partitions.filter((p) => p.topic === '__consumer_offsets')
    expect(offsets).toHaveLength(50)
    expect(offsets.every((p) => p.internal === true && p.replicas.length === 3)).toBe(true)
    const group = sim.snapshot().groups[0]
    expect(group?.offsetsPartition).toBe(offsetsPartitionFor('g', 50))
    const leader = offsets[offsetsPartitionFor('g', 50)]?.leader
    expect(group?.coordinator).toBe(leader)
    expect(events(sim, 'GroupCoordinatorFound').map((e) => e.broker)).toEqual([leader, leader])
  })

  it('joins with MEMBER_ID_REQUIRED first (KIP-394), waits group.initial.rebalance.delay.ms once more per window a member joined in, then syncs', () => {
    const sim = simulate(scenario())
    sim.runUntil(10_000)
    const coordinator = coordinatorOf(sim)
    const member0 = lines(sim, 0, 'readers-0')
      .filter((l) => l.logger === COORDINATOR_LOGGER)
      .map((l) => l.message.replace(/^\[[^\]]*\] /, ''))
    expect(member0[0]).toBe(
      `Discovered group coordinator b-${coordinator}:9092 (id: ${2147483647 - coordinator} rack: null)`,
    )
    expect(member0[1]).toBe('(Re-)joining group')
    expect(member0[2]).toMatch(
      /^Request joining group due to: need to re-join with the given member-id: readers-0-[0-9a-f]{8}-/,
    )
    expect(member0[3]).toBe('(Re-)joining group')
    expect(member0[4]).toMatch(
      /^Successfully joined group with generation Generation\{generationId=1, memberId='readers-0-.*', protocol='range'\}$/,
    )
    const rebalanced = events(sim, 'GroupRebalanced')
    expect(rebalanced).toHaveLength(1)
    const joinedAt =
      lines(sim, 0, 'readers-0').find((l) => l.message.endsWith('(Re-)joining group'))?.atMs ?? 0
    // InitialDelayedJoin: 3 s after the first join; the second member joined during that wait,
    // so it waits 3 s more (in whole steps: InitialDelayedJoin.onComplete re-arms itself).
    expect(rebalanced[0]?.atMs).toBeGreaterThanOrEqual(joinedAt + 6_000)
    expect(rebalanced[0]?.atMs).toBeLessThan(joinedAt + 6_100)
    const assigned = events(sim, 'GroupAssignmentReceived').map((e) => e.partitions)
    expect(assigned.flat().sort()).toEqual([0, 1, 2, 3, 4, 5])
    expect(assigned.map((p) => p.length)).toEqual([3, 3])
  })

  it('does not form when __consumer_offsets cannot be created (2 brokers, offsets.topic.replication.factor 3)', () => {
    const file = scenario({
      cluster: { zones: ['use1-az1', 'use1-az2'], brokersPerZone: 1, config: {} },
      topics: [{ name: 'orders', partitions: 2, replicationFactor: 2 }],
    })
    const parsed = parseScenario(JSON.stringify(file))
    expect(parsed.ok && parsed.warnings.map((w) => w.code)).toContain(
      'offsets-topic-cannot-be-created',
    )
    const sim = simulate(file)
    sim.runUntil(30_000)
    expect(sim.snapshot().partitions.some((p) => p.topic === '__consumer_offsets')).toBe(false)
    expect(events(sim, 'GroupCoordinatorNotAvailable').map((e) => e.reason)).toEqual([
      'no-offsets-topic',
      'no-offsets-topic',
    ])
    expect(readers(sim).consumed).toBe(0)
    expect(sim.snapshot().groups[0]).toMatchObject({
      state: 'Empty',
      generation: 0,
      coordinator: null,
      offsetsPartition: -1,
    })
  })
})

// Invariants are checked after every event, over 56 partitions: these runs take seconds.
const SLOW = { timeout: 30_000 }

describe("the coordinator's broker fails", SLOW, () => {
  it('members log the loss, rediscover the new leader of the partition and carry on: nothing consumed twice', () => {
    const probe = simulate(scenario())
    probe.runUntil(10_000)
    const coordinator = coordinatorOf(probe)
    const sim = simulate(
      scenario({ faults: [{ atMs: 40_000, type: 'crashBroker', broker: coordinator }] }),
    )
    sim.runUntil(120_000)
    const node = 2147483647 - coordinator
    const lost = lines(sim, 40_000, 'readers-0').map((l) => l.message)
    expect(lost).toContain(
      `[Consumer clientId=readers-0, groupId=g] Group coordinator b-${coordinator}:9092 (id: ${node} rack: null) is unavailable or invalid due to cause: coordinator unavailable. isDisconnected: true. Rediscovery will be attempted.`,
    )
    // Until the controller fences the broker, FindCoordinator still names it, and connecting fails.
    expect(lost).toContain(
      `[Consumer clientId=readers-0, groupId=g] Connection to node ${node} (b-${coordinator}/10.0.${coordinator}.${coordinator}:9092) could not be established. Node may not be available.`,
    )
    const next = coordinatorOf(sim)
    expect(next).not.toBe(coordinator)
    expect(
      lost.some((m) =>
        m.endsWith(
          `Discovered group coordinator b-${next}:9092 (id: ${2147483647 - next} rack: null)`,
        ),
      ),
    ).toBe(true)
    // No rebalance: the new coordinator loads the group and the members keep their generation.
    expect(events(sim, 'GroupRebalanced')).toHaveLength(1)
    const view = readers(sim)
    expect(view.duplicates).toBe(0)
    expect(view.skipped).toBe(0)
    expect(view.lag).toBeLessThan(100)
    const produced = sim.snapshot().clients.find((c) => c.id === 'p')
    expect(produced?.kind === 'producer' && view.consumed).toBeGreaterThan(
      0.9 * (produced?.kind === 'producer' ? produced.acked : 0),
    )
  })
})

describe('a member of a two-member group dies', SLOW, () => {
  it('after session.timeout.ms the other takes its partitions from the last commit; duplicates count exactly what was read since', () => {
    const sim = simulate(scenario())
    sim.runUntil(40_000)
    const before = state(sim)
    const dead = before.consumers[1]
    const group = before.groups[0]
    if (dead?.gm === null || dead === undefined || group === undefined) throw new Error('no member')
    const partitions = dead.gm.assigned.slice()
    expect(partitions).toHaveLength(3)
    sim.inject({ type: 'crashClient', client: 'readers', member: 1 })
    // Its last commit: the newest entry for each of its partitions.
    const committed = partitions.map((p) => {
      for (let i = group.commits.length - 1; i >= 0; i--) {
        const c = group.commits[i]
        const j = c?.partitions.indexOf(p) ?? -1
        if (c !== undefined && j >= 0) return c.offsets[j] as number
      }
      return 0
    })
    const readSinceCommit = partitions.reduce(
      (n, p, i) => n + (dead.positions[p] as number) - (committed[i] as number),
      0,
    )
    expect(readSinceCommit).toBeGreaterThan(0)
    sim.runUntil(120_000)
    const removed = events(sim, 'GroupMemberRemoved')
    expect(removed).toHaveLength(1)
    expect(removed[0]).toMatchObject({ member: 1, reason: 'session-timeout' })
    // Its last heartbeat was at most heartbeat.interval.ms (+ a poll tick) before the crash.
    expect(removed[0]?.atMs).toBeGreaterThan(40_000 + 45_000 - 3_600)
    expect(removed[0]?.atMs).toBeLessThanOrEqual(40_000 + 45_000)
    const last = events(sim, 'GroupAssignmentReceived').at(-1)
    expect(last).toMatchObject({ member: 0, generation: 2, partitions: [0, 1, 2, 3, 4, 5] })
    // From 3.7 ConsumerUtils logs these without the [Consumer clientId=…] prefix.
    const takeover = lines(sim, 80_000).map((l) => l.message)
    partitions.forEach((p, i) => {
      expect(
        takeover.some((m) =>
          m.includes(
            `Setting offset for partition orders-${p} to the committed offset FetchPosition{offset=${committed[i]},`,
          ),
        ),
      ).toBe(true)
    })
    const setting = takeover.find((m) =>
      m.startsWith(`Setting offset for partition orders-${partitions[0] as number} `),
    )
    expect(setting).toMatch(
      new RegExp(
        `^Setting offset for partition orders-\\d to the committed offset FetchPosition\\{offset=${committed[0] as number}, offsetEpoch=Optional\\[\\d+\\], currentLeader=LeaderAndEpoch\\{leader=Optional\\[b-\\d:9092 \\(id: \\d rack: use1-az\\d\\)\\], epoch=\\d+\\}\\}$`,
      ),
    )
    expect(readers(sim).duplicates).toBe(readSinceCommit)
    expect(readers(sim).skipped).toBe(0)
    // The failover record: detected at the session expiry, recovered when the rebalance that
    // followed handed every partition out again.
    const record = sim.failovers()[0]
    expect(record).toMatchObject({
      fault: { type: 'crashClient', client: 'readers', member: 1 },
      detectedAtMs: removed[0]?.atMs,
      recoveredAtMs: last?.atMs,
    })
  })

  it('nothing is read twice when the member only left and came back (it commits before it rejoins)', () => {
    const sim = simulate(
      scenario({
        faults: [
          { atMs: 30_000, type: 'crashClient', client: 'readers', member: 1 },
          { atMs: 90_000, type: 'startClient', client: 'readers', member: 1 },
        ],
        durationMs: 150_000,
      }),
    )
    sim.runUntil(150_000)
    const view = readers(sim)
    // The takeover at ~75 s re-reads what member 1 read after its last commit; the rebalance
    // when it returns re-reads nothing: member 0 commits in onJoinPrepare before revoking.
    const takeoverDuplicates = view.duplicates
    const revoke = lines(sim, 90_000, 'readers-0').find((l) =>
      l.message.includes('Revoke previously assigned partitions'),
    )
    expect(revoke?.message).toContain('orders-0, orders-1, orders-2, orders-3, orders-4, orders-5')
    expect(events(sim, 'GroupRebalanced').map((e) => e.members)).toEqual([2, 1, 2])
    expect(view.members?.map((m) => m.partitions.length)).toEqual([3, 3])
    const probe = simulate(
      scenario({
        faults: [{ atMs: 30_000, type: 'crashClient', client: 'readers', member: 1 }],
        durationMs: 150_000,
      }),
    )
    probe.runUntil(150_000)
    expect(takeoverDuplicates).toBe(readers(probe).duplicates)
    expect(view.lag).toBeLessThan(100)
  })

  it('a crashed producer loses what it had not had acknowledged, never an acknowledged record', () => {
    const sim = simulate(
      scenario({
        faults: [
          { atMs: 20_000, type: 'crashBroker', broker: 1 },
          { atMs: 22_000, type: 'crashClient', client: 'p' },
          { atMs: 40_000, type: 'startClient', client: 'p' },
        ],
      }),
    )
    sim.runUntil(120_000)
    const p = sim.snapshot().clients.find((c) => c.id === 'p')
    if (p?.kind !== 'producer') throw new Error('no producer')
    // Batches for broker 1's partitions waited in the accumulator during the fencing.
    expect(p.lostAtCrash).toBeGreaterThan(0)
    expect(p.acked + p.lostAtCrash + p.failed + p.inFlight).toBe(p.sent)
    expect(sim.snapshot().durability.lostAckedRecords).toBe(0)
    // It sends again after its restart.
    expect(p.sent).toBeGreaterThan(60 * 90)
  })
})

describe('a member restarted within its session timeout', SLOW, () => {
  it('rejoins as a new member; the whole group waits for its old self to expire, reading nothing', () => {
    // Dynamic membership: the restarted process gets a new member id, the old one stays in the
    // group until its session runs out, and the rebalance it triggered cannot complete before
    // (GroupMetadata.hasAllMembersJoined). Meanwhile every member has revoked its partitions.
    const sim = simulate(
      scenario({
        faults: [
          { atMs: 30_000, type: 'crashClient', client: 'readers', member: 1 },
          { atMs: 32_000, type: 'startClient', client: 'readers', member: 1 },
        ],
      }),
    )
    sim.runUntil(60_000)
    expect(sim.snapshot().groups[0]).toMatchObject({
      state: 'PreparingRebalance',
      knownMembers: 2,
      leavingMembers: 1,
    })
    const stalled = readers(sim)
    expect(stalled.members?.every((m) => m.partitions.length === 0)).toBe(true)
    sim.runUntil(120_000)
    const removed = events(sim, 'GroupMemberRemoved')
    expect(removed).toHaveLength(1)
    // The old member id's last heartbeat came at most heartbeat.interval.ms before the crash.
    expect(removed[0]?.atMs).toBeGreaterThan(30_000 + 45_000 - 3_600)
    expect(removed[0]?.atMs).toBeLessThanOrEqual(30_000 + 45_000)
    const rebalanced = events(sim, 'GroupRebalanced')
    expect(rebalanced.at(-1)).toMatchObject({ generation: 2, members: 2 })
    expect(rebalanced.at(-1)?.atMs).toBeGreaterThanOrEqual(removed[0]?.atMs ?? 0)
    expect(readers(sim).members?.map((m) => m.partitions.length)).toEqual([3, 3])
    expect(sim.snapshot().groups[0]?.leavingMembers).toBe(0)
  })
})

describe('a coordinator that stops leading the offsets partition while it runs', SLOW, () => {
  it('answers the JoinGroup parked there NOT_COORDINATOR, so the member rejoins at the new one', () => {
    // Found by the random schedules (then as a coordinator restarted before it was fenced, which
    // serves nobody now: a KRaft broker opens its listeners once unfenced). A restarted member's
    // JoinGroup is parked at broker 3, the coordinator, while the group waits for the member's
    // old self; then broker 3 shuts down and its leadership of the offsets partition moves.
    // GroupCoordinator.onResignation answers the parked join; before, the member waited for its
    // JoinGroup timeout (max.poll.interval.ms + 5 s) and was expired meanwhile.
    const sim = simulate(scenario({ seed: 434225, durationMs: 600_000 }))
    sim.runUntil(8_000)
    expect(coordinatorOf(sim)).toBe(3)
    sim.inject({ type: 'crashClient', client: 'readers', member: 0 })
    sim.runUntil(8_600)
    sim.inject({ type: 'startClient', client: 'readers', member: 0 })
    sim.runUntil(15_000)
    sim.inject({ type: 'shutdownBroker', broker: 3 })
    // The restarted member's old self is held until its session expires (restarted on
    // the new coordinator): then the rebalance completes.
    sim.runUntil(90_000)
    const failed = lines(sim, 8_600, 'readers-0').find((l) =>
      l.message.includes('JoinGroup failed'),
    )
    expect(failed?.message).toContain(
      'JoinGroup failed: This is not the correct coordinator. Marking coordinator unknown.',
    )
    expect(sim.snapshot().groups[0]).toMatchObject({ state: 'Stable', knownMembers: 2 })
    expect(readers(sim).members?.map((m) => m.partitions.length)).toEqual([3, 3])
  })
})

describe('a member its coordinator expired', SLOW, () => {
  it('resets on its heartbeat, then onJoinPrepare fails its commit locally and gives the partitions away as lost', () => {
    // The coordinator's broker is cut off from the clients for 60 s: the coordinator expires
    // both members (session.timeout.ms 45 s). Once healed, a member's heartbeat gets
    // UNKNOWN_MEMBER_ID; at its next poll onJoinPrepare's auto-commit fails at once
    // (sendOffsetCommitRequest: not part of an active group), then the partitions are lost.
    const probe = simulate(scenario())
    probe.runUntil(10_000)
    const coordinator = coordinatorOf(probe)
    const sim = simulate(
      scenario({
        faults: [
          { atMs: 20_000, type: 'isolateBroker', broker: coordinator, from: ['clients'] },
          { atMs: 80_000, type: 'healBroker', broker: coordinator },
        ],
      }),
    )
    sim.runUntil(100_000)
    const log = lines(sim, 80_000, 'readers-0')
    const at = (text: string, level?: string) =>
      log.findIndex((l) => l.message.includes(text) && (level === undefined || l.level === level))
    const reset = at(
      'Resetting generation and member id due to: encountered UNKNOWN_MEMBER_ID from HEARTBEAT response',
    )
    const failing = at(
      'Failing OffsetCommit request since the consumer is not part of an active group',
      'INFO',
    )
    const error = at(
      'Asynchronous auto-commit of offsets failed: Offset commit cannot be completed since the consumer is not part of an active group for auto partition assignment; it is likely that the consumer was kicked out of the group.. Will continue to join group.',
      'ERROR',
    )
    const lost = at(
      'Giving away all assigned partitions as lost since generation/memberID has been reset',
    )
    const rejoin = log.findIndex((l, i) => i > lost && l.message.endsWith('(Re-)joining group'))
    expect(reset).toBeGreaterThanOrEqual(0)
    expect([reset < failing, failing < error, error < lost, lost < rejoin]).toEqual([
      true,
      true,
      true,
      true,
    ])
    // The commit's callback logs at a later poll.
    const callback = log.findIndex(
      (l, i) =>
        i > rejoin &&
        l.level === 'WARN' &&
        /^\[Consumer clientId=readers-0, groupId=g\] Asynchronous auto-commit of offsets \{orders-\d=OffsetAndMetadata\{offset=\d+, leaderEpoch=\d+, metadata=''\}.*\} failed: Offset commit cannot be completed since the consumer is not part of an active group/.test(
          l.message,
        ),
    )
    expect(callback).toBeGreaterThan(rejoin)
    expect((log[callback]?.atMs ?? 0) > (log[error]?.atMs ?? Infinity)).toBe(true)
  })
})

describe('a known member that rejoins', SLOW, () => {
  /**
   * A Stable two-member group at 20 s; then member `member` asks to rejoin (as
   * AbstractCoordinator.requestRejoin leaves it: unjoined, onJoinPrepare still to run), set in
   * a checkpoint, and the run goes on for 20 s.
   */
  function rejoin(member: 'leader' | 'follower') {
    const file = scenario()
    const parsed = parseScenario(JSON.stringify(file))
    if (!parsed.ok) throw new Error('bad scenario')
    const sim = createSimulation(parsed.spec, { checkInvariants: true, throwOnViolation: true })
    sim.runUntil(20_000)
    const checkpoint = sim.checkpoint()
    const engine = checkpoint.state as EngineState
    const group = engine.groups[0]
    if (group === undefined) throw new Error('no group')
    const leaderConsumer = group.slots[group.leaderSlot]
    const target = engine.consumers.find((c, i) =>
      member === 'leader' ? i === leaderConsumer : c.gm !== null && i !== leaderConsumer,
    )
    if (target?.gm === null || target === undefined) throw new Error('no member')
    target.gm.phase = 0
    target.gm.prepared = false
    const restored = restoreSimulation(parsed.spec, checkpoint, {
      checkInvariants: true,
      throwOnViolation: true,
    })
    restored.runUntil(40_000)
    return { sim: restored, id: `readers-${target.member}` }
  }

  it('a follower gets the current generation back (doCurrentMemberJoinGroup): no rebalance', () => {
    const { sim, id } = rejoin('follower')
    expect(events(sim, 'GroupRebalanced')).toHaveLength(1)
    const joined = lines(sim, 20_000, id).filter((l) =>
      l.message.includes('Successfully joined group with generation'),
    )
    expect(joined).toHaveLength(1)
    expect(joined[0]?.message).toContain('generationId=1,')
    expect(readers(sim).duplicates).toBe(0)
  })

  it('the leader forces a rebalance (its JoinGroup may carry assignment-relevant changes)', () => {
    const { sim } = rejoin('leader')
    expect(events(sim, 'GroupRebalanced').map((e) => e.generation)).toEqual([1, 2])
  })
})

describe('offset commits that fail', SLOW, () => {
  it("a coordinator under min ISR refuses them: Kafka's WARN line for the first partition, then a retry after retry.backoff.ms", () => {
    // The two brokers other than the coordinator crash; once the controller fences them the
    // offsets partition's ISR is the coordinator alone, below min.insync.replicas 2, and the
    // coordinator answers COORDINATOR_NOT_AVAILABLE (GroupMetadataManager maps
    // NOT_ENOUGH_REPLICAS to it).
    const probe = simulate(scenario())
    probe.runUntil(10_000)
    const coordinator = coordinatorOf(probe)
    const others = [1, 2, 3].filter((b) => b !== coordinator)
    const sim = simulate(
      scenario({
        faults: others.map((broker) => ({ atMs: 30_000, type: 'crashBroker' as const, broker })),
      }),
    )
    sim.runUntil(70_000)
    const failed = lines(sim, 30_000, 'readers-0').filter((l) =>
      l.message.includes('Offset commit failed on partition'),
    )
    expect(failed.length).toBeGreaterThan(1)
    for (const l of failed) {
      expect(l.level).toBe('WARN')
      expect(l.logger).toBe(COORDINATOR_LOGGER)
      expect(l.message).toMatch(
        /^\[Consumer clientId=readers-0, groupId=g\] Offset commit failed on partition orders-\d at offset \d+: The coordinator is not available\.$/,
      )
    }
    // autoCommitOffsetsAsync retries a retriable failure after retry.backoff.ms (100), not after
    // auto.commit.interval.ms (5000): the member rediscovers the coordinator and commits again.
    const gaps = failed.slice(1).map((l, i) => l.atMs - (failed[i] as { atMs: number }).atMs)
    expect(Math.min(...gaps)).toBeLessThan(1_000)
  })

  it('a commit cut off by a disconnect is retried after retry.backoff.ms, not a whole auto-commit interval later', () => {
    const probe = simulate(scenario())
    probe.runUntil(10_000)
    const coordinator = coordinatorOf(probe)
    const sim = simulate(scenario())
    // Step until readers-0 has an OffsetCommit in flight, then crash the coordinator's broker: the
    // process dies on a live host, so the connection resets and the commit fails with a
    // DisconnectException (retriable).
    let t = 10_000
    const member = () => state(sim).consumers.find((c) => c.member === 0)
    for (; t < 40_000; t++) {
      sim.runUntil(t)
      if (member()?.gm?.open[4] === true) break
    }
    expect(member()?.gm?.open[4]).toBe(true)
    sim.inject({ type: 'crashBroker', broker: coordinator })
    for (let u = t; u < t + 5_000; u++) {
      sim.runUntil(u)
      if (member()?.gm?.open[4] !== true) break
    }
    const gm = member()?.gm
    expect(gm?.open[4]).toBe(false)
    expect((gm?.nextCommitAtMs ?? Infinity) - state(sim).nowMs).toBeLessThanOrEqual(100)
  })

  it('sends no commit while nothing is assigned (sendOffsetCommitRequest with no offsets)', () => {
    // Two members of a one-partition topic: one of them owns nothing and never commits.
    const sim = simulate(
      scenario({ topics: [{ name: 'orders', partitions: 1, replicationFactor: 3 }] }),
    )
    sim.runUntil(60_000)
    const group = state(sim).groups[0]
    const idle = state(sim).consumers.find((c) => c.gm !== null && c.gm.assigned.length === 0)
    expect(idle).toBeDefined()
    expect(group?.commits.length).toBeGreaterThan(0)
    expect(group?.commits.every((c) => c.partitions.length > 0)).toBe(true)
  })
})

describe('RangeAssignor', () => {
  it('sorts members by id and gives the first partitions % members one more', () => {
    expect(rangeAssignment(['c-b', 'c-a', 'c-c'], 7)).toEqual([
      [3, 4],
      [0, 1, 2],
      [5, 6],
    ])
    expect(rangeAssignment(['m1', 'm2'], 1)).toEqual([[0], []])
  })
})

const GROUP_RUNS = Number(process.env.GROUP_SCHEDULE_RUNS ?? 8)

describe(
  'random fault schedules with a consumer group',
  { timeout: 60_000 + GROUP_RUNS * 8_000 },
  () => {
    type Step =
      | { kind: 'crashBroker' | 'startBroker'; broker: number }
      | { kind: 'crashClient' | 'startClient'; member: number }
      | { kind: 'wait'; ms: number }
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        kind: fc.constantFrom('crashBroker' as const, 'startBroker' as const),
        broker: fc.integer({ min: 1, max: 3 }),
      }),
      fc.record({
        kind: fc.constantFrom('crashClient' as const, 'startClient' as const),
        member: fc.integer({ min: 0, max: 1 }),
      }),
      fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 200, max: 30_000 }) }),
    )

    it('invariants hold, no acknowledged record is lost, and the group settles with every member', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 1_000_000 }),
          fc.array(step, { maxLength: 10 }),
          (seed, steps) => {
            const sim = simulate(scenario({ seed, durationMs: 600_000 }))
            sim.runUntil(5_000)
            let down: number | null = null
            for (const s of steps) {
              if (s.kind === 'wait') sim.runUntil(sim.nowMs() + s.ms)
              else if (s.kind === 'crashBroker') {
                // At most one broker down: RF 3, min ISR 2 keeps every partition writable.
                if (down !== null && down !== s.broker)
                  sim.inject({ type: 'startBroker', broker: down })
                down = s.broker
                sim.inject({ type: 'crashBroker', broker: s.broker })
              } else if (s.kind === 'startBroker') {
                if (down === s.broker) down = null
                sim.inject({ type: 'startBroker', broker: s.broker })
              } else if ('member' in s)
                sim.inject({ type: s.kind, client: 'readers', member: s.member })
              sim.runUntil(sim.nowMs() + 200)
            }
            for (let b = 1; b <= 3; b++) sim.inject({ type: 'startBroker', broker: b })
            for (let m = 0; m <= 1; m++)
              sim.inject({ type: 'startClient', client: 'readers', member: m })
            // A member that died is removed after session.timeout.ms; then one rebalance.
            sim.runUntil(sim.nowMs() + 120_000)
            const snap = sim.snapshot()
            expect(snap.durability.lostAckedRecords).toBe(0)
            expect(snap.groups[0]).toMatchObject({ state: 'Stable', knownMembers: 2 })
            const view = readers(sim)
            expect(view.members?.map((m) => m.partitions.length)).toEqual([3, 3])
            expect(view.lag).toBeLessThan(200)
          },
        ),
        { numRuns: GROUP_RUNS },
      )
    })
  },
)

describe('java.util.HashMap iteration order', () => {
  it('follows HashMap.hash over TopicPartition.hashCode (orders checked in a JVM)', () => {
    const order = (partitions: number[], capacity?: number) =>
      javaHashMapPutOrder(
        partitions.map((p) => topicPartitionHash('orders', p)),
        capacity,
      ).map((i) => partitions[i])
    // new HashMap<>(n), as Sender.sendProduceRequest's recordsByPartition.
    expect(order([0, 3], 2)).toEqual([3, 0])
    expect(order([1, 4], 2)).toEqual([4, 1])
    expect(order([0, 2, 4], 3)).toEqual([0, 4, 2])
  })
})
