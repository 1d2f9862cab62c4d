import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { STANDARD_BROKER_TYPES } from './broker-type-names'
import { BROKER_TYPE_NAMES, EXPRESS_BROKER_TYPES } from './broker-type-names'
import { BROKER_TYPES, brokerTypeFigures, COLUMN_SOURCES, SOURCES } from './broker-types'
import { BEGIN_MARKER, brokerTypesMarkdown, END_MARKER } from './broker-types-doc'

describe('MSK broker type figures', () => {
  it('has one row per type a scenario may name', () => {
    expect(BROKER_TYPES.map((t) => t.type)).toEqual(BROKER_TYPE_NAMES.filter((n) => n !== 'custom'))
  })

  it('quotes the partitions-per-broker table of the Standard best practices', () => {
    const partitions = (type: (typeof STANDARD_BROKER_TYPES)[number]) => {
      const t = brokerTypeFigures(type)
      return [t.recommendedPartitions, t.maxPartitions]
    }
    expect(partitions('kafka.t3.small')).toEqual([300, 300])
    expect(partitions('kafka.m5.large')).toEqual([1000, 1500])
    expect(partitions('kafka.m7g.2xlarge')).toEqual([2000, 3000])
    expect(partitions('kafka.m5.24xlarge')).toEqual([4000, 6000])
  })

  it('offers provisioned storage throughput from kafka.m5.4xlarge and kafka.m7g.2xlarge up', () => {
    const provisionable = BROKER_TYPES.filter((t) => t.volumeMaxProvisionedMiBps !== null).map(
      (t) => t.type,
    )
    expect(provisionable).toEqual([
      'kafka.m5.4xlarge',
      'kafka.m5.8xlarge',
      'kafka.m5.12xlarge',
      'kafka.m5.16xlarge',
      'kafka.m5.24xlarge',
      'kafka.m7g.2xlarge',
      'kafka.m7g.4xlarge',
      'kafka.m7g.8xlarge',
      'kafka.m7g.12xlarge',
      'kafka.m7g.16xlarge',
    ])
    expect(brokerTypeFigures('kafka.m5.4xlarge').volumeMaxProvisionedMiBps).toBe(593)
    expect(brokerTypeFigures('kafka.m7g.2xlarge').volumeMaxProvisionedMiBps).toBe(312.5)
    for (const t of BROKER_TYPES.filter((b) => b.family === 'standard'))
      expect(t.volumeDefaultMiBps).toBe(250)
  })

  it('models the EC2 baseline bandwidth; only sizes up to 4xlarge burst on credits', () => {
    expect(brokerTypeFigures('kafka.t3.small').networkBaselineGbps).toBe(0.128)
    expect(brokerTypeFigures('kafka.m5.large').networkBaselineGbps).toBe(0.75)
    const bursting = BROKER_TYPES.filter((t) => t.networkBurstGbps !== null).map((t) => t.type)
    for (const type of bursting) expect(type).toMatch(/\.(small|large|xlarge|2xlarge|4xlarge)$/)
    expect(brokerTypeFigures('kafka.m5.8xlarge').networkBurstGbps).toBeNull()
  })

  it("gives Express brokers AWS's recommended throughput and leaves out what AWS does not publish", () => {
    const large = brokerTypeFigures('express.m7g.large')
    expect([large.expressIngressMBps, large.expressEgressMBps]).toEqual([15.6, 31.2])
    expect(brokerTypeFigures('express.m7g.16xlarge').expressIngressMBps).toBe(500)
    for (const type of EXPRESS_BROKER_TYPES) {
      const t = brokerTypeFigures(type)
      expect([t.vcpus, t.networkBaselineGbps, t.maxPartitions, t.volumeDefaultMiBps]).toEqual([
        null,
        null,
        null,
        null,
      ])
    }
  })

  it('cites a source for every published column', () => {
    for (const t of BROKER_TYPES) {
      const cited = COLUMN_SOURCES[t.family]
      for (const [key, value] of Object.entries(t)) {
        if (typeof value !== 'number' || (key === 'volumeDefaultMiBps' && t.family === 'express'))
          continue
        const source = cited[key as keyof typeof cited]
        expect(source, `${t.type}.${key}`).toBeDefined()
        expect(SOURCES[source as keyof typeof SOURCES].url).toMatch(/^https:\/\//)
      }
    }
  })

  it('is the table docs/capacity.md prints', () => {
    const doc = readFileSync(new URL('../../../docs/capacity.md', import.meta.url), 'utf8')
    const start = doc.indexOf(BEGIN_MARKER)
    const end = doc.indexOf(END_MARKER)
    expect(start).toBeGreaterThan(0)
    expect(doc.slice(start + BEGIN_MARKER.length, end).trim()).toBe(brokerTypesMarkdown())
  })
})
