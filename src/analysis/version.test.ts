/**
 * The version picker's words follow the engine's version rules (versions.ts): labels name the
 * newest MSK version and the last with ZooKeeper, summaries say what each version changes, and a
 * setting at the old version's default follows the new one while a user's choice stays.
 */
import { describe, expect, it } from 'vitest'
import {
  KAFKA_VERSIONS,
  elrAfterVersionChange,
  lingerAfterVersionChange,
  versionLabel,
  versionSummary,
} from './version'

describe('versionLabel', () => {
  it('names 4.1 the newest on Amazon MSK and 3.9 the last with ZooKeeper', () => {
    expect(KAFKA_VERSIONS.map(versionLabel)).toEqual([
      '3.6',
      '3.7',
      '3.8',
      '3.9 (last with ZooKeeper)',
      '4.0',
      '4.1 (newest on Amazon MSK)',
    ])
  })
})

describe('versionSummary', () => {
  it.each([
    [
      '3.6',
      'KRaft or ZooKeeper · min ISR above RF refuses acks=all · high watermark advances under min ISR · no ELR · linger.ms 0',
    ],
    [
      '3.9',
      'KRaft or ZooKeeper · min ISR capped at RF · high watermark held under min ISR · ELR off unless enabled · linger.ms 0',
    ],
    [
      '4.0',
      'KRaft only · min ISR capped at RF · high watermark held under min ISR · ELR off unless enabled · linger.ms 5',
    ],
    [
      '4.1',
      'KRaft only · min ISR capped at RF · high watermark held under min ISR · ELR on by default · linger.ms 5',
    ],
  ] as const)('Kafka %s: %s', (version, summary) => {
    expect(versionSummary(version)).toBe(summary)
  })
})

describe('settings across a change of version', () => {
  it('ELR at the default follows the new default (on from 4.1); a choice stays', () => {
    expect(elrAfterVersionChange(false, '3.9', '4.1')).toBe(true)
    expect(elrAfterVersionChange(true, '4.1', '3.9')).toBe(false)
    expect(elrAfterVersionChange(true, '3.9', '4.1')).toBe(true)
    expect(elrAfterVersionChange(false, '4.1', '4.0')).toBe(false)
    expect(elrAfterVersionChange(true, '3.9', '4.0')).toBe(true)
  })

  it('linger.ms at the default follows the new default (5 from 4.0, KIP-1030); a choice stays', () => {
    expect(lingerAfterVersionChange(0, '3.9', '4.0')).toBe(5)
    expect(lingerAfterVersionChange(5, '4.1', '3.6')).toBe(0)
    expect(lingerAfterVersionChange(5, '3.9', '4.1')).toBe(5)
    expect(lingerAfterVersionChange(20, '3.9', '4.1')).toBe(20)
  })
})
