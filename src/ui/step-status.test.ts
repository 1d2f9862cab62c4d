/** The toolbar's sentence about the last Step: none for short steps, the jump for long ones. */
import { describe, expect, it } from 'vitest'
import { STEP_HINT_MIN_MS, stepStatusText } from './step-status'

describe('stepStatusText', () => {
  it('says nothing without a step or for a step of at most a second', () => {
    expect(stepStatusText(null)).toBeNull()
    expect(stepStatusText({ fromMs: 74, toMs: 74 + STEP_HINT_MIN_MS, events: 0 })).toBeNull()
    expect(stepStatusText({ fromMs: 0, toMs: 12, events: 3 })).toBeNull()
  })

  it('explains a long jump that found an event', () => {
    expect(stepStatusText({ fromMs: 74, toMs: 120_074, events: 2 })).toBe(
      'Stepped 02:00.000 ahead to the next event, at 02:00.074 (nothing happened in between).',
    )
  })

  it('says when a step found no event at all', () => {
    expect(stepStatusText({ fromMs: 60_000, toMs: 120_000, events: 0 })).toBe(
      'Stepped 01:00.000 ahead to 02:00.000: no event in that time, the cluster is quiet.',
    )
  })
})
