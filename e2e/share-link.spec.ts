/**
 * Share links: the scenario, its recorded faults, the seed and the time travel in the URL hash,
 * and opening the link restores the same state (the engine is deterministic). A damaged or
 * hostile link shows a clear message and falls back to the default scenario.
 */
import { deflateSync } from 'fflate'
import { expect, test } from './fixtures'
import { linkHash } from './pages/links'

test('a share link round-trips scenario, faults, seed and time', async ({
  page,
  context,
  sim,
  toolbar,
  topology,
}) => {
  await page.goto('./')
  await sim.settled()
  await toolbar.setSpeed(20)
  await toolbar.play.click()
  await sim.waitFor('(s) => s.nowMs > 2000')
  await topology.brokerAction(3, 'Crash broker')
  await sim.waitFor('(s) => s.nowMs > 15000')
  await toolbar.pause.click()
  await sim.settled()
  await page.getByRole('button', { name: 'Copy share link' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Share link' })).toBeVisible()
  const url = page.url()
  expect(url).toMatch(/#scenario=[A-Za-z0-9_-]+&seed=42&t=\d+$/)
  const original = {
    now: await sim.nowMs(),
    recording: await sim.recording(),
    snapshot: await sim.snapshot(),
  }

  const other = await context.newPage()
  await other.goto(url)
  await other.waitForFunction(() => window.__sim?.settled() === true)
  const restored = await other.evaluate(() => ({
    now: window.__sim?.nowMs(),
    recording: window.__sim?.recording(),
    snapshot: window.__sim?.snapshot(),
  }))
  expect(restored.now).toBe(original.now)
  expect(restored.recording).toEqual(original.recording)
  expect(restored.snapshot).toEqual(original.snapshot)
  await expect(
    other.getByRole('button', { name: /^Broker 3, zone use1-az3, offline/ }),
  ).toBeVisible()
  await other.close()
})

const damaged: [string, string][] = [
  ['not base64', '#scenario=%%%not-base64%%%'],
  ['not deflate', '#scenario=AAAAAAAAAAAAAAAA'],
  ['an invalid scenario', linkHash({ version: 1, name: 'x', cluster: { zones: [] } })],
  [
    'a huge time',
    `${linkHash({ version: 1, name: 'x', cluster: { zones: ['a'], brokersPerZone: 1 } })}&t=1e99`,
  ],
  [
    'a deflate bomb',
    `#scenario=${Buffer.from(deflateSync(new Uint8Array(30_000_000))).toString('base64url')}`,
  ],
]

for (const [what, hash] of damaged) {
  test(`a link with ${what} shows a message and opens the default scenario`, async ({
    page,
    sim,
  }) => {
    await page.goto(`./${hash}`)
    await expect(page.getByRole('alert')).toContainText('This share link could not be opened')
    await expect(page.getByRole('alert')).toContainText('Showing the default scenario instead')
    await sim.settled()
    expect(await sim.scenarioName()).toMatch(/^Default/)
  })
}
