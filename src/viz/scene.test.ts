/**
 * The scene joins layout and snapshot: replica roles by precedence, accessible labels, selection
 * highlighting, flows only from leaders, aggregation above 600 replicas with drill-down, and a
 * layout cache that recomputes only when structure or width change.
 */
import { describe, expect, it } from 'vitest'
import type { BrokerView, PartitionView } from '../engine/types'
import { fixtureSnapshot, referenceSnapshot } from './fixtures'
import type { SceneSelection } from './scene'
import { buildScene, createLayoutCache, lagFraction, partitionShown, replicaRole } from './scene'

const none: SceneSelection = {
  selectedPartition: null,
  hoveredPartition: null,
  focusTopic: null,
  focusBroker: null,
}

function scene(snapshot = fixtureSnapshot(), selection: SceneSelection = none, width = 1200) {
  return buildScene(snapshot, createLayoutCache()(snapshot, width, selection, 0), selection)
}

const broker = (id: number, over: Partial<BrokerView> = {}): BrokerView => ({
  id,
  zone: 'a',
  status: 'online',
  fenced: false,
  session: null,
  isolatedFrom: [],
  fetchDelayMs: 0,
  isController: false,
  leaderCount: 0,
  partitionCount: 0,
  ...over,
})

describe('replicaRole', () => {
  const p = {
    leader: 1,
    isr: [1, 2],
    elr: [4],
    replicas: [1, 2, 3, 4],
  } as unknown as PartitionView
  it.each([
    ['leader', broker(1)],
    ['in-sync', broker(2)],
    ['out-of-sync', broker(3)],
    ['elr', broker(4, { status: 'offline' })],
    ['offline', broker(1, { status: 'offline' })],
    ['offline', broker(2, { status: 'offline' })],
    ['offline', broker(2, { fenced: true })],
    ['offline', broker(2, { status: 'starting' })],
    ['in-sync', broker(2, { status: 'shutting-down' })],
  ])('is %s', (role, b) => {
    expect(replicaRole(p, b)).toBe(role)
  })
})

describe('lagFraction', () => {
  it('is 0 for no lag, grows on a log scale and saturates', () => {
    expect(lagFraction(0)).toBe(0)
    expect(lagFraction(9)).toBeCloseTo(0.2)
    expect(lagFraction(99_999)).toBeCloseTo(1)
    expect(lagFraction(10_000_000)).toBe(1)
  })
})

describe('buildScene', () => {
  it('gives every node an accessible name that starts with its kind and id', () => {
    const s = scene()
    expect(s.brokers.map((b) => b.label)).toContain(
      'Broker 2, zone use1-az2, online, leader of 1 partition, follower of 2',
    )
    expect(s.zones[0]?.label).toBe('Zone use1-az1, running, 2 brokers, 1 controller')
    expect(s.controllers[0]?.label).toBe(
      'Controller 1001, KRaft voter, zone use1-az1, up, active controller',
    )
  })

  it('shows a crashed broker offline and its partitions led elsewhere', () => {
    const s = scene(fixtureSnapshot({ down: [1] }))
    expect(s.brokers.find((b) => b.id === 1)?.label).toMatch(/^Broker 1, zone use1-az1, offline/)
    expect(s.chips.filter((c) => c.broker === 1).every((c) => c.role === 'offline')).toBe(true)
    const p0 = s.chips.filter((c) => c.partition === 'orders-0')
    expect(p0.find((c) => c.role === 'leader')?.broker).toBe(2)
    expect(p0.find((c) => c.broker === 1)?.lag).toBe(600)
  })

  it('a crashed leader before its fencing: still leader in the card and its name, with the countdown', () => {
    const base = fixtureSnapshot({ nowMs: 12_800 })
    const snapshot = {
      ...base,
      brokers: base.brokers.map((b) =>
        b.id === 1
          ? {
              ...b,
              status: 'offline' as const,
              session: { lastHeartbeatMs: 10_000, expiresAtMs: 19_000 },
            }
          : b,
      ),
    }
    const b1 = scene(snapshot).brokers.find((b) => b.id === 1)!
    const led = base.partitions.filter((p) => p.leader === 1).length
    expect(led).toBeGreaterThan(0)
    expect(b1.leaders).toBe(led)
    expect(b1.label).toContain(`leader of ${led} partition`)
    expect(b1.label).toContain('not fenced yet: fenced in 6.2 s')
    expect(b1.status).toBe('offline · fenced in 6.2 s')
    // Once fenced, the countdown is gone.
    const fenced = scene(fixtureSnapshot({ down: [1] })).brokers.find((b) => b.id === 1)!
    expect(fenced.status).toBe('offline')
  })

  it('while no controller is active, up voters count down to the election', () => {
    const base = fixtureSnapshot({ nowMs: 5_000 })
    const snapshot = {
      ...base,
      activeController: null,
      controllerElectionDueMs: 5_400,
      controllers: base.controllers.map((c, i) => ({ ...c, active: false, up: i !== 0 })),
    }
    const controllers = scene(snapshot).controllers
    expect(controllers.map((c) => c.status)).toEqual(['down', 'vote in 0.4 s', 'vote in 0.4 s'])
    expect(controllers[1]?.label).toMatch(/, up, controller election due in 0\.4 s$/)
    expect(controllers[0]?.label).not.toContain('election')
    expect(scene(base).controllers.map((c) => c.status)).toEqual(['active', 'up', 'up'])
    // ZooKeeper: the ensemble's nodes say when the brokers' controller race is due.
    const zk = scene({ ...snapshot, mode: 'zookeeper' as const }).controllers
    expect(zk[1]?.status).toBe('elect in 0.4 s')
  })

  it('highlights the selected partition, dims the rest and draws its flows with arrows', () => {
    const s = scene(fixtureSnapshot(), { ...none, selectedPartition: 'orders-2' })
    const highlighted = s.chips.filter((c) => c.highlighted)
    expect(highlighted.map((c) => c.broker).sort()).toEqual([3, 4, 5])
    expect(s.chips.filter((c) => c.dimmed)).toHaveLength(15)
    const focus = s.flows.filter((f) => f.emphasis === 'focus')
    expect(focus.map((f) => f.key)).toEqual(['orders-2:3>4', 'orders-2:3>5'])
    expect(s.brokers.find((b) => b.id === 3)?.selectedRole).toBe('leader')
  })

  it('draws no flows until a partition is in focus, and marks flows to lagging followers', () => {
    expect(scene().flows).toHaveLength(0)
    const focus = { ...none, hoveredPartition: 'orders-1' }
    const flows = scene(fixtureSnapshot({ down: [3] }), focus).flows
    expect(flows.map((f) => [f.key, f.healthy])).toEqual([
      ['orders-1:2>3', false],
      ['orders-1:2>4', true],
    ])
  })

  it('aggregates the reference cluster and drills into one broker or one topic', () => {
    const big = referenceSnapshot([5])
    const overview = scene(big, none, 1400)
    expect(overview.aggregated).toBe(true)
    expect(overview.chips).toHaveLength(0)
    expect(overview.brokers).toHaveLength(90)
    const b5 = overview.brokers.find((b) => b.id === 5)
    expect(b5?.heat.every((cell) => cell === 1)).toBe(true)
    const b1 = overview.brokers.find((b) => b.id === 1)
    const hosted = big.brokers.find((b) => b.id === 1)?.partitionCount
    expect((b1?.leaders ?? 0) + (b1?.followers ?? 0) + (b1?.outOfSync ?? 0)).toBe(hosted)
    const drilled = scene(big, { ...none, focusBroker: 7 }, 1400)
    expect(new Set(drilled.chips.map((c) => c.broker))).toEqual(new Set([7]))
    const topic = scene(big, { ...none, focusTopic: 'topic-03' }, 1400)
    expect(topic.visibleReplicas).toBe(1500)
    expect(topic.aggregated).toBe(true)
  })

  it('outlines replicas that share a zone and previews "if this zone fails" in words', () => {
    const base = fixtureSnapshot({ brokersPerZone: 2 })
    // orders-0 on brokers 1 and 4, both in use1-az1 (the fixture deals brokers over zones in turn).
    const zoneOf = new Map(base.brokers.map((b) => [b.id, b.zone]))
    const sameZone = base.brokers.find((b) => b.id !== 1 && zoneOf.get(b.id) === zoneOf.get(1))!.id
    const first = base.partitions[0]!
    const partitions = [
      {
        ...first,
        replicas: [1, sameZone, first.replicas.find((r) => zoneOf.get(r) !== zoneOf.get(1))!],
      },
      ...base.partitions.slice(1),
    ]
    const snapshot = { ...base, partitions }
    const key = `${first.topic}-${first.partition}`
    const plain = scene(snapshot)
    const shared = plain.chips.filter((c) => c.sharesZone)
    expect(new Set(shared.map((c) => c.partition))).toEqual(new Set([key]))
    expect(shared.map((c) => c.broker).sort()).toEqual([1, sameZone].sort())
    const az1 = plain.zones.find((z) => z.name === zoneOf.get(1))!
    expect(az1.sharedPartitions).toBe(1)
    expect(az1.status).toContain('1 with 2+ replicas here')
    expect(az1.label).toContain('1 partition keeps two or more replicas in this zone')
    const preview = scene(snapshot, {
      ...none,
      zonePreview: { zone: az1.name, outcomes: new Map([[key, 'unwritable' as const]]) },
    })
    expect(preview.zones.find((z) => z.name === az1.name)?.status).toBe(
      'if it fails: 1 unwritable (acks=all)',
    )
    for (const chip of preview.chips) {
      expect(chip.preview).toBe(chip.partition === key ? 'unwritable' : null)
      expect(chip.dimmed).toBe(chip.partition !== key)
    }
  })

  it('shows traffic rates on aggregated cards and per zone, in words in the labels', () => {
    const big = referenceSnapshot([5])
    const rates = {
      windowMs: 1000,
      windowEndMs: 3000,
      brokers: big.brokers.map((b) => ({
        broker: b.id,
        producedPerSec: b.id === 1 ? 1234 : 70,
        produceRequestsPerSec: 10,
        replicatedOutPerSec: b.id === 1 ? 2468 : 140,
        replicatedInPerSec: 140,
      })),
      crossZone: [
        { from: 'use1-az1', to: 'use1-az2', recordsPerSec: 600 },
        { from: 'use1-az1', to: 'use1-az3', recordsPerSec: 900 },
      ],
    }
    const withRates = scene({ ...big, rates }, none, 1400)
    const b1 = withRates.brokers.find((b) => b.id === 1)
    expect(b1?.rateText).toBe('in 1.2k/s · repl 2.5k/s')
    expect(b1?.label).toContain('1234 records/s produced to it, 2468 records/s replicated')
    // A down broker carries nothing, in words.
    expect(withRates.brokers.find((b) => b.id === 5)?.rateText).toBe('no traffic')
    const az1 = withRates.zones.find((z) => z.name === 'use1-az1')
    expect(az1?.status).toBe('running · 1.5k/s to other zones')
    expect(az1?.label).toContain('1500 records/s replicated to other zones')
    // The row adds to the card's height; without rates there is no row and no text.
    const plain = scene(big, none, 1400)
    expect(plain.brokers[0]?.rateText).toBe('')
    expect((withRates.brokers[0]?.height ?? 0) - (plain.brokers[0]?.height ?? 0)).toBeGreaterThan(0)
    // Detailed (drilled-into) cards keep their chips and no rate row.
    const drilled = scene({ ...big, rates }, { ...none, focusBroker: 1 }, 1400)
    expect(drilled.brokers.find((b) => b.id === 1)?.rateText).toBe('')
  })

  it('counts roles and heat-strip cells exactly as replicaRole sees each replica', () => {
    // Partitions with scattered trouble: some lose a follower from the ISR, one broker is down.
    const base = referenceSnapshot([17])
    const partitions = base.partitions.map((p, i) =>
      i % 7 === 0 && p.isr.length > 1 ? { ...p, isr: p.isr.slice(0, -1) } : p,
    )
    const big = { ...base, partitions }
    const built = scene(big, none, 1400)
    for (const b of big.brokers) {
      const roles = partitions
        .filter((p) => p.replicas.includes(b.id))
        .map((p) => replicaRole(p, b))
      const bad = roles.map((r) => (r === 'leader' || r === 'in-sync' ? 0 : 1))
      const cells = Math.min(32, bad.length)
      const heat = Array.from({ length: cells }, (_, c) => {
        const from = Math.floor((c * bad.length) / cells)
        const to = Math.floor(((c + 1) * bad.length) / cells)
        return bad.slice(from, to).reduce((n: number, x) => n + x, 0) / (to - from)
      })
      const node = built.brokers.find((n) => n.id === b.id)
      expect(node?.heat).toEqual(heat)
      expect(node?.leaders).toBe(roles.filter((r) => r === 'leader').length)
      expect(node?.followers).toBe(roles.filter((r) => r === 'in-sync').length)
    }
  })

  it('stays detailed up to 600 replicas on screen', () => {
    const s = scene(
      fixtureSnapshot({ topics: [{ name: 't', partitions: 200, replicationFactor: 3 }] }),
    )
    expect(s.aggregated).toBe(false)
    expect(s.chips).toHaveLength(600)
    expect(s.chipStyle).toBe('compact')
  })

  it('builds the reference cluster scene quickly', () => {
    const big = referenceSnapshot()
    const cache = createLayoutCache()
    cache(big, 1400, none, 0)
    const started = performance.now()
    for (let i = 0; i < 10; i += 1) {
      buildScene(big, cache(big, 1400, none, 0), { ...none, selectedPartition: 'topic-01-3' })
    }
    expect((performance.now() - started) / 10).toBeLessThan(50)
  })
})

describe('createLayoutCache', () => {
  it('reuses the layout until width, focus, structure or generation change', () => {
    const cache = createLayoutCache()
    const snapshot = fixtureSnapshot()
    const first = cache(snapshot, 1200, none, 0)
    expect(cache(fixtureSnapshot({ down: [3] }), 1200, none, 0)).toBe(first)
    expect(cache(snapshot, 1300, none, 0)).not.toBe(first)
    expect(cache(snapshot, 1300, none, 1)).not.toBe(
      cache(snapshot, 1300, { ...none, focusTopic: 'orders' }, 1),
    )
  })
})

describe('internal topics', () => {
  /** The fixture with a two-partition __consumer_offsets added, as the engine marks it. */
  function withOffsets() {
    const snapshot = fixtureSnapshot()
    const template = snapshot.partitions[0] as PartitionView
    for (const partition of [0, 1])
      snapshot.partitions.push({
        ...template,
        topic: '__consumer_offsets',
        partition,
        internal: true,
      })
    return snapshot
  }

  it('leaves __consumer_offsets off the topology unless asked for, or in focus', () => {
    const snapshot = withOffsets()
    const chips = (selection: SceneSelection) =>
      createLayoutCache()(snapshot, 1200, selection, 0).layout.chips.map((c) => c.partition)
    expect(chips(none).some((key) => key.startsWith('__consumer_offsets'))).toBe(false)
    expect(chips({ ...none, showInternal: true })).toContain('__consumer_offsets-1')
    expect(chips({ ...none, focusTopic: '__consumer_offsets' })).toContain('__consumer_offsets-0')
    expect(partitionShown(snapshot.partitions.at(-1) as PartitionView, none)).toBe(false)
    expect(partitionShown(snapshot.partitions[0] as PartitionView, none)).toBe(true)
  })

  it('counts visible partitions only towards the view limits', () => {
    const snapshot = withOffsets()
    const hidden = createLayoutCache()(snapshot, 1200, none, 0)
    const shown = createLayoutCache()(snapshot, 1200, { ...none, showInternal: true }, 0)
    const internalReplicas = snapshot.partitions
      .filter((p) => p.internal === true)
      .reduce((n, p) => n + p.replicas.length, 0)
    expect(shown.visibleReplicas - hidden.visibleReplicas).toBe(internalReplicas)
    expect(shown.visible.length - hidden.visible.length).toBe(2)
  })
})
