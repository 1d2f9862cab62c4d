/**
 * What a replica chip's definition says, role by role: the legend's role name, that role's
 * glossary entry (definition and the config key or KIP behind it), and the replica's own facts in
 * Kafka's terms — ISR and ELR membership against min.insync.replicas, records behind the leader,
 * the ISR clock against replica.lag.time.max.ms, and a crashed leader the metadata still names.
 * Built on the viz fixture cluster (orders-0 on brokers 1, 2, 3; leader 1) with the one field
 * each case needs changed.
 */
import { describe, expect, it } from 'vitest'
import type { PartitionView, Snapshot } from '../engine/types'
import { fixtureSnapshot } from '../viz/fixtures'
import { REPLICA_ROLES, ROLE_NAMES } from '../viz/theme'
import { ROLE_TERMS, chipDefinition, chipDefinitionText } from './chip-definition'
import { GLOSSARY, termFor } from './teach/glossary'

const LAG_MAX_MS = 30_000

/** The fixture with orders-0 changed by `edit`. */
function withOrders0(edit: (p: PartitionView) => PartitionView, snapshot = fixtureSnapshot()) {
  return {
    ...snapshot,
    partitions: snapshot.partitions.map((p) => (p.partition === 0 ? edit(p) : p)),
  }
}

function define(snapshot: Snapshot, broker: number) {
  const d = chipDefinition(snapshot, 'orders-0', broker, LAG_MAX_MS)
  if (d === null) throw new Error(`no chip for orders-0 on broker ${broker}`)
  return d
}

describe('chipDefinition', () => {
  it('uses the glossary entry the legend uses for every role', () => {
    for (const role of REPLICA_ROLES) expect(termFor(ROLE_NAMES[role])).toBe(ROLE_TERMS[role])
  })

  it('defines the leader: its ISR, preferred-leader place, epoch and high watermark', () => {
    const d = define(fixtureSnapshot(), 1)
    expect(d.heading).toBe('orders-0 on broker 1')
    expect(d.role).toBe('leader')
    expect(d.roleName).toBe('Leader')
    expect(d.entry).toBe(GLOSSARY.leader)
    expect(d.facts).toEqual([
      'In the ISR (1,2,3; min.insync.replicas=2).',
      'Preferred leader: first in the replica list.',
      'Leader epoch 0; high watermark 1000.',
    ])
  })

  it('defines a caught-up in-sync follower and names its leader', () => {
    const d = define(fixtureSnapshot(), 2)
    expect(d.role).toBe('in-sync')
    expect(d.entry).toBe(GLOSSARY['in-sync-follower'])
    expect(d.facts).toEqual([
      'In the ISR (1,2,3; min.insync.replicas=2).',
      'Caught up with the leader.',
      'Leader: broker 1, leader epoch 0.',
    ])
  })

  it("counts down an in-sync follower's replica.lag.time.max.ms, as the partition panel does", () => {
    const snapshot = withOrders0(
      (p) => ({
        ...p,
        replicaStates: p.replicaStates.map((r) =>
          r.broker === 3 ? { ...r, lag: 10, logEndOffset: 990, lastCaughtUpMs: 15_800 } : r,
        ),
      }),
      fixtureSnapshot({ nowMs: 20_000 }),
    )
    const d = define(snapshot, 3)
    expect(d.role).toBe('in-sync')
    expect(d.facts).toContain('10 records behind the leader (log end offset 990).')
    expect(d.facts).toContain(
      'ISR clock: behind 4.2 s; leaves the ISR in 25.8 s (replica.lag.time.max.ms=30000).',
    )
    // Caught up a tenth of a second ago: no clock yet.
    const fresh = withOrders0(
      (p) => ({
        ...p,
        replicaStates: p.replicaStates.map((r) =>
          r.broker === 3 ? { ...r, lastCaughtUpMs: 19_900 } : r,
        ),
      }),
      fixtureSnapshot({ nowMs: 20_000 }),
    )
    expect(define(fresh, 3).facts.join(' ')).not.toMatch(/ISR clock/)
  })

  it('defines an out-of-sync follower: out of the ISR, how far behind, and how it rejoins', () => {
    const snapshot = withOrders0(
      (p) => ({
        ...p,
        isr: [1, 2],
        replicaStates: p.replicaStates.map((r) =>
          r.broker === 3 ? { ...r, lag: 120, logEndOffset: 880, lastCaughtUpMs: 0 } : r,
        ),
      }),
      fixtureSnapshot({ nowMs: 40_000 }),
    )
    const d = define(snapshot, 3)
    expect(d.role).toBe('out-of-sync')
    expect(d.roleName).toBe('Out-of-sync follower')
    expect(d.entry).toBe(GLOSSARY['out-of-sync-follower'])
    expect(d.entry.source).toContain('replica.lag.time.max.ms')
    expect(d.facts).toEqual([
      'Not in the ISR (1,2; min.insync.replicas=2).',
      '120 records behind the leader (log end offset 880).',
      'Last caught up with the leader 40.0 s ago.',
      'It rejoins the ISR once its log end offset reaches the high watermark (1000).',
      'Leader: broker 1, leader epoch 0.',
    ])
  })

  it('defines a replica on a crashed, fenced broker as offline', () => {
    const d = define(fixtureSnapshot({ down: [1] }), 1)
    expect(d.role).toBe('offline')
    expect(d.entry).toBe(GLOSSARY.offline)
    expect(d.facts[0]).toBe('Broker 1 is offline.')
    expect(d.facts).toContain('Not in the ISR (2,3; min.insync.replicas=2).')
    expect(d.facts).toContain('600 records behind the leader (log end offset 400).')
    expect(d.facts).toContain('Leader: broker 2, leader epoch 1.')
  })

  it('says a crashed leader is still leader in the metadata until it is fenced', () => {
    const base = fixtureSnapshot({ nowMs: 2800 })
    const snapshot = {
      ...base,
      brokers: base.brokers.map((b) =>
        b.id === 1 ? { ...b, status: 'offline' as const, fenced: false } : b,
      ),
    }
    const d = define(snapshot, 1)
    expect(d.role).toBe('offline')
    expect(d.facts.at(-1)).toBe(
      'Still the leader in the metadata (leader epoch 0): fenced in 6.2 s.',
    )
  })

  it('says a running broker that is fenced is fenced', () => {
    const base = fixtureSnapshot()
    const snapshot = {
      ...base,
      brokers: base.brokers.map((b) => (b.id === 2 ? { ...b, fenced: true, session: null } : b)),
    }
    const d = define(snapshot, 2)
    expect(d.role).toBe('offline')
    expect(d.facts[0]).toBe('Broker 2 is online and fenced.')
  })

  it('defines an ELR member of a leaderless partition (KIP-966)', () => {
    const snapshot = withOrders0((p) => ({
      ...p,
      leader: -1,
      isr: [],
      elr: [2],
      lastKnownElr: [3],
    }))
    const d = define(snapshot, 2)
    expect(d.role).toBe('elr')
    expect(d.entry).toBe(GLOSSARY.elr)
    expect(d.entry.source).toContain('KIP-966')
    expect(d.facts).toEqual([
      'Not in the ISR (empty; min.insync.replicas=2).',
      'In the ELR (2).',
      'The partition has no leader: it is offline.',
    ])
    expect(define(snapshot, 3).facts).toContain('In LastKnownElr (3).')
  })

  it('has no definition for a broker that holds no replica of the partition', () => {
    expect(chipDefinition(fixtureSnapshot(), 'orders-0', 4, LAG_MAX_MS)).toBeNull()
    expect(chipDefinition(fixtureSnapshot(), 'payments-0', 1, LAG_MAX_MS)).toBeNull()
  })

  it('reads as one paragraph: the role, its glossary text and source, then the facts', () => {
    const text = chipDefinitionText(define(fixtureSnapshot(), 1))
    expect(text).toBe(
      `orders-0 on broker 1: leader. ${GLOSSARY.leader.definition} Source: ${GLOSSARY.leader.source}. ` +
        'In the ISR (1,2,3; min.insync.replicas=2). Preferred leader: first in the replica list. ' +
        'Leader epoch 0; high watermark 1000.',
    )
  })
})
