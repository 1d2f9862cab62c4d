/**
 * fast-check arbitraries for the analysis property tests: small layouts (1–3 zones, 1–3 brokers
 * each) with seeded, varied assignments, min.insync.replicas, unclean election, imported ISR/ELR
 * state and controller placement.
 */
import { fc } from '@fast-check/vitest'
import { buildSpec } from './test-helpers'

export const arbitrarySpec = fc
  .record({
    zoneCount: fc.integer({ min: 1, max: 3 }),
    perZone: fc.integer({ min: 1, max: 3 }),
    elr: fc.boolean(),
    controllerZones: fc.array(fc.nat(2), { minLength: 1, maxLength: 5 }),
    topicSeeds: fc.array(
      fc.record({
        partitions: fc.integer({ min: 1, max: 6 }),
        rf: fc.integer({ min: 1, max: 4 }),
        minIsr: fc.integer({ min: 1, max: 4 }),
        unclean: fc.boolean(),
        seeds: fc.array(fc.nat(1000), { minLength: 6, maxLength: 6 }),
        isrMasks: fc.option(fc.array(fc.nat(15), { minLength: 6, maxLength: 6 })),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ zoneCount, perZone, elr, controllerZones, topicSeeds }) => {
    const zones = ['az-a', 'az-b', 'az-c'].slice(0, zoneCount)
    const brokerCount = zoneCount * perZone
    return buildSpec({
      zones,
      brokersPerZone: perZone,
      config: { 'eligible.leader.replicas.enable': elr },
      controllerZones: controllerZones.map((z) => zones[z % zoneCount]!),
      topics: topicSeeds.map((t, i) => {
        const rf = Math.min(t.rf, brokerCount)
        // A seeded rotation and stride per partition gives varied but valid assignments.
        const assignment = Array.from({ length: t.partitions }, (_, p) => {
          const seed = t.seeds[p]!
          const ids = Array.from({ length: brokerCount }, (_, k) => k + 1)
          const rotated = [...ids.slice(seed % brokerCount), ...ids.slice(0, seed % brokerCount)]
          return (seed % 2 === 0 ? rotated : rotated.reverse()).slice(0, rf)
        })
        const initial =
          t.isrMasks === null
            ? undefined
            : assignment.map((replicas, p) => {
                const mask = t.isrMasks![p]!
                if (mask === 0) return null
                const isr = replicas.filter((_, j) => (mask >> j) & 1)
                const elrMembers = replicas.filter((r) => !isr.includes(r)).slice(0, 1)
                return { leader: isr[0] ?? -1, isr, elr: elrMembers }
              })
        return {
          name: `t${i}`,
          partitions: t.partitions,
          replicationFactor: rf,
          config: { 'min.insync.replicas': t.minIsr, 'unclean.leader.election.enable': t.unclean },
          assignment,
          ...(initial === undefined ? {} : { initial }),
        }
      }),
    })
  })
