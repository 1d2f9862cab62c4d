/**
 * Failover as the Java client feels it (issue 14): what the producer logs, how long its writes
 * stall and which errors reach the application, against Kafka's client source —
 * Sender.sendProducerData, NetworkClient (ready, initiateConnect, handleDisconnections,
 * handleTimedOutRequests, handleTimedOutConnections), ClusterConnectionStates, RecordAccumulator.
 */
import { describe, expect, it } from 'vitest'
import type { EngineState } from './state'
import { ordersOnThreeBrokers, TestCluster } from '../test-support/test-cluster'
import type { KafkaVersion } from './versions'
import type { ProducerConfig } from './spec'

/** 3 zones × 1 broker, `orders` with 3 partitions at RF 3 led by 1, 2, 3, min ISR 2. */
function cluster(
  producer: Partial<ProducerConfig> & { recordsPerSecond?: number } = {},
  kafkaVersion?: KafkaVersion,
) {
  return ordersOnThreeBrokers(11, producer, kafkaVersion)
}

function messages(c: TestCluster, fromMs: number, toMs = Infinity): string[] {
  return c.simulation
    .clientLog()
    .filter((l) => l.atMs >= fromMs && l.atMs < toMs)
    .map((l) => l.message)
}

describe('a crashed leader process (host up)', () => {
  it('stalls its partitions for about the fencing time and fails no record', () => {
    // The reproduction: crash broker 1 at 20 s. Its batches wait in the accumulator
    // (the node is not ready), go to the new leader once the metadata names it (~9 s).
    const c = cluster().runFor(20_000)
    c.broker(1).crash()
    c.runFor(40_000)
    const p = c.producerView('p1')
    expect(p.failed).toBe(0)
    expect(p.errors['REQUEST_TIMED_OUT'] ?? 0).toBe(0)
    expect(p.latencyMs.max).toBeGreaterThan(7_000)
    expect(p.latencyMs.max).toBeLessThan(11_000)
    expect(p.latencyMs.p50).toBeLessThan(50)
  })

  it('with retries=3 still fails nothing: a batch that is not sent uses no attempt', () => {
    // Before this fix every send to the dead leader was a NETWORK_EXCEPTION "response" and 91 of
    // 450 records failed after three attempts.
    const c = cluster({ retries: 3, 'enable.idempotence': false }).runFor(20_000)
    c.broker(1).crash()
    c.runFor(40_000)
    const p = c.producerView('p1')
    expect(p.failed).toBe(0)
    expect(p.acked).toBe(p.sent)
    const retries = messages(c, 20_000).filter((m) => m.includes('Got error produce response'))
    expect(retries.length).toBeLessThanOrEqual(1)
  })

  it('logs the reset, then refused reconnects with a backoff doubling from 50 ms to 1 s', () => {
    const c = cluster().runFor(20_000)
    c.broker(1).crash()
    c.runFor(8_000)
    const lines = c.simulation.clientLog().filter((l) => l.atMs >= 20_000)
    expect(lines[0]).toMatchObject({
      level: 'INFO',
      logger: 'org.apache.kafka.clients.NetworkClient',
      message: '[Producer clientId=p1] Node 1 disconnected.',
    })
    const refused = lines.filter((l) =>
      l.message.endsWith(
        'Connection to node 1 (b-1/10.0.1.1:9092) could not be established. Node may not be available.',
      ),
    )
    expect(refused.every((l) => l.level === 'WARN')).toBe(true)
    const gaps = refused.slice(1).map((l, i) => l.atMs - (refused[i]?.atMs ?? 0))
    // ExponentialBackoff(50, 2, 1000, 0.2): the gaps grow, then stay near 1 s.
    expect(gaps[0]).toBeLessThan(200)
    for (const gap of gaps.slice(-3)) {
      expect(gap).toBeGreaterThanOrEqual(800)
      expect(gap).toBeLessThanOrEqual(1_300)
    }
  })
})

describe('a powered-off host (zone stopped)', () => {
  it('times out requests in flight after request.timeout.ms, not at once', () => {
    const c = cluster({ recordsPerSecond: 3_000 }).runFor(20_000)
    c.zone('use1-az1').stop()
    c.runFor(45_000)
    const timedOut = c.events('ProduceFailed').filter((e) => e.error === 'REQUEST_TIMED_OUT')
    expect(timedOut.length).toBeGreaterThan(0)
    for (const e of timedOut) {
      // Written at or soon after the stop, before broker 1's fencing changes the metadata.
      expect(e.atMs).toBeGreaterThanOrEqual(50_000)
      expect(e.atMs).toBeLessThanOrEqual(51_000)
      expect(e.retriable).toBe(true)
    }
    expect(messages(c, 20_000)).toContain(
      '[Producer clientId=p1] Disconnecting from node 1 due to request timeout.',
    )
    expect(c.events('ProduceFailed').some((e) => e.error === 'NETWORK_EXCEPTION')).toBe(false)
    expect(c.producerView('p1').failed).toBe(0)
  })

  it('fails a batch still in flight at delivery.timeout.ms, before its request times out (Sender.getExpiredInflightBatches)', () => {
    // request.timeout.ms as long as delivery.timeout.ms: a batch written to the powered-off
    // leader reaches its delivery timeout while its request still waits for an answer.
    const c = cluster({
      recordsPerSecond: 3_000,
      'request.timeout.ms': 60_000,
      'delivery.timeout.ms': 60_000,
    }).runFor(20_000)
    c.zone('use1-az1').stop()
    c.runFor(70_000)
    const expired = c.events('RecordsExpired').filter((e) => e.partition === 0)
    expect(expired.length).toBeGreaterThan(0)
    for (const e of expired) {
      expect(e.atMs).toBeGreaterThanOrEqual(80_000 - 200)
      expect(e.atMs).toBeLessThan(80_500)
    }
    expect(
      messages(c, 79_000, 81_000).some((m) =>
        /got org\.apache\.kafka\.common\.errors\.TimeoutException: Expiring \d+ record\(s\) for orders-0:6\d{4} ms has passed since batch creation/.test(
          m,
        ),
      ),
    ).toBe(true)
    // Its request timed out after: nothing is retried, nothing counted twice.
    const p = c.producerView('p1')
    expect(p.acked + p.failed + p.inFlight).toBe(p.sent)
    expect(c.snapshot().durability.lostAckedRecords).toBe(0)
  })

  it('gives a new connection up after socket.connection.setup.timeout.ms, doubling to 30 s', () => {
    // The only bootstrap server's host is off: the SYN goes unanswered.
    const c = cluster({ 'bootstrap.servers': [1] })
    c.at(0, { type: 'stopZone', zone: 'use1-az1' })
    c.runFor(100_000)
    const setup = c.simulation
      .clientLog()
      .filter((l) =>
        l.message.includes('Disconnecting from node -1 due to socket connection setup timeout'),
      )
    expect(setup.length).toBeGreaterThanOrEqual(3)
    const timeouts = setup.map((l) => Number(/The timeout value is (\d+) ms/.exec(l.message)?.[1]))
    // ClusterConnectionStates: 10 s, then exponentially (with 20 % jitter) up to 30 s.
    expect(timeouts[0]).toBeGreaterThanOrEqual(8_000)
    expect(timeouts[0]).toBeLessThanOrEqual(12_000)
    expect(timeouts[1]).toBeGreaterThan(timeouts[0] as number)
    expect(Math.max(...timeouts)).toBeLessThanOrEqual(30_000)
    for (let i = 1; i < setup.length; i++) {
      const gap = (setup[i]?.atMs ?? 0) - (setup[i - 1]?.atMs ?? 0)
      expect(gap).toBeGreaterThanOrEqual(timeouts[i] as number)
    }
  })
})

describe('leader discovery when leadership moves (controlled shutdown)', () => {
  function moved(version: KafkaVersion) {
    const c = cluster({ 'retry.backoff.ms': 500 }, version).runFor(20_000)
    c.broker(1).shutdown()
    c.runFor(20_000)
    const notLeader = c
      .events('ProduceFailed')
      .filter((e) => e.error === 'NOT_LEADER_OR_FOLLOWER' && e.partition === 0)
    return { c, notLeader, p: c.producerView('p1') }
  }

  it('from 3.7 (KIP-951) retries at the leader named in the answer, without backoff', () => {
    const { notLeader, p } = moved('3.7')
    expect(notLeader.length).toBeGreaterThan(0)
    expect(p.failed).toBe(0)
    // retry.backoff.ms is 500 here: a retry that skips it is faster than that.
    expect(p.latencyMs.max).toBeLessThan(100)
  })

  it('before 3.7 backs off retry.backoff.ms and refreshes metadata first', () => {
    const { notLeader, p } = moved('3.6')
    expect(notLeader.length).toBeGreaterThan(0)
    expect(p.failed).toBe(0)
    expect(p.latencyMs.max).toBeGreaterThanOrEqual(500)
    expect(p.latencyMs.max).toBeLessThan(1_500)
  })
})

describe('max.in.flight.requests.per.connection', () => {
  /**
   * Partitions 0 and 1 both led by broker 1 (followers 2 and 3), acks=all at 200 records/s, run
   * for 10 s.
   */
  function slowFollower(maxInFlight: number): TestCluster {
    return TestCluster.create({ zones: 3, brokersPerZone: 1, seed: 5 })
      .topic('orders', {
        partitions: 2,
        replicationFactor: 2,
        'min.insync.replicas': 2,
        assignment: [
          [1, 2],
          [1, 3],
        ],
      })
      .producer('p1', 'orders', {
        acks: -1,
        recordsPerSecond: 200,
        'max.in.flight.requests.per.connection': maxInFlight,
      })
      .runFor(10_000)
  }

  /**
   * Partition 0's only other ISR member then fetches 5 s late, so its acks=all requests wait in
   * the leader's purgatory. Returns the share of the records sent during the next 20 s that
   * were acknowledged.
   */
  function ackedShareWithSlowFollower(maxInFlight: number): number {
    const c = slowFollower(maxInFlight)
    const before = c.producerView('p1')
    c.broker(2).slow(5_000)
    c.runFor(20_000)
    const after = c.producerView('p1')
    return (after.acked - before.acked) / (after.sent - before.sent)
  }

  it('with 1, a request parked on one partition blocks the other partitions of its leader', () => {
    // Head-of-line blocking: the connection to broker 1 has one slot. Partition 1's batches
    // ride in the same request as partition 0's and get their answer only with them (the
    // broker answers a request once every partition in it is settled), although broker 3 keeps
    // up; with five slots, partition 1 goes out in requests of its own meanwhile.
    const one = ackedShareWithSlowFollower(1)
    const five = ackedShareWithSlowFollower(5)
    expect(one).toBeLessThan(five - 0.15)
  })

  it('sends one request per broker with every partition ready for it, answered as one', () => {
    // Sender.sendProduceRequests: while partition 0's request is parked (one slot), batches
    // queue for partitions 0 and 1, both led by broker 1, and leave together in the next
    // request. Broker 1's crash cancels that one request (one NetworkClient line), and
    // Sender.completeBatch logs each of its partitions under its correlation id.
    const c = slowFollower(1)
    c.broker(2).slow(5_000)
    c.runFor(7_000)
    c.inject({ type: 'crashBroker', broker: 1 })
    c.runFor(10)
    const after = c.simulation.clientLog().filter((l) => l.atMs >= 17_000)
    const cancelled = after.filter((l) => l.message.includes('Cancelled in-flight PRODUCE'))
    expect(cancelled).toHaveLength(1)
    const id = /correlation id (\d+)/.exec(cancelled[0]?.message ?? '')?.[1]
    const retried = after
      .map((l) =>
        /Got error produce response with correlation id (\d+) on topic-partition (\S+),/.exec(
          l.message,
        ),
      )
      .filter((m) => m !== null)
      .map((m) => [m[1], m[2]])
    expect(retried).toEqual([
      [id, 'orders-0'],
      [id, 'orders-1'],
    ])
  })
})

describe('acks=0', () => {
  it('a request lost on the way still completes (it needs no answer), so its partitions keep being written', () => {
    // NetworkClient completes a request that expects no response once it is written; the send
    // callback reports success with the records lost. Broker 1 leads orders-0 and is cut off
    // from the clients for 3 s: what was written to it then is lost, and after the heal
    // orders-0 takes records again like the other partitions.
    const c = ordersOnThreeBrokers(5, { acks: 0 }).runFor(10_000)
    c.broker(1).isolate(['clients'])
    c.runFor(3_000)
    c.broker(1).heal()
    const healed = c.partition('orders-0').highWatermark
    c.runFor(30_000)
    const after = c.partition('orders-0').highWatermark
    const other = c.partition('orders-1').highWatermark
    expect(after - healed).toBeGreaterThan(2_000)
    expect(after).toBeGreaterThan(0.8 * other)
    const p = c.producerView('p1')
    // The records written into the cut link were "sent" as far as the application knows, and
    // are counted as acknowledged records the log does not have.
    expect(p.lostAcked).toBeGreaterThan(0)
    expect(p.acked + p.failed + p.inFlight).toBe(p.sent)
  })
})

describe('bootstrap.servers', () => {
  it('numbers bootstrap nodes -1, -2, …, tries a dead one, logs it and moves to the next', () => {
    const c = cluster({ 'bootstrap.servers': [1, 2] })
    c.at(0, { type: 'crashBroker', broker: 1 })
    // Over several seeds the client starts at a random bootstrap server: whichever it picks,
    // it ends up connected through broker 2 (node -2) within a second.
    c.runFor(1_000)
    const connected = c.events('ClientConnected').find((e) => e.client === 'p1')
    expect(connected?.broker).toBe(2)
    expect(connected?.atMs).toBeLessThan(1_000)
    for (const m of messages(c, 0, 1_000).filter((x) => x.includes('Bootstrap broker')))
      expect(m).toBe(
        '[Producer clientId=p1] Bootstrap broker b-1:9092 (id: -1 rack: null) disconnected',
      )
  })

  it('with only a dead bootstrap server, send() blocks max.block.ms and then throws', () => {
    const c = cluster({ 'bootstrap.servers': [1], 'max.block.ms': 5_000 })
    c.at(0, { type: 'crashBroker', broker: 1 })
    c.runFor(6_000)
    const lines = c.simulation.clientLog()
    expect(
      lines.some((l) =>
        l.message.includes('Connection to node -1 (b-1/10.0.1.1:9092) could not be established'),
      ),
    ).toBe(true)
    const thrown = lines.filter((l) => l.logger === 'application')
    expect(thrown[0]?.message).toContain('Topic orders not present in metadata after 5000 ms.')
    // The first send() comes with the first producer tick, after the run starts.
    expect(thrown[0]?.atMs).toBeGreaterThanOrEqual(5_000)
    expect(thrown[0]?.atMs).toBeLessThan(5_200)
    const p = c.producerView('p1')
    expect(p.acked).toBe(0)
    expect(c.events('RecordsExpired').some((e) => e.partition === -1)).toBe(true)
  })
})

describe('metadata responses (Metadata.updateLatestMetadata)', () => {
  it("a consumer counts a response as equivalent when no partition's leader epoch moved, whatever else changed", () => {
    // KIP-580: equivalentResponseCount resets only when some leader epoch is new. Broker 3
    // leads only topic b; its crash moves b's leaders and shrinks a's ISRs (no new epoch for
    // a). A consumer of a, refreshing every second, sees nothing new for its topic.
    const c = TestCluster.create({ zones: 3, brokersPerZone: 1, seed: 2 })
      .topic('a', {
        partitions: 2,
        replicationFactor: 3,
        assignment: [
          [1, 2, 3],
          [2, 1, 3],
        ],
      })
      .topic('b', {
        partitions: 2,
        replicationFactor: 3,
        assignment: [
          [3, 1, 2],
          [3, 2, 1],
        ],
      })
      .consumer('reader', 'a')
    const consumer = c.spec.clients.find((x) => x.id === 'reader')
    if (consumer?.kind !== 'consumer') throw new Error('no consumer')
    consumer.config['metadata.max.age.ms'] = 1_000
    c.runFor(10_000)
    const before = (c.simulation.checkpoint().state as EngineState).consumers[0]
    c.broker(3).crash()
    c.runFor(20_000)
    const after = (c.simulation.checkpoint().state as EngineState).consumers[0]
    expect(c.partition('b-0').leader).not.toBe(3)
    expect(c.partition('a-0').isr).not.toContain(3)
    // Equivalent responses all along: the count only grows.
    expect(after?.equivalentResponses).toBeGreaterThan(before?.equivalentResponses ?? 0)
  })
})

describe('consumer position validation after a leader change (KIP-320)', () => {
  it('seeks back to where the logs diverge after an unclean election, not to 0 or the HW', () => {
    // The reproduction: RF 2, min ISR 1, unclean election on; broker 2 is cut off from
    // the brokers at 10 s and leaves the ISR; at 70 s it is healed and broker 1 crashes.
    const c = TestCluster.create({ zones: 2, brokersPerZone: 1, seed: 3 })
      .topic('orders', {
        partitions: 1,
        replicationFactor: 2,
        'min.insync.replicas': 1,
        'unclean.leader.election.enable': true,
        assignment: [[1, 2]],
      })
      .producer('p1', 'orders', { acks: 1, recordsPerSecond: 10 })
      .consumer('c1', 'orders')
      .runFor(10_000)
    c.broker(2).isolate(['brokers'])
    c.runFor(60_000)
    c.broker(2).heal()
    c.broker(1).crash()
    c.runFor(30_000)
    const resets = c.events('ConsumerOffsetReset')
    expect(resets).toHaveLength(1)
    expect(resets[0]).toMatchObject({ client: 'c1', reason: 'truncation', fromOffset: 694 })
    // Broker 2's epoch 0 ends where it was cut off: about 10 s × 10 records/s.
    expect(resets[0]?.toOffset).toBeGreaterThan(90)
    expect(resets[0]?.toOffset).toBeLessThan(110)
    const line = c.simulation
      .clientLog()
      .find((l) => l.message.includes('Truncation detected for partition orders-0'))
    expect(line).toMatchObject({
      level: 'INFO',
      logger: 'org.apache.kafka.clients.consumer.internals.SubscriptionState',
    })
    expect(line?.message).toContain(
      'at offset FetchPosition{offset=694, offsetEpoch=Optional[0], currentLeader=LeaderAndEpoch{leader=Optional[b-2:9092 (id: 2 rack: use1-az2)], epoch=1}}, resetting offset to the first offset known to diverge FetchPosition{offset=',
    )
  })

  it('leaves the position alone after a clean election: the new leader has every record below it', () => {
    const c = cluster().consumer('c1', 'orders').runFor(20_000)
    c.broker(1).crash()
    c.runFor(30_000)
    expect(c.events('ConsumerOffsetReset')).toEqual([])
  })
})

describe('the failover record (report.failovers)', () => {
  it('crash of a leader: detected at the fencing, recovered within a second of it, nothing failed', () => {
    const c = cluster()
    c.at(20_000, { type: 'crashBroker', broker: 1 })
    c.runFor(60_000)
    const [record, ...rest] = c.simulation.failovers()
    expect(rest).toEqual([])
    const fenced = c.events('BrokerFenced').find((e) => e.broker === 1)?.atMs as number
    expect(record).toMatchObject({
      fault: { type: 'crashBroker', broker: 1, atMs: 20_000 },
      atMs: 20_000,
      detectedAtMs: fenced,
      leadersMovedAtMs: fenced,
      failedRecords: 0,
      lostAckedRecords: 0,
      elections: { clean: 1, unclean: 0, elr: 0 },
    })
    expect(fenced - 20_000).toBeGreaterThan(7_000)
    expect(fenced - 20_000).toBeLessThanOrEqual(9_000)
    expect(record?.recoveredAtMs).toBeGreaterThan(fenced)
    expect((record?.recoveredAtMs as number) - fenced).toBeLessThan(1_000)
    // All three partitions had broker 1 as leader or in the ISR; the one it led was elected anew.
    expect(record?.partitions.map((p) => [p.partition, p.election])).toEqual([
      [0, 'ONLINE'],
      [1, null],
      [2, null],
    ])
    expect(record?.maxProduceStallMs).toBe(c.producerView('p1').latencyMs.max)
  })

  it('a fault that touches no partition has an empty record with null times', () => {
    const c = cluster()
    c.at(10_000, { type: 'crashController', controller: 1003 })
    c.runFor(20_000)
    expect(c.simulation.failovers()[0]).toMatchObject({
      detectedAtMs: null,
      recoveredAtMs: null,
      maxProduceStallMs: null,
      partitions: [],
    })
  })

  it('a rolling restart is one record with a step per broker', () => {
    const c = cluster()
    c.at(10_000, { type: 'rollingRestart' })
    c.runFor(150_000)
    const [record] = c.simulation.failovers()
    expect(record?.steps?.map((s) => s.broker)).toEqual([1, 2, 3])
    for (const step of record?.steps ?? []) {
      expect(step.recoveredAtMs).not.toBeNull()
      expect(step.maxProduceStallMs).toBeLessThan(3_000)
    }
    expect(record?.recoveredAtMs).toBe(record?.steps?.[2]?.recoveredAtMs)
    expect(record?.elections.unclean).toBe(0)
  })
})

describe('availability as the clients felt it (clientUnwritablePartitionMs)', () => {
  it('counts the fencing stall that the controller-view figures do not see', () => {
    // While the metadata still names the dead leader, the controller sees an online partition
    // with its ISR at min ISR; the producer cannot get a write acknowledged on any of the three.
    const c = cluster().runFor(20_000)
    c.broker(1).crash()
    c.runFor(30_000)
    const a = c.snapshot().availability
    expect(a.offlinePartitionMs).toBe(0)
    expect(a.unwritablePartitionMs).toBe(0)
    const stalls = c.simulation.failovers()[0]?.partitions.map((p) => p.stallMs as number) ?? []
    const sum = stalls.reduce((x, y) => x + y, 0)
    expect(stalls).toHaveLength(3)
    expect(a.clientUnwritablePartitionMs).toBeGreaterThan(sum - 300)
    // A batch queued behind the first answer may be answered a few ms after it.
    expect(a.clientUnwritablePartitionMs).toBeLessThan(sum + 500)
  })

  it('counts a stall still under way at the time of the snapshot', () => {
    const c = cluster().runFor(20_000)
    c.broker(1).crash()
    c.runFor(5_000)
    // Three partitions have waited since about the crash (partition 0 on its dead leader, 1 and
    // 2 on their dead ISR member), nothing answered yet.
    const a = c.snapshot().availability.clientUnwritablePartitionMs
    expect(a).toBeGreaterThan(3 * 4_500)
    expect(a).toBeLessThanOrEqual(3 * 5_100)
  })

  it('counts nothing when every write is answered within a second', () => {
    const c = cluster().runFor(60_000)
    expect(c.snapshot().availability.clientUnwritablePartitionMs).toBe(0)
  })
})

describe('buffer.memory', () => {
  it('fills while a partition cannot be written; then send() blocks max.block.ms and throws', () => {
    // RF 1: the partition on broker 1 has nowhere to go. Its batches of 1 KiB records take the
    // producer's 256 KiB; the application's thread then blocks for every partition.
    const c = TestCluster.create({ zones: 3, brokersPerZone: 1, seed: 2 })
      .topic('orders', {
        partitions: 3,
        replicationFactor: 1,
        assignment: [[1], [2], [3]],
      })
      .producer('p1', 'orders', {
        acks: -1,
        recordsPerSecond: 300,
        'buffer.memory': 262144,
        'max.block.ms': 2000,
      })
      .runFor(10_000)
    c.broker(1).crash()
    c.runFor(3_000)
    const ackedAt13 = c.producerView('p1').acked
    c.runFor(3_000)
    // Blocked: the live partitions get nothing new either.
    expect(c.producerView('p1').acked).toBe(ackedAt13)
    const thrown = c.simulation.clientLog().filter((l) => l.logger === 'application')
    expect(thrown.length).toBeGreaterThan(0)
    expect(thrown[0]?.message).toContain(
      'Send callback got org.apache.kafka.clients.producer.BufferExhaustedException: Failed to allocate 16384 bytes within the configured max blocking time 2000 ms. Total memory: 262144 bytes. Available memory: ',
    )
    // Less than the next tick's 30 records (30 KiB) is free.
    const available = Number(/Available memory: (\d+) bytes/.exec(thrown[0]?.message ?? '')?.[1])
    expect(available).toBeLessThan(30 * 1024)
    const first = thrown[0]?.atMs as number
    expect(first).toBeGreaterThan(12_000)
    expect(first).toBeLessThan(15_000)
    expect(c.events('RecordsExpired').filter((e) => e.partition === -1).length).toBe(thrown.length)
  })

  it("counts the producer's recordBytes: 8 KiB records fill the same buffer 8 times as fast", () => {
    const run = (recordBytes?: number) => {
      const c = TestCluster.create({ zones: 3, brokersPerZone: 1, seed: 2 })
        .topic('orders', { partitions: 3, replicationFactor: 1, assignment: [[1], [2], [3]] })
        .producer('p1', 'orders', {
          acks: -1,
          recordsPerSecond: 300,
          'buffer.memory': 2097152,
          'max.block.ms': 2000,
          ...(recordBytes === undefined ? {} : { recordBytes }),
        })
        .runFor(10_000)
      c.broker(1).crash()
      c.runFor(8_000)
      return c.simulation.clientLog().filter((l) => l.logger === 'application').length
    }
    // 2 MiB holds the dead partition's 100 records/s for about 20 s at 1 KiB, 2.5 s at 8 KiB.
    expect(run()).toBe(0)
    expect(run(8192)).toBeGreaterThan(0)
  })

  it('with the default 32 MiB, a 9 s fencing stall at 300 records/s never blocks', () => {
    const c = cluster().runFor(20_000)
    c.broker(1).crash()
    c.runFor(30_000)
    expect(c.simulation.clientLog().some((l) => l.message.includes('BufferExhausted'))).toBe(false)
  })
})

describe("log lines as each version's client prints them", () => {
  function crashLog(version: KafkaVersion): string[] {
    const c = cluster({}, version).runFor(20_000)
    c.broker(1).crash()
    c.runFor(3_000)
    return messages(c, 20_000)
  }

  it('3.6 says "Broker may not be available", 3.7 and later "Node may not be available"', () => {
    // NetworkClient.processDisconnection changed its wording in 3.7.
    const refused = (lines: string[]) => lines.find((m) => m.includes('could not be established'))
    expect(refused(crashLog('3.6'))).toMatch(
      /could not be established\. Broker may not be available\.$/,
    )
    expect(refused(crashLog('3.7'))).toMatch(
      /could not be established\. Node may not be available\.$/,
    )
    expect(refused(crashLog('4.1'))).toMatch(/Node may not be available\.$/)
  })

  it('the invalid-metadata warning adds a full stop before "Going" up to 3.7 only', () => {
    function warning(version: KafkaVersion): string | undefined {
      const c = cluster({}, version).runFor(20_000)
      c.broker(1).shutdown()
      c.runFor(5_000)
      return messages(c, 20_000).find((m) => m.includes('Received invalid metadata error'))
    }
    // The exception's own message ends in a full stop, so 3.7 prints two.
    expect(warning('3.7')).toMatch(/partition\.\. Going to request metadata update now$/)
    expect(warning('3.8')).toMatch(/partition\. Going to request metadata update now$/)
  })
})
