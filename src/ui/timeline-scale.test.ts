/**
 * The timeline's span and the rolling-restart window. The span covers the scenario's durationMs
 * (a 180 s scenario reads 03:00, a 600 s one 10:00, where the old span read 01:00 for both); a
 * rolling restart's window ends when its last broker reports `done` (it used to end where it
 * began, "00:00.000–00:00.000") and shows which broker is restarting while it runs. Real
 * RollingRestartStep events from the engine.
 */
import { describe, expect, it } from 'vitest'
import { formatSimTime } from '../scenario/sim-time'
import { faultWindows } from '../store/selectors'
import { ordersOnThreeBrokers } from '../test-support/test-cluster'
import {
  restartProgress,
  timelineScaleMs,
  windowTitle,
  withRestartProgress,
} from './timeline-scale'

describe('timelineScaleMs', () => {
  it('spans the scenario, then grows past it in 30 s steps', () => {
    expect(formatSimTime(timelineScaleMs(0, 0, 180_000), { milliseconds: false })).toBe('03:00')
    expect(formatSimTime(timelineScaleMs(0, 0, 600_000), { milliseconds: false })).toBe('10:00')
    expect(timelineScaleMs(0, 0, 20_000)).toBe(60_000)
    expect(timelineScaleMs(200_000, 200_000, 180_000)).toBe(240_000)
  })
})

describe('a rolling restart on the timeline', () => {
  function run(untilMs: number) {
    const c = ordersOnThreeBrokers(11)
    c.at(10_000, { type: 'rollingRestart' })
    c.runUntil(untilMs)
    const recording = c.simulation.faults()
    const windows = withRestartProgress(
      faultWindows(recording),
      recording,
      c.simulation.events(),
      c.snapshot().brokers.length,
    )
    return { c, recording, windows }
  }

  it('shows the broker restarting and its place while the restart runs', () => {
    const { c, recording, windows } = run(60_000)
    expect(restartProgress(recording[0]!, c.simulation.events(), 3)).toEqual({
      broker: 2,
      index: 2,
      total: 3,
      endMs: null,
    })
    expect(windows).toEqual([
      {
        startMs: 10_000,
        endMs: null,
        kind: 'admin',
        label: 'Rolling restart, broker 2 (2 of 3)',
        progress: 'broker 2 (2 of 3)',
      },
    ])
    expect(windowTitle(windows[0]!)).toBe('Rolling restart, broker 2 (2 of 3) 00:10.000–ongoing')
  })

  it('ends the window when the last broker is done', () => {
    const { c, windows } = run(150_000)
    const done = c.events('RollingRestartStep').filter((e) => e.step === 'done')
    expect(done).toHaveLength(3)
    expect(windows[0]).toMatchObject({
      startMs: 10_000,
      endMs: done[2]!.atMs,
      label: 'Rolling restart',
    })
    expect(windows[0]?.progress).toBeUndefined()
    expect(windowTitle(windows[0]!)).toBe(
      `Rolling restart 00:10.000–${formatSimTime(done[2]!.atMs)}`,
    )
  })

  it('counts only the listed brokers of a partial restart', () => {
    const c = ordersOnThreeBrokers(11)
    c.at(10_000, { type: 'rollingRestart', brokers: [3] })
    c.runUntil(70_000)
    const [fault] = c.simulation.faults()
    const progress = restartProgress(fault!, c.simulation.events(), 3)
    expect(progress.total).toBe(1)
    expect(progress.endMs).not.toBeNull()
  })
})
