/**
 * The reference cluster (90 brokers, 10,000 partitions, RF 3) stays usable while it plays: a
 * click on a broker paints its menu, and a crash paints the broker offline, measured inside the
 * page from the click to the start of the frame after the one that drew the change (an upper
 * bound on when it reached the screen). The budgets are 100 ms; the assertions only catch stalls
 * (1 s), because absolute timings on shared CI machines are noise, and the measurements are
 * attached to the report.
 */
import { expect, test } from './fixtures'
import { REFERENCE_CLUSTER, linkHash } from './pages/links'

// Playwright's trace recorder screencasts every frame, which on this 2-core machine costs about
// a third of the frames at 60 Hz and caps the unthrottled browser near 60 fps: timings with it on
// measure the recorder, so it stays off here (these specs assert only stalls).
test.use({ trace: 'off' })

test('the reference cluster answers clicks while playing', async ({ page, sim, toolbar }) => {
  test.setTimeout(120_000)
  await page.goto(`./${linkHash(REFERENCE_CLUSTER)}`)
  await sim.settled()
  await toolbar.play.click()
  await sim.waitFor('(s) => s.nowMs > 2000')
  for (const id of [7, 8, 9]) {
    const [menuMs, crashMs, pollingMs] = await page.evaluate(
      (broker) =>
        new Promise<[number, number, number]>((resolve) => {
          const card = document.querySelector(`[data-broker="${broker}"]`)
          if (card === null) throw new Error(`no broker ${broker}`)
          const offline = () => card.getAttribute('aria-label')?.includes('offline') === true
          const clicked = performance.now()
          card.dispatchEvent(new MouseEvent('click', { bubbles: true }))
          const waitForMenu = () => {
            const item = [...document.querySelectorAll<HTMLElement>('[role="menuitem"]')].find(
              (element) => element.textContent === 'Crash broker',
            )
            if (item === undefined) return requestAnimationFrame(waitForMenu)
            requestAnimationFrame(() => {
              const menuPainted = performance.now()
              // The frame after the one that drew the broker offline: the observer sees the
              // change as the topology draws it (inside a frame), so the next frame starts
              // after that frame was painted.
              let painted = 0
              const observer = new MutationObserver(() => {
                if (!offline()) return
                observer.disconnect()
                requestAnimationFrame(() => (painted = performance.now()))
              })
              observer.observe(card, { attributes: true, attributeFilter: ['aria-label'] })
              item.click()
              // The earlier figure, kept for comparison: polling once per frame sees the change
              // a frame after it was drawn, then waits one more frame.
              const waitForOffline = () => {
                if (!offline()) return requestAnimationFrame(waitForOffline)
                requestAnimationFrame(() =>
                  resolve([
                    menuPainted - clicked,
                    painted - menuPainted,
                    performance.now() - menuPainted,
                  ]),
                )
              }
              waitForOffline()
            })
          }
          waitForMenu()
        }),
      id,
    )
    test.info().annotations.push({
      type: 'timing',
      description: `broker ${id}: click→menu ${Math.round(menuMs)} ms, crash→offline painted ${Math.round(crashMs)} ms (by per-frame polling, a frame later: ${Math.round(pollingMs)} ms)`,
    })
    expect(menuMs).toBeLessThan(1000)
    expect(crashMs).toBeGreaterThan(0)
    expect(crashMs).toBeLessThan(1000)
  }
})
