/**
 * How often the playback loop publishes: every frame for small clusters, a few times a second for
 * large ones (a publish of tens of thousands of partitions costs the page a frame or more).
 */
import { describe, expect, it } from 'vitest'
import { updateIntervalMs } from './playback-slice'

describe('updateIntervalMs', () => {
  it('updates small clusters every frame and large ones a few times a second', () => {
    expect(updateIntervalMs(6)).toBe(0)
    expect(updateIntervalMs(2000)).toBe(0)
    expect(updateIntervalMs(10_000)).toBe(250)
    expect(updateIntervalMs(60_000)).toBe(400)
  })
})
