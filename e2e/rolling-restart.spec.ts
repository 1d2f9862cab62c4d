/**
 * A rolling restart from the toolbar: brokers restart one at a time, and at the end every broker
 * is online and every partition has its full ISR again.
 */
import { expect, test } from './fixtures'

test('rolling restart restarts every broker and ends healthy', async ({ page, sim, toolbar }) => {
  await page.goto('./')
  await sim.settled()
  await toolbar.setSpeed(50)
  await toolbar.play.click()
  await toolbar.rollingRestart.click()
  // One 'done' step per broker, when it is back and nothing is under-replicated.
  await page.waitForFunction(
    () =>
      (window.__sim?.events() ?? []).filter(
        (e) => e.type === 'RollingRestartStep' && e.step === 'done',
      ).length === 6,
    undefined,
    { timeout: 60_000 },
  )
  await sim.waitFor(
    "(s) => s.brokers.every((b) => b.status === 'online') && s.partitions.every((p) => p.isr.length === 3)",
  )
  await toolbar.pause.click()
  const restarted = await page.evaluate(() =>
    (window.__sim?.events() ?? []).flatMap((e) =>
      e.type === 'RollingRestartStep' && e.step === 'start' ? [e.broker] : [],
    ),
  )
  expect([...restarted].sort()).toEqual([1, 2, 3, 4, 5, 6])
})
