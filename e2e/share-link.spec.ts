/**
 * Share links: the scenario, its recorded faults, the seed and the time travel in the URL hash,
 * and opening the link restores the same state (the engine is deterministic). A damaged or
 * hostile link says in plain words what is wrong, falls back to the default scenario and leaves
 * the address bar without the broken hash (so a reload does not repeat the error); a damaged link
 * arriving while a scenario is open keeps that scenario.
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
    await expect(page.getByRole('alert')).toContainText(/^The share link(’s|'s| is)/)
    await expect(page.getByRole('alert')).toContainText('The default scenario is shown instead.')
    await expect(page.getByRole('alert')).not.toContainText(/EOF|JSON\.parse|atob/)
    await sim.settled()
    expect(await sim.scenarioName()).toMatch(/^Default/)
    expect(await page.evaluate(() => location.hash)).toBe('')
  })
}

const SMALL = { version: 1, name: 'Small link', cluster: { zones: ['a'], brokersPerZone: 1 } }

test('a truncated link explains itself in plain words and clears the broken hash', async ({
  page,
  sim,
}) => {
  const whole = linkHash(SMALL, '&seed=3&t=0')
  // Cut the scenario data short, as a chat client or a careless copy does.
  const cut = whole.slice(0, whole.indexOf('&') - 12)
  await page.goto(`./?lang=x${cut}`)
  const alert = page.getByRole('alert')
  await expect(alert).toContainText(
    'The share link is damaged: its scenario data could not be decompressed (the link may have' +
      ' been cut off when it was copied). The default scenario is shown instead.',
  )
  await sim.settled()
  expect(await sim.scenarioName()).toMatch(/^Default/)
  // The path and query stay; only the broken hash goes, so a reload starts clean.
  expect(await page.evaluate(() => location.hash)).toBe('')
  expect(new URL(page.url()).search).toBe('?lang=x')
  await page.reload()
  await sim.settled()
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('a damaged link pasted while a scenario is open keeps that scenario', async ({
  page,
  sim,
}) => {
  await page.goto(`./${linkHash(SMALL)}`)
  await sim.settled()
  expect(await sim.scenarioName()).toBe('Small link')
  await page.evaluate(() => {
    location.hash = '#scenario=AAAAAAAAAAAAAAAA'
  })
  await expect(page.getByRole('alert')).toContainText(
    'The share link is damaged: its scenario data could not be decompressed',
  )
  await expect(page.getByRole('alert')).toContainText('The scenario you had open is still shown.')
  // The damaged link leaves the address bar; the autosave may already have put the open
  // scenario's own link there (it keeps the work in the address as you go), never the damaged one.
  await expect
    .poll(() => page.evaluate(() => location.hash))
    .toMatch(/^(#scenario=(?!AAAAAAAAAAAAAAAA)[^&]+&.*)?$/)
  await sim.settled()
  expect(await sim.scenarioName()).toBe('Small link')
})
