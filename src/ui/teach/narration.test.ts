/**
 * The narration helper on a hand-built narration and on every guided scenario file: the current
 * step is the last one reached, the next checkpoint is strictly later, and a playback advance
 * reports the first checkpoint it crossed.
 */
import { describe, expect, it } from 'vitest'
import type { ScenarioNarration } from '../../scenario/types'
import { listGuidedScenarios, loadGuidedScenario } from '../../scenarios/index'
import { readGuidedFile } from '../../scenarios/test-helpers'
import {
  crossedCheckpoint,
  currentStepIndex,
  narrationPosition,
  nextCheckpointMs,
  orderedSteps,
} from './narration'

const narration: ScenarioNarration = {
  steps: [
    { atMs: 0, title: 'Steady state', text: 'a' },
    { atMs: 10_000, title: 'Broker 1 stops', text: 'b', checkpoint: true },
    { atMs: 12_000, title: 'Producer reroutes', text: 'c' },
    { atMs: 36_000, title: 'Broker 1 returns', text: 'd', checkpoint: true },
  ],
  tryIt: 'Set the replication factor to 3 and replay.',
}

describe('narrationPosition', () => {
  it.each([
    [-1, -1, 10_000],
    [0, 0, 10_000],
    [9_999, 0, 10_000],
    [10_000, 1, 36_000],
    [11_000, 1, 36_000],
    [12_000, 2, 36_000],
    [36_000, 3, null],
    [99_000, 3, null],
  ])('at %i ms: step %i, next checkpoint %s', (atMs, index, next) => {
    expect(narrationPosition(narration, atMs)).toEqual({ index, nextCheckpointMs: next })
    expect(currentStepIndex(narration, atMs)).toBe(index)
    expect(nextCheckpointMs(narration, atMs)).toBe(next)
  })

  it('is -1 and null for an empty narration', () => {
    expect(narrationPosition({ steps: [] }, 5)).toEqual({ index: -1, nextCheckpointMs: null })
  })

  it('orders steps by time, keeping file order for ties', () => {
    const shuffled: ScenarioNarration = {
      steps: [
        { atMs: 5, title: 'late', text: '' },
        { atMs: 1, title: 'first tie', text: '', checkpoint: true },
        { atMs: 1, title: 'second tie', text: '' },
      ],
    }
    expect(orderedSteps(shuffled).map((s) => s.title)).toEqual(['first tie', 'second tie', 'late'])
    expect(orderedSteps(narration)).toBe(narration.steps)
    expect(narrationPosition(shuffled, 1)).toEqual({ index: 1, nextCheckpointMs: null })
    expect(narrationPosition(shuffled, 0)).toEqual({ index: -1, nextCheckpointMs: 1 })
  })
})

describe('crossedCheckpoint', () => {
  it.each([
    [0, 9_999, null],
    [0, 10_000, 10_000],
    [9_000, 40_000, 10_000],
    [10_000, 20_000, null],
    [10_000, 36_000, 36_000],
    [20_000, 10_000, null],
    [36_000, 90_000, null],
  ])('from %i to %i ms: %s', (from, to, expected) => {
    expect(crossedCheckpoint(narration, from, to)).toBe(expected)
  })
})

describe('the guided scenarios', () => {
  const guidedScenarios = listGuidedScenarios(readGuidedFile).map((entry) => {
    const scenario = loadGuidedScenario(entry.id, readGuidedFile)
    return [entry.id, scenario.narration] as const
  })
  it.each(guidedScenarios)(
    '%s has a first checkpoint after time 0 that starts its own step',
    (_id, guided) => {
      const first = nextCheckpointMs(guided, 0)
      expect(first).not.toBeNull()
      const position = narrationPosition(guided, first!)
      expect(orderedSteps(guided)[position.index]?.checkpoint).toBe(true)
      expect(crossedCheckpoint(guided, 0, first! + 1)).toBe(first)
    },
  )
})
