/**
 * How often the playback loop publishes: every frame for small clusters, a few times a second for
 * large ones (a publish of tens of thousands of partitions costs the page a frame or more).
 */
import { describe, expect, it } from 'vitest'
import { createFakeEngine, tinySpec } from '../../host/testing/fake-engine'
import { createAppStore } from '../app-store'
import { updateIntervalMs } from './playback-slice'

describe('updateIntervalMs', () => {
  it('updates small clusters every frame and large ones a few times a second', () => {
    expect(updateIntervalMs(6)).toBe(0)
    expect(updateIntervalMs(2000)).toBe(0)
    expect(updateIntervalMs(10_000)).toBe(250)
    expect(updateIntervalMs(60_000)).toBe(400)
  })
})

/** A guided scenario stops at its durationMs; free play does not. */
describe('playback at the end of a guided scenario', () => {
  const narration = { steps: [{ atMs: 0, title: 'Start', text: 'All in sync.' }] }
  const spec = { ...tinySpec(), durationMs: 10_000 }

  function playFor(store: ReturnType<typeof createAppStore>, frames: number) {
    store.getState().setSpeed(100)
    store.getState().play()
    for (let i = 0; i < frames; i++) store.getState().tick(16)
  }

  it('stops exactly at durationMs at top speed', () => {
    const store = createAppStore({ engine: createFakeEngine(), spec: tinySpec(), freeze: true })
    store.getState().loadGuided('demo', 'Demo', spec, narration)
    playFor(store, 20)
    expect(store.getState().simTimeMs).toBe(10_000)
    expect(store.getState().playing).toBe(false)
  })

  it('replays from the start when Play is pressed at the end', () => {
    const store = createAppStore({ engine: createFakeEngine(), spec: tinySpec(), freeze: true })
    store.getState().loadGuided('demo', 'Demo', spec, narration)
    playFor(store, 20)
    store.getState().play()
    expect(store.getState().simTimeMs).toBe(0)
    expect(store.getState().playing).toBe(true)
    store.getState().tick(16)
    expect(store.getState().simTimeMs).toBe(1_600)
  })

  it('runs past durationMs in free play and after the narration is closed', () => {
    const store = createAppStore({ engine: createFakeEngine(), spec, freeze: true })
    playFor(store, 20)
    expect(store.getState().simTimeMs).toBe(32_000)
    store.getState().loadGuided('demo', 'Demo', spec, narration)
    store.getState().closeGuided()
    playFor(store, 10)
    expect(store.getState().simTimeMs).toBe(16_000)
  })
})
