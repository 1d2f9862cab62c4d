/**
 * The sim-time format shared by the clock, the scrubber, the logs, notices and exports:
 * table-driven cases for padding, minutes past the hour, negative and fractional input, and the
 * seconds-only form.
 */
import { describe, expect, it } from 'vitest'
import { formatSimTime } from './sim-time'

describe('formatSimTime', () => {
  it.each([
    [0, '00:00.000'],
    [1, '00:00.001'],
    [61_005, '01:01.005'],
    [61_234, '01:01.234'],
    [3_723_456, '62:03.456'],
    [3_725_009, '62:05.009'],
    [4_500_000, '75:00.000'],
    [1_234.9, '00:01.234'],
    [-5, '00:00.000'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatSimTime(ms)).toBe(text)
  })

  it.each([
    [0, '00:00'],
    [61_999, '01:01'],
    [4_500_000, '75:00'],
    [6_000_000, '100:00'],
  ])('%d ms without milliseconds is %s', (ms, text) => {
    expect(formatSimTime(ms, { milliseconds: false })).toBe(text)
  })
})
