/**
 * Checks the election rules against the cases of Kafka's own tests, re-stated as tables:
 * - PartitionLeaderElectionAlgorithmsTest.scala (branch 3.9) for the ZooKeeper algorithms;
 * - PartitionChangeBuilderTest.testElectLeader and the KIP-966 ELR tests for KRaft's electLeader.
 * Each row names the Kafka test it comes from; the last-known-leader rows show both the
 * pre-KAFKA-19522 quirk and the fixed behaviour.
 */
import { describe, expect, it } from 'vitest'
import {
  NO_LEADER,
  controlledShutdownPartitionLeaderElection,
  electLeader,
  offlinePartitionLeaderElection,
  preferredReplicaPartitionLeaderElection,
  reassignPartitionLeaderElection,
  type ElectablePartition,
  type Election,
} from './elections'

describe('PartitionLeaderElectionAlgorithms (ZooKeeper controller)', () => {
  const offlineCases = [
    {
      name: 'testOfflinePartitionLeaderElection: the first live ISR member in assignment order',
      assignment: [2, 4],
      isr: [2, 4],
      live: [4],
      unclean: false,
      expected: 4,
    },
    {
      name: 'testOfflinePartitionLeaderElectionLastIsrOfflineUncleanLeaderElectionDisabled',
      assignment: [2, 4],
      isr: [2],
      live: [4],
      unclean: false,
      expected: null,
    },
    {
      name: 'testOfflinePartitionLeaderElectionLastIsrOfflineUncleanLeaderElectionEnabled',
      assignment: [2, 4],
      isr: [2],
      live: [4],
      unclean: true,
      expected: 4,
    },
    {
      name: 'prefers a live ISR member over an earlier live out-of-sync replica, even when unclean',
      assignment: [1, 2, 3],
      isr: [3],
      live: [1, 3],
      unclean: true,
      expected: 3,
    },
    {
      name: 'unclean picks the first live replica in assignment order',
      assignment: [3, 1, 2],
      isr: [5],
      live: [1, 2],
      unclean: true,
      expected: 1,
    },
    {
      name: 'no live replica at all gives None, even when unclean',
      assignment: [1, 2],
      isr: [1],
      live: [],
      unclean: true,
      expected: null,
    },
  ]
  it.each(offlineCases)('offline: $name', ({ assignment, isr, live, unclean, expected }) => {
    expect(offlinePartitionLeaderElection(assignment, isr, live, unclean)).toBe(expected)
  })

  const reassignCases = [
    {
      name: 'testReassignPartitionLeaderElection',
      reassignment: [2, 4],
      isr: [2, 4],
      live: [4],
      expected: 4,
    },
    {
      name: 'testReassignPartitionLeaderElectionWithNoLiveIsr',
      reassignment: [2, 4],
      isr: [2],
      live: [],
      expected: null,
    },
    {
      name: 'testReassignPartitionLeaderElectionWithEmptyIsr',
      reassignment: [2, 4],
      isr: [],
      live: [2],
      expected: null,
    },
    {
      name: 'follows the target replica order, not the ISR order',
      reassignment: [5, 3],
      isr: [3, 5],
      live: [3, 5],
      expected: 5,
    },
  ]
  it.each(reassignCases)('reassign: $name', ({ reassignment, isr, live, expected }) => {
    expect(reassignPartitionLeaderElection(reassignment, isr, live)).toBe(expected)
  })

  const preferredCases = [
    {
      name: 'testPreferredReplicaPartitionLeaderElection',
      assignment: [2, 4],
      isr: [2, 4],
      live: [2, 4],
      expected: 2,
    },
    {
      name: 'testPreferredReplicaPartitionLeaderElectionPreferredReplicaInIsrNotLive',
      assignment: [2, 4],
      isr: [2],
      live: [],
      expected: null,
    },
    {
      name: 'testPreferredReplicaPartitionLeaderElectionPreferredReplicaNotInIsrLive',
      assignment: [2, 4],
      isr: [4],
      live: [2, 4],
      expected: null,
    },
    {
      name: 'testPreferredReplicaPartitionLeaderElectionPreferredReplicaNotInIsrNotLive',
      assignment: [2, 4],
      isr: [],
      live: [],
      expected: null,
    },
    {
      name: 'never falls back to another replica when the preferred one is down',
      assignment: [2, 4],
      isr: [2, 4],
      live: [4],
      expected: null,
    },
  ]
  it.each(preferredCases)('preferred: $name', ({ assignment, isr, live, expected }) => {
    expect(preferredReplicaPartitionLeaderElection(assignment, isr, live)).toBe(expected)
  })

  const controlledShutdownCases = [
    {
      name: 'testControlledShutdownPartitionLeaderElection',
      assignment: [2, 4],
      isr: [2, 4],
      live: [2, 4],
      shuttingDown: [2],
      expected: 4,
    },
    {
      name: 'testControlledShutdownPartitionLeaderElectionLastIsrShuttingDown',
      assignment: [2, 4],
      isr: [2],
      live: [2, 4],
      shuttingDown: [2],
      expected: null,
    },
    {
      name: 'testControlledShutdownPartitionLeaderElectionAllIsrSimultaneouslyShutdown',
      assignment: [2, 4],
      isr: [2, 4],
      live: [2, 4],
      shuttingDown: [2, 4],
      expected: null,
    },
    {
      name: 'skips an ISR member that is not live',
      assignment: [1, 2, 3],
      isr: [1, 2, 3],
      live: [1, 3],
      shuttingDown: [1],
      expected: 3,
    },
  ]
  it.each(controlledShutdownCases)(
    'controlled shutdown: $name',
    ({ assignment, isr, live, shuttingDown, expected }) => {
      expect(controlledShutdownPartitionLeaderElection(assignment, isr, live, shuttingDown)).toBe(
        expected,
      )
    },
  )
})

describe('PartitionChangeBuilder.electLeader (KRaft controller)', () => {
  // PartitionChangeBuilderTest's FOO: replicas [2, 1, 3], ISR [2, 1, 3], leader 1, and broker 3
  // is not an acceptable leader.
  const foo = { replicas: [2, 1, 3], isr: [2, 1, 3], leader: 1 }
  const fooAcceptable = (r: number): boolean => r !== 3
  // BAZ: replicas [2, 1, 3], ISR [1, 3], leader 3, every broker acceptable.
  const baz = { replicas: [2, 1, 3], isr: [1, 3], leader: 3 }
  const allAcceptable = (): boolean => true

  const cases: {
    name: string
    partition: ElectablePartition
    election: Election
    isAcceptableLeader: (r: number) => boolean
    elrEnabled?: boolean
    expected: { leader: number; unclean: boolean }
  }[] = [
    {
      name: 'PREFERRED moves leadership to replicas[0]',
      partition: foo,
      election: 'PREFERRED',
      isAcceptableLeader: fooAcceptable,
      expected: { leader: 2, unclean: false },
    },
    {
      name: 'ONLINE keeps the current leader (sticky)',
      partition: foo,
      election: 'ONLINE',
      isAcceptableLeader: fooAcceptable,
      expected: { leader: 1, unclean: false },
    },
    {
      name: 'UNCLEAN keeps the current leader while it is valid',
      partition: foo,
      election: 'UNCLEAN',
      isAcceptableLeader: fooAcceptable,
      expected: { leader: 1, unclean: false },
    },
    {
      name: 'ONLINE with target ISR [1, 3] keeps leader 1',
      partition: { ...foo, isr: [1, 3] },
      election: 'ONLINE',
      isAcceptableLeader: fooAcceptable,
      expected: { leader: 1, unclean: false },
    },
    {
      name: 'UNCLEAN with target ISR [1, 3] keeps leader 1',
      partition: { ...foo, isr: [1, 3] },
      election: 'UNCLEAN',
      isAcceptableLeader: fooAcceptable,
      expected: { leader: 1, unclean: false },
    },
    {
      name: 'ONLINE with target ISR [3] (unacceptable) finds no leader',
      partition: { ...foo, isr: [3] },
      election: 'ONLINE',
      isAcceptableLeader: fooAcceptable,
      expected: { leader: NO_LEADER, unclean: false },
    },
    {
      name: 'UNCLEAN with target ISR [3] picks the first acceptable out-of-sync replica',
      partition: { ...foo, isr: [3] },
      election: 'UNCLEAN',
      isAcceptableLeader: fooAcceptable,
      expected: { leader: 2, unclean: true },
    },
    {
      name: 'UNCLEAN with target replicas [2, 1, 3, 4] and ISR [4] elects 4 cleanly',
      partition: { replicas: [2, 1, 3, 4], isr: [4], leader: 1 },
      election: 'UNCLEAN',
      isAcceptableLeader: fooAcceptable,
      expected: { leader: 4, unclean: false },
    },
    {
      name: 'PREFERRED keeps the current leader when replicas[0] is not in the ISR (BAZ)',
      partition: baz,
      election: 'PREFERRED',
      isAcceptableLeader: allAcceptable,
      expected: { leader: 3, unclean: false },
    },
    {
      name: 'ONLINE keeps the current leader (BAZ)',
      partition: baz,
      election: 'ONLINE',
      isAcceptableLeader: allAcceptable,
      expected: { leader: 3, unclean: false },
    },
    {
      name: 'UNCLEAN keeps the current leader (BAZ)',
      partition: baz,
      election: 'UNCLEAN',
      isAcceptableLeader: allAcceptable,
      expected: { leader: 3, unclean: false },
    },
    {
      name: 'PREFERRED falls back to a later valid replica when neither replicas[0] nor the leader is',
      partition: { replicas: [1, 2, 3], isr: [1, 3], leader: 2 },
      election: 'PREFERRED',
      isAcceptableLeader: (r) => r !== 1,
      expected: { leader: 3, unclean: false },
    },
    {
      name: 'ONLINE without a valid leader takes the first valid replica in replica order',
      partition: { replicas: [1, 2, 3], isr: [3, 2], leader: 1 },
      election: 'ONLINE',
      isAcceptableLeader: (r) => r !== 1,
      expected: { leader: 2, unclean: false },
    },
    {
      name: 'UNCLEAN finds nothing when no replica is acceptable',
      partition: { replicas: [1, 2, 3], isr: [1], leader: 1 },
      election: 'UNCLEAN',
      isAcceptableLeader: () => false,
      expected: { leader: NO_LEADER, unclean: false },
    },
    {
      name: 'ELR (testEligibleLeaderReplicas_ElrCanBeElected): empty ISR elects an ELR member cleanly',
      partition: { replicas: [1, 2, 3, 4], isr: [], elr: [1, 3], leader: 1 },
      election: 'PREFERRED',
      isAcceptableLeader: (r) => r !== 1,
      elrEnabled: true,
      expected: { leader: 3, unclean: false },
    },
    {
      name: 'ELR members are not candidates while the ISR is non-empty',
      partition: { replicas: [1, 2, 3], isr: [1], elr: [2], leader: 1 },
      election: 'ONLINE',
      isAcceptableLeader: (r) => r !== 1,
      elrEnabled: true,
      expected: { leader: NO_LEADER, unclean: false },
    },
    {
      name: 'ELR (testEligibleLeaderReplicas_ElectLastKnownLeader): last known leader, unclean',
      partition: { replicas: [1, 2, 3, 4], isr: [], elr: [], lastKnownElr: [1], leader: -1 },
      election: 'PREFERRED',
      isAcceptableLeader: allAcceptable,
      elrEnabled: true,
      expected: { leader: 1, unclean: true },
    },
    {
      name: 'ELR (_ElectLastKnownLeaderShouldFail): no last-known election while the ELR is non-empty',
      partition: { replicas: [1, 2, 3, 4], isr: [], elr: [3], lastKnownElr: [1], leader: -1 },
      election: 'PREFERRED',
      isAcceptableLeader: (r) => r !== 3,
      elrEnabled: true,
      expected: { leader: NO_LEADER, unclean: false },
    },
    {
      name: 'last known leader is not used when ELR is disabled',
      partition: { replicas: [1, 2, 3], isr: [], elr: [], lastKnownElr: [1], leader: -1 },
      election: 'ONLINE',
      isAcceptableLeader: allAcceptable,
      elrEnabled: false,
      expected: { leader: NO_LEADER, unclean: false },
    },
    {
      name: 'last known leader needs exactly one lastKnownElr member',
      partition: { replicas: [1, 2, 3], isr: [], elr: [], lastKnownElr: [1, 2], leader: -1 },
      election: 'ONLINE',
      isAcceptableLeader: allAcceptable,
      elrEnabled: true,
      expected: { leader: NO_LEADER, unclean: false },
    },
    {
      name: 'ONLINE/UNCLEAN: the last known leader comes before an arbitrary unclean replica',
      partition: { replicas: [1, 2, 3], isr: [], elr: [], lastKnownElr: [3], leader: -1 },
      election: 'UNCLEAN',
      isAcceptableLeader: allAcceptable,
      elrEnabled: true,
      expected: { leader: 3, unclean: true },
    },
  ]

  it.each(cases)('$name', ({ partition, election, isAcceptableLeader, elrEnabled, expected }) => {
    const result = electLeader(partition, {
      election,
      isAcceptableLeader,
      eligibleLeaderReplicasEnabled: elrEnabled ?? false,
    })
    expect(result).toEqual(expected)
  })

  describe('canElectLastKnownLeader and KAFKA-19522', () => {
    // All replicas are fenced; the last known leader, broker 1, is fenced too.
    const leaderless: ElectablePartition = {
      replicas: [1, 2, 3],
      isr: [],
      elr: [],
      lastKnownElr: [1],
      leader: -1,
    }
    const noneAcceptable = (): boolean => false

    it.each(['ONLINE', 'PREFERRED', 'UNCLEAN'] as const)(
      'at trunk 1eb7644 (the quirk) %s elects a fenced last known leader, uncleanly',
      (election) => {
        const result = electLeader(leaderless, {
          election,
          isAcceptableLeader: noneAcceptable,
          eligibleLeaderReplicasEnabled: true,
        })
        expect(result).toEqual({ leader: 1, unclean: true })
      },
    )

    it.each(['ONLINE', 'PREFERRED', 'UNCLEAN'] as const)(
      'with the KAFKA-19522 fix %s leaves the partition leaderless',
      (election) => {
        const result = electLeader(leaderless, {
          election,
          isAcceptableLeader: noneAcceptable,
          eligibleLeaderReplicasEnabled: true,
          fixLastKnownLeaderAcceptability: true,
        })
        expect(result).toEqual({ leader: NO_LEADER, unclean: false })
      },
    )

    it('with the fix, an acceptable last known leader is still elected', () => {
      const result = electLeader(leaderless, {
        election: 'ONLINE',
        isAcceptableLeader: (r) => r === 1,
        eligibleLeaderReplicasEnabled: true,
        fixLastKnownLeaderAcceptability: true,
      })
      expect(result).toEqual({ leader: 1, unclean: true })
    })

    it('with the fix, UNCLEAN falls through to an acceptable out-of-sync replica', () => {
      const result = electLeader(leaderless, {
        election: 'UNCLEAN',
        isAcceptableLeader: (r) => r === 3,
        eligibleLeaderReplicasEnabled: true,
        fixLastKnownLeaderAcceptability: true,
      })
      expect(result).toEqual({ leader: 3, unclean: true })
    })
  })

  it('does not mutate its input', () => {
    const partition = Object.freeze({
      replicas: Object.freeze([2, 1, 3]) as number[],
      isr: Object.freeze([3]) as number[],
      leader: 1,
    })
    expect(() =>
      electLeader(partition, {
        election: 'UNCLEAN',
        isAcceptableLeader: fooAcceptable,
        eligibleLeaderReplicasEnabled: false,
      }),
    ).not.toThrow()
  })
})
