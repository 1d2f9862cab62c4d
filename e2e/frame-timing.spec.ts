/**
 * Frame timing of the default scenario while a zone is down, at 1× and 100×: frame intervals
 * from requestAnimationFrame over 3 s of playback and long tasks from PerformanceObserver. The
 * figures go into the report as annotations (printed by `npm run bench`); the assertions only
 * catch stalls, since absolute timings on shared machines are noise. Headless Chromium caps
 * frames at 60 Hz, so the median cannot go below ~16.7 ms here.
 */
import { expect, test } from './fixtures'

for (const speed of [1, 100] as const) {
  test(`frames at ${speed}x during a zone failure`, async ({ page, sim, toolbar, topology }) => {
    await page.addInitScript(() => window.localStorage.setItem('kafka-ha-lab.tour-dismissed', '1'))
    await page.goto('./')
    await sim.settled()
    await toolbar.setSpeed(speed)
    await topology.zoneAction('use1-az1', 'Stop zone')
    await toolbar.play.click()
    const { frames, longTasks } = await page.evaluate(
      () =>
        new Promise<{ frames: number[]; longTasks: number[] }>((resolve) => {
          const frames: number[] = []
          const longTasks: number[] = []
          const observer = new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) longTasks.push(entry.duration)
          })
          observer.observe({ type: 'longtask', buffered: false })
          let last = performance.now()
          const start = last
          const tick = (now: number) => {
            frames.push(now - last)
            last = now
            if (now - start < 3000) requestAnimationFrame(tick)
            else {
              observer.disconnect()
              resolve({ frames, longTasks })
            }
          }
          requestAnimationFrame(tick)
        }),
    )
    const sorted = frames.slice(1).sort((a, b) => a - b)
    const at = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
    const maxLong = longTasks.length === 0 ? 0 : Math.max(...longTasks)
    test.info().annotations.push({
      type: 'timing',
      description: `default scenario at ${speed}x, zone down: ${sorted.length} frames, median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, long tasks ${longTasks.length} (max ${maxLong.toFixed(0)} ms)`,
    })
    expect(sorted.length).toBeGreaterThan(10)
    expect(at(0.5)).toBeLessThan(200)
  })
}
