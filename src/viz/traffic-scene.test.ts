/**
 * The traffic view model and its animator, without a DOM: messages become dots between the right
 * anchors, a parked acks=all produce becomes a badge whose ring fills toward request.timeout.ms,
 * producer nodes name their errors and backoff, and the animator keeps every message on screen
 * for MIN_VISIBLE_MS of wall time before it lets it go.
 */
import { describe, expect, it } from 'vitest'
import type { Snapshot, TrafficView } from '../engine/types'
import { fixtureSnapshot } from './fixtures'
import { createTrafficAnimator, MIN_VISIBLE_MS } from './render-traffic'
import { buildScene, createLayoutCache } from './scene'

const selection = {
  selectedPartition: null,
  hoveredPartition: null,
  focusTopic: null,
  focusBroker: null,
}

function withTraffic(traffic: TrafficView): Snapshot {
  const base = fixtureSnapshot({ zones: 3, brokersPerZone: 1, nowMs: 10_000 })
  return {
    ...base,
    clients: [
      {
        kind: 'producer',
        id: 'p1',
        topic: 'orders',
        acks: -1,
        connected: true,
        sent: 100,
        acked: 90,
        failed: 0,
        inFlight: 10,
        errors: { REQUEST_TIMED_OUT: 3 },
        lostAcked: 0,
        unavailableAcked: 0,
        lostAtCrash: 0,
        latencyMs: { p50: 2, p99: 5, p999: 5, max: 5 },
        alive: true,
      },
    ],
    traffic,
  }
}

const empty: TrafficView = { messages: [], omitted: 0, delivered: [], parked: [], producers: [] }

function scene(snapshot: Snapshot) {
  return buildScene(snapshot, createLayoutCache()(snapshot, 1200, selection, 0), selection)
}

describe('traffic scene', () => {
  it('draws a produce request from the producer node to the leader chip', () => {
    const s = withTraffic(empty)
    const leader = s.partitions[0]
    if (leader === undefined) throw new Error('no partition')
    const snapshot = withTraffic({
      ...empty,
      messages: [
        {
          kind: 'produce',
          from: { client: 'p1' },
          to: { broker: leader.leader },
          sentMs: 9_999,
          atMs: 10_001,
          topic: leader.topic,
          partition: leader.partition,
        },
      ],
    })
    const built = scene(snapshot)
    const client = built.clients.find((c) => c.id === 'p1')
    const chip = built.chips.find((c) => c.key === `${leader.leader}:${leader.topic}-0`)
    expect(client).toBeDefined()
    expect(chip).toBeDefined()
    const dot = built.traffic.dots[0]
    expect(dot?.kind).toBe('produce')
    expect(dot?.y1).toBe((client?.y ?? 0) + (client?.height ?? 0))
    expect(dot?.x2).toBeGreaterThanOrEqual(chip?.x ?? 0)
    expect(built.traffic.links).toHaveLength(1)
    expect(built.traffic.summary).toMatch(/In flight: 1 produce request/)
  })

  it('names the producer’s errors, retries and backoff, and the request waiting at the leader', () => {
    const snapshot = withTraffic({
      ...empty,
      parked: [
        {
          kind: 'produce',
          broker: 1,
          producer: 'p1',
          topic: 'orders',
          partition: 0,
          sinceMs: 4_000,
          timeoutAtMs: 34_000,
          requiredOffset: 50,
          highWatermark: 40,
        },
      ],
      producers: [{ id: 'p1', requestsInFlight: 2, retryingBatches: 2, backoffUntilMs: 10_400 }],
    })
    const built = scene(snapshot)
    const node = built.clients.find((c) => c.id === 'p1')
    expect(node?.label).toBe(
      'Producer p1 (acks=all, topic orders): 90 records acknowledged, 3 errors (REQUEST_TIMED_OUT 3), retrying 2 batches, backing off 0.4 s (retry.backoff.ms), 2 requests in flight, 1 waiting at broker 1 for the ISR',
    )
    expect(node?.troubled).toBe(true)
    const badge = built.traffic.parked[0]
    expect(badge?.fraction).toBeCloseTo(0.2)
    expect(badge?.text).toMatch(/request\.timeout\.ms 30 s, 24 s left/)
  })

  it('draws nothing and says why when the snapshot carries no traffic', () => {
    const built = scene(fixtureSnapshot({ zones: 3, brokersPerZone: 1 }))
    expect(built.clients).toEqual([])
    expect(built.traffic.mode).toBe('off')
    expect(built.traffic.note).toMatch(/12 brokers/)
  })
})

describe('traffic animator', () => {
  it(`keeps a message delivered between frames on screen for ${MIN_VISIBLE_MS} ms`, () => {
    const animator = createTrafficAnimator()
    const dot = {
      key: 'k',
      kind: 'fetchResponse' as const,
      x1: 0,
      y1: 0,
      x2: 100,
      y2: 0,
      sentMs: 10,
      atMs: 11,
      error: false,
      roundTrip: false,
      delivered: true,
    }
    const traffic = {
      mode: 'dots' as const,
      nowMs: 20,
      dots: [dot],
      parked: [],
      links: [],
      summary: '',
      note: null,
    }
    expect(animator.frame(traffic, 1000)[0]?.x).toBe(0)
    const half = animator.frame({ ...traffic, dots: [] }, 1000 + MIN_VISIBLE_MS / 2)[0]?.x ?? 0
    expect(half).toBeGreaterThan(30)
    expect(half).toBeLessThan(70)
    expect(animator.busy()).toBe(true)
    expect(animator.frame({ ...traffic, dots: [] }, 1000 + MIN_VISIBLE_MS)).toEqual([])
    expect(animator.busy()).toBe(false)
  })

  it('holds a message still in flight at its simulated position, and forgets on a seek back', () => {
    const animator = createTrafficAnimator()
    const dot = {
      key: 'm',
      kind: 'produce' as const,
      x1: 0,
      y1: 0,
      x2: 0,
      y2: 200,
      sentMs: 100,
      atMs: 104,
      error: false,
      roundTrip: false,
      delivered: false,
    }
    const at = (nowMs: number, wallMs: number) =>
      animator.frame(
        { mode: 'dots', nowMs, dots: [dot], parked: [], links: [], summary: '', note: null },
        wallMs,
      )
    expect(at(101, 0)[0]?.y).toBe(50)
    // Paused: the same snapshot a second later, the dot has not moved.
    expect(at(101, 1000)[0]?.y).toBe(50)
    expect(
      animator.frame(
        { mode: 'dots', nowMs: 50, dots: [], parked: [], links: [], summary: '', note: null },
        1100,
      ),
    ).toEqual([])
  })
})
