/**
 * First paint of the default scenario from `vite preview`: a first visit (fresh context, empty
 * cache, tour not yet dismissed) from navigation to the first frame painted with the default
 * scenario's brokers in the topology, and the browser's first contentful paint for comparison.
 * "Painted" is the start of the frame after the one in which the first broker card appeared,
 * an upper bound on when that frame reached the screen. Figures only; the assertion catches a
 * page that never draws.
 */
import { expect, test } from './fixtures'

const LOADS = 5

// Playwright's trace recorder screencasts every frame, which on this 2-core machine costs about
// a third of the frames at 60 Hz and caps the unthrottled browser near 60 fps: timings with it on
// measure the recorder, so it stays off here (these specs assert only stalls).
test.use({ trace: 'off' })

interface PaintFigures {
  firstContentfulPaintMs: number
  scenarioPaintedMs: number
}

test('the default scenario paints within a second of navigation', async ({ browser, baseURL }) => {
  const figures: PaintFigures[] = []
  for (let i = 0; i < LOADS; i += 1) {
    const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } })
    const page = await context.newPage()
    await page.addInitScript(() => {
      // Resolves at the first frame after the one that drew the first broker card.
      window.__scenarioPainted = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector('svg.topology [data-broker]') === null) return
          observer.disconnect()
          requestAnimationFrame(() => resolve(performance.now()))
        })
        observer.observe(document, { childList: true, subtree: true })
      })
    })
    await page.goto('./')
    figures.push(
      await page.evaluate(async () => {
        const scenarioPaintedMs = await (window.__scenarioPainted as Promise<number>)
        // The paint entry arrives once the frame is presented, which can trail the frame itself.
        const firstContentfulPaintMs = await new Promise<number>((resolve) => {
          const observer = new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0]
            if (entry === undefined) return
            observer.disconnect()
            resolve(entry.startTime)
          })
          observer.observe({ type: 'paint', buffered: true })
          setTimeout(() => resolve(Number.NaN), 5000)
        })
        return { scenarioPaintedMs, firstContentfulPaintMs }
      }),
    )
    await context.close()
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const painted = figures.map((f) => f.scenarioPaintedMs)
  test.info().annotations.push({
    type: 'timing',
    description: `first paint of the default scenario (cold load from vite preview, median of ${LOADS}): ${Math.round(median(painted.slice()) ?? 0)} ms to the topology painted (each: ${painted.map((ms) => Math.round(ms)).join(', ')} ms); first contentful paint ${Math.round(median(figures.map((f) => f.firstContentfulPaintMs)) ?? 0)} ms`,
  })
  expect(Math.max(...painted)).toBeLessThan(10_000)
})

declare global {
  interface Window {
    __scenarioPainted?: Promise<number>
  }
}
