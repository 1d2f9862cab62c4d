import { describe, expect, it } from 'vitest'
import type { BrokerView, Snapshot } from '../engine/types'
import { fixtureSnapshot } from './fixtures'
import {
  LEADER_UNREACHABLE,
  heartbeatsLost,
  sessionCountdown,
  unreachableUnfenced,
} from './staleness'

function withBroker(snapshot: Snapshot, id: number, over: Partial<BrokerView>): Snapshot {
  return {
    ...snapshot,
    brokers: snapshot.brokers.map((b) => (b.id === id ? { ...b, ...over } : b)),
  }
}

const crashed = (nowMs: number): Snapshot =>
  withBroker(fixtureSnapshot({ nowMs }), 1, {
    status: 'offline',
    fenced: false,
    session: { lastHeartbeatMs: 10_000, expiresAtMs: 19_000 },
  })

describe('the detection window (broker.session.timeout.ms)', () => {
  it('counts down to the fencing of a crashed broker that still holds its session', () => {
    const s = crashed(12_800)
    const b1 = s.brokers.find((b) => b.id === 1)!
    expect(sessionCountdown(b1, s)).toBe('fenced in 6.2 s')
    expect(sessionCountdown(b1, { ...s, nowMs: 19_400 })).toBe('fencing now')
    expect(unreachableUnfenced(s)).toEqual(new Set([1]))
  })

  it('says nothing for healthy brokers, and nothing once the broker is fenced', () => {
    const s = fixtureSnapshot({ nowMs: 5_000 })
    for (const b of s.brokers) expect(sessionCountdown(b, s)).toBeNull()
    expect(unreachableUnfenced(s).size).toBe(0)
    const fenced = withBroker(s, 1, { status: 'offline', fenced: true, session: null })
    expect(sessionCountdown(fenced.brokers[0]!, fenced)).toBeNull()
    expect(unreachableUnfenced(fenced).size).toBe(0)
  })

  it('names who cannot fence: no active KRaft controller, or no ZooKeeper quorum', () => {
    const s = crashed(12_000)
    const b1 = s.brokers[0]!
    expect(sessionCountdown(b1, { ...s, activeController: null })).toBe(
      'not fenced: no active controller',
    )
    expect(sessionCountdown(b1, { ...s, mode: 'zookeeper' })).toBe('session expires in 7.0 s')
    expect(
      sessionCountdown(b1, {
        ...s,
        mode: 'zookeeper',
        activeController: null,
        quorumHasMajority: false,
      }),
    ).toBe('session kept: ZooKeeper has no quorum')
  })

  it('a broker cut off from the controllers loses heartbeats; one cut off from clients only does not', () => {
    const s = fixtureSnapshot({ nowMs: 1_000 })
    const b = s.brokers[1]!
    expect(heartbeatsLost({ ...b, isolatedFrom: ['controllers'] }, s.zones)).toBe(true)
    expect(heartbeatsLost({ ...b, isolatedFrom: ['clients'] }, s.zones)).toBe(false)
    const zoneCut = {
      ...s,
      zones: s.zones.map((z) => ({ ...z, isolatedFrom: ['clients' as const] })),
    }
    expect(unreachableUnfenced(zoneCut).size).toBe(s.brokers.length)
    expect(LEADER_UNREACHABLE).toBe('leader unreachable — not fenced yet')
  })
})
