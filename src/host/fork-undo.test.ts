/**
 * Acting at the live edge and undoing a fork, through the host core over the real engine: a fault
 * added at the live edge keeps the scenario's later scripted faults (they still fire), a seek back
 * over it and forward again logs the very same events, and undoing a fork in the past brings the
 * original future back, event for event.
 */
import { describe, expect, it } from 'vitest'
import { createSimulation, restoreSimulation } from '../engine/index'
import type { SimEvent } from '../engine/types'
import { TestCluster } from '../test-support/test-cluster'
import { createHostCore } from './core'
import type { HostMessage, HostRequest, HostUpdate } from './protocol'

function spec() {
  const c = TestCluster.create({ zones: 3, brokersPerZone: 1, seed: 11 })
  c.topic('orders', { partitions: 2, replicationFactor: 3, 'min.insync.replicas': 2 })
  c.producer('p1', 'orders', { acks: -1, recordsPerSecond: 100 })
  c.at(20_000, { type: 'crashBroker', broker: 3 })
  return c.spec
}

function updateOf(message: HostMessage): HostUpdate {
  if (message.kind !== 'update') throw new Error(message.message)
  return message.update
}

/** A host core with the page's copy of the event log, kept as the store keeps it. */
function hostWithLog() {
  const core = createHostCore({ createSimulation, restoreSimulation })
  let events: SimEvent[] = []
  function send(request: HostRequest): HostUpdate {
    const update = updateOf(core.handle(request))
    events = events.slice(0, update.events.from).concat(update.events.items)
    return update
  }
  return { send, events: () => events }
}

const injected = (events: readonly SimEvent[]) =>
  events.filter((event) => event.type === 'FaultInjected').map((event) => event.atMs)

describe('host core: live edge and fork undo', () => {
  it('keeps the scripted crash at 20 s when a broker is crashed at the live edge', () => {
    const host = hostWithLog()
    host.send({ type: 'load', spec: spec(), atMs: 0 })
    host.send({ type: 'advance', targetMs: 5000 })
    const at5 = host.send({ type: 'inject', fault: { type: 'crashBroker', broker: 1 } })
    expect(at5.fork).toBeUndefined()
    expect(at5.timeline?.recording.map((fault) => fault.atMs)).toEqual([5000, 20_000])
    host.send({ type: 'advance', targetMs: 30_000 })
    expect(injected(host.events())).toEqual([5000, 20_000])

    const original = host.events().slice()
    host.send({ type: 'seek', atMs: 2000 })
    host.send({ type: 'seek', atMs: 30_000 })
    expect(host.events()).toEqual(original)
  })

  it('undoes a fork in the past: the original future replays event for event', () => {
    const host = hostWithLog()
    host.send({ type: 'load', spec: spec(), atMs: 0 })
    host.send({ type: 'advance', targetMs: 30_000 })
    const original = host.events().slice()

    host.send({ type: 'seek', atMs: 10_000 })
    const forked = host.send({ type: 'inject', fault: { type: 'crashBroker', broker: 2 } })
    expect(forked.fork).toEqual({ atMs: 10_000, discardedFaults: 1 })
    host.send({ type: 'advance', targetMs: 25_000 })
    expect(injected(host.events())).toEqual([10_000])

    const undone = host.send({ type: 'undoFork' })
    expect(undone.forkUndone).toEqual({ atMs: 10_000, restoredFaults: 1 })
    expect(undone.simTimeMs).toBe(10_000)
    expect(undone.horizonMs).toBe(30_000)
    expect(undone.timeline?.recording).toEqual([{ type: 'crashBroker', broker: 3, atMs: 20_000 }])
    expect(host.events()).toEqual(original.filter((event) => event.atMs <= 10_000))
    host.send({ type: 'seek', atMs: 30_000 })
    expect(host.events()).toEqual(original)
  })

  it('says there is nothing to undo, and changes nothing, without a fork', () => {
    const core = createHostCore({ createSimulation, restoreSimulation })
    core.handle({ type: 'load', spec: spec(), atMs: 3000 })
    expect(core.handle({ type: 'undoFork' })).toEqual({
      kind: 'error',
      message: 'There is no fork to undo.',
    })
    expect(updateOf(core.handle({ type: 'advance', targetMs: 3000 })).simTimeMs).toBe(3000)
  })
})
