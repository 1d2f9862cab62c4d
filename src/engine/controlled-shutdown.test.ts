/**
 * KRaft controlled shutdown has a window (BrokerLifecycleManager, BrokerHeartbeatManager, 3.9):
 * the broker heartbeats with wantShutDown; the controller moves its leaderships and removes it
 * from the ISRs, but answers shouldShutDown=false until the lowest metadata offset reported by
 * the active brokers has reached the broker's controlled shutdown offset. The broker asks again
 * 50 ms later, then every broker.heartbeat.interval.ms. Meanwhile it keeps running as a
 * follower, so producers get NOT_LEADER_OR_FOLLOWER from it, not a dropped connection. Scenario
 * tests over the real engine (TestCluster), invariants checked after every event.
 */
import { describe, expect, it } from 'vitest'
import { ordersOnThreeBrokers } from '../test-support/test-cluster'

describe('KRaft controlled shutdown: the shutdown window', () => {
  it('keeps the broker running as a follower until the other brokers have the change', () => {
    const c = ordersOnThreeBrokers(21)
    c.runUntil(10_000)
    c.broker(1).shutdown()
    c.runUntil(10_100)
    expect(c.partition('orders-0').leader).not.toBe(1)
    expect(c.broker(1).view().status).toBe('shutting-down')
    c.runUntil(13_000)
    expect(c.broker(1).view().status).toBe('offline')
    const completed = c.events('ControlledShutdownCompleted').find((e) => e.broker === 1)
    // The first re-heartbeat is 50 ms after the request; granted at it or one interval later.
    expect(completed?.atMs).toBeGreaterThanOrEqual(10_050)
    expect(completed?.atMs).toBeLessThanOrEqual(10_050 + 2_000)
    const stopped = c.events('BrokerStopped').find((e) => e.broker === 1)
    expect(stopped?.atMs).toBe(completed?.atMs)
  })

  it('shows the producer NOT_LEADER_OR_FOLLOWER, never a dropped connection', () => {
    const c = ordersOnThreeBrokers(21)
    c.runUntil(10_000)
    c.broker(1).shutdown()
    c.runUntil(20_000)
    const errors = c.events('ProduceFailed').map((e) => e.error)
    expect(errors).toContain('NOT_LEADER_OR_FOLLOWER')
    expect(errors).not.toContain('NETWORK_EXCEPTION')
    expect(c.producerView('p1').failed).toBe(0)
  })

  it('waits for an active broker that has not reported the change (cut off, not yet fenced)', () => {
    const c = ordersOnThreeBrokers(21)
    c.runUntil(10_000)
    // Broker 3 can no longer heartbeat; it stays active (unfenced) until broker.session.timeout.ms.
    c.broker(3).isolate(['controllers'])
    c.runUntil(10_500)
    c.broker(1).shutdown()
    c.runUntil(40_000)
    const fenced = c.events('BrokerFenced').find((e) => e.broker === 3)
    const completed = c.events('ControlledShutdownCompleted').find((e) => e.broker === 1)
    expect(fenced).toBeDefined()
    expect(completed?.atMs).toBeGreaterThanOrEqual(fenced?.atMs ?? Infinity)
  })
})
