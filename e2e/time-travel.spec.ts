/**
 * Scrub back and fork (RaftScope's model): seeking back replays the recording up to that time,
 * the recorded future is kept until you act; acting in the past discards it and forks.
 */
import { expect, test } from './fixtures'

test('scrubbing back replays the past; acting there forks a new future', async ({
  page,
  sim,
  toolbar,
  topology,
}) => {
  await page.goto('./')
  await sim.settled()
  await toolbar.setSpeed(20)
  await toolbar.play.click()
  await sim.waitFor('(s) => s.nowMs > 6000')
  await topology.brokerAction(1, 'Crash broker')
  await sim.waitFor('(s) => s.nowMs > 25000')
  await toolbar.pause.click()
  await sim.settled()
  const crashAt = (await sim.recording())[0]?.atMs ?? 0
  // The scrubber moves in 100 ms steps.
  const afterCrash = Math.ceil((crashAt + 1000) / 100) * 100
  const horizon = await sim.horizonMs()

  await toolbar.timeline.fill('3000')
  await sim.waitFor('(s) => s.nowMs === 3000')
  await expect(topology.broker(1)).toHaveAccessibleName(/^Broker 1, zone use1-az1, online/)
  expect(await sim.horizonMs()).toBe(horizon)
  await expect(toolbar.backToLatest).toBeEnabled()

  // Without acting, the recorded future replays: the crash happens again at the same time.
  await toolbar.timeline.fill(String(afterCrash))
  await sim.waitFor(`(s) => s.nowMs === ${afterCrash}`)
  await expect(topology.broker(1)).toHaveAccessibleName(/offline/)

  await toolbar.timeline.fill('3000')
  await sim.waitFor('(s) => s.nowMs === 3000')
  await topology.brokerAction(2, 'Crash broker')
  await expect(
    page.getByRole('status').filter({ hasText: 'Forked a new future at 00:03.000' }),
  ).toContainText('discarded 1 later fault')
  expect(await sim.recording()).toEqual([{ type: 'crashBroker', broker: 2, atMs: 3000 }])
  expect(await sim.horizonMs()).toBe(3000)

  await toolbar.play.click()
  await sim.waitFor(`(s) => s.nowMs > ${crashAt + 5000}`)
  await toolbar.pause.click()
  await expect(topology.broker(1)).toHaveAccessibleName(/online/)
  await expect(topology.broker(2)).toHaveAccessibleName(/offline/)
})
