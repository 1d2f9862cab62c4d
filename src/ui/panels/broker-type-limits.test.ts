/**
 * The limits beside the broker-type select, for every MSK type: each figure AWS does not publish
 * reads "not published" (never a number, never "null"), only published lines cite a source, a
 * size without burst shows its baseline alone, and the provisioned-throughput hint follows the
 * type's maximum.
 */
import { describe, expect, it } from 'vitest'
import { BROKER_TYPES } from '../../engine/capacity/broker-types'
import { NOT_PUBLISHED, provisionedThroughputHint, publishedLimits } from './broker-type-limits'

describe('publishedLimits', () => {
  it('writes every figure of every type as text, "not published" where AWS gives none', () => {
    for (const figures of BROKER_TYPES) {
      const { lines, sources } = publishedLimits(figures.type)
      for (const line of lines) expect(line.value, figures.type).not.toMatch(/null|undefined|NaN/)
      const unpublished = lines.filter((l) => l.value === NOT_PUBLISHED).length
      if (figures.family === 'standard') expect(unpublished, figures.type).toBe(0)
      // Express: vCPUs, memory, network and both partition figures are not in an AWS page.
      else expect(unpublished, figures.type).toBe(5)
      expect(sources.length, figures.type).toBeGreaterThan(0)
    }
  })

  it('shows a size that does not burst by its baseline, and its provisioned maximum', () => {
    const { lines } = publishedLimits('kafka.m5.8xlarge')
    expect(lines).toContainEqual({ term: 'Network, baseline', value: '10 Gbps' })
    expect(lines).toContainEqual({ term: 'Provisioned throughput', value: 'up to 850 MiB/s' })
    expect(publishedLimits('kafka.t3.small').lines).toContainEqual({
      term: 'Network, baseline',
      value: '0.128 Gbps, bursts to 5 Gbps on credits',
    })
  })

  it('cites for Express the Express pages, not the EC2 instance figures it does not use', () => {
    const titles = publishedLimits('express.m7g.16xlarge').sources.map((s) => s.title)
    expect(titles).toEqual([
      'Amazon MSK Developer Guide: Best practices for Express brokers (recommended maximum throughput per broker)',
      'Amazon MSK Developer Guide: Amazon MSK Express brokers (3 AZs only, managed storage)',
      'AWS Agent Toolkit, managing-amazon-msk skill: size-and-choose-cluster (Express: unclean.leader.election fixed at false)',
    ])
  })
})

describe('provisionedThroughputHint', () => {
  it("follows the type's maximum, and says what a custom type uses instead", () => {
    expect(provisionedThroughputHint('kafka.m7g.2xlarge')).toBe(
      'Optional: 250–312.5, on a volume of 10 GiB or more; empty: 250',
    )
    expect(provisionedThroughputHint('kafka.m5.large')).toBe(
      'kafka.m5.large cannot provision it; leave empty for the default 250 MiB/s',
    )
    expect(provisionedThroughputHint('custom')).toContain('volume throughput limit')
  })
})
