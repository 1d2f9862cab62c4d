/**
 * Nothing lost: the work in the dashboard survives a reload (the address bar holds it) and a later
 * visit (local storage, offered back, never restored silently); a share link pasted over unsaved
 * work can be undone; a fork in the past can be undone, bringing its recorded future back; and
 * acting at the live edge of a guided scenario keeps the scenario's later scripted fault.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import type { SimApi } from './pages/SimApi'
import type { Toolbar } from './pages/Toolbar'
import type { Topology } from './pages/Topology'
import { linkHash } from './pages/links'

const SAVED_WORK_KEY = 'kafka-ha-lab.saved-work'

/** Plays the default scenario, crashes broker 3 at about 4 s and pauses at about 12 s. */
async function crashAndPause(sim: SimApi, toolbar: Toolbar, topology: Topology) {
  await sim.settled()
  await toolbar.setSpeed(20)
  await toolbar.play.click()
  await sim.waitFor('(s) => s.nowMs > 4000')
  await topology.brokerAction(3, 'Crash broker')
  await sim.waitFor('(s) => s.nowMs > 12000')
  await toolbar.pause.click()
  await sim.settled()
  return { now: await sim.nowMs(), recording: await sim.recording() }
}

const hash = (page: Page) => page.evaluate(() => location.hash)

/** The x positions of the fault marks on the scrubber's track. */
const faultMarks = (page: Page) =>
  page
    .locator('.timeline-marks line.mark-fault')
    .evaluateAll((lines) => lines.map((line) => line.getAttribute('x1')))

test('a reload keeps the scenario, its faults and the time: the address bar holds them', async ({
  page,
  sim,
  toolbar,
  topology,
}) => {
  await page.goto('./')
  const before = await crashAndPause(sim, toolbar, topology)
  await expect
    .poll(() => hash(page))
    .toMatch(new RegExp(`^#scenario=[\\w-]+&seed=42&t=${before.now}$`))
  // The address bar's own updates never reload the scenario.
  await expect(page.getByRole('status').filter({ hasText: 'Opened the share link' })).toHaveCount(0)

  await page.reload()
  await sim.settled()
  expect(await sim.nowMs()).toBe(before.now)
  expect(await sim.recording()).toEqual(before.recording)
  await expect(topology.broker(3)).toHaveAccessibleName(/offline/)
})

test('a later visit offers the saved work back; Restore brings it, Dismiss forgets it', async ({
  page,
  sim,
  toolbar,
  topology,
}) => {
  await page.goto('./')
  const before = await crashAndPause(sim, toolbar, topology)
  const name = await sim.scenarioName()
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key) !== null, SAVED_WORK_KEY))
    .toBe(true)

  // A visit without a link shows the default and offers the work; nothing is restored by itself.
  await page.goto('./')
  await sim.settled()
  const offer = page.getByTestId('restore-offer')
  const at = new Date(before.now).toISOString().slice(14, 23)
  await expect(offer).toContainText(`Restore your work: “${name}”, 1 recorded fault, at ${at}.`)
  expect(await sim.recording()).toEqual([])
  await page.screenshot({ path: 'test-results/nothing-lost/restore-offer.png' })
  await offer.getByRole('button', { name: 'Restore' }).click()
  await expect(offer).toBeHidden()
  await sim.settled()
  expect(await sim.scenarioName()).toBe(name)
  expect(await sim.nowMs()).toBe(before.now)
  expect(await sim.recording()).toEqual(before.recording)
  await expect(topology.broker(3)).toHaveAccessibleName(/offline/)
  // The focus went on to the message, not to the page.
  await expect(page.getByRole('button', { name: 'Dismiss message' })).toBeFocused()

  await page.goto('./')
  await sim.settled()
  await expect(offer).toBeVisible()
  await offer.getByRole('button', { name: 'Dismiss the saved work' }).press('Enter')
  await expect(offer).toBeHidden()
  await page.goto('./')
  await sim.settled()
  await expect(page.getByTestId('restore-offer')).toHaveCount(0)
})

test('a link pasted over unsaved work opens, and Undo brings the work back', async ({
  page,
  sim,
  toolbar,
  topology,
}) => {
  await page.goto('./')
  const before = await crashAndPause(sim, toolbar, topology)
  const small = { version: 1, name: 'Small link', cluster: { zones: ['a'], brokersPerZone: 1 } }
  await page.evaluate(
    (next) => {
      location.hash = next
    },
    linkHash(small, '&t=2000'),
  )
  const notice = page.getByRole('status').filter({ hasText: 'Opened the share link' })
  await expect(notice).toContainText(
    'Opened the share link “Small link” at 00:02.000. It replaced your unsaved work on “Default',
  )
  await sim.settled()
  expect(await sim.scenarioName()).toBe('Small link')

  await notice.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Brought back' })).toContainText(
    '1 recorded fault',
  )
  await sim.settled()
  expect(await sim.scenarioName()).toMatch(/^Default/)
  expect(await sim.nowMs()).toBe(before.now)
  expect(await sim.recording()).toEqual(before.recording)
})

test('a fork in the past can be undone: the recorded future and its fault mark come back', async ({
  page,
  sim,
  toolbar,
  topology,
}) => {
  await page.goto('./')
  const before = await crashAndPause(sim, toolbar, topology)
  const horizon = await sim.horizonMs()
  const marks = await faultMarks(page)
  expect(marks).toHaveLength(1)

  await toolbar.timeline.fill('2000')
  await sim.waitFor('(s) => s.nowMs === 2000')
  await topology.brokerAction(1, 'Crash broker')
  const fork = page.getByRole('status').filter({ hasText: 'Forked a new future at 00:02.000' })
  await expect(fork).toContainText('discarded 1 later fault. Undo brings the old future back.')
  expect(await sim.recording()).toEqual([{ type: 'crashBroker', broker: 1, atMs: 2000 }])
  await expect.poll(() => faultMarks(page)).not.toEqual(marks)

  // By keyboard: Tab reaches Undo in the message.
  await fork.getByRole('button', { name: 'Undo' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Undid the fork' })).toContainText(
    'Undid the fork: back at 00:02.000 on the old future, with its 1 later fault.',
  )
  await sim.settled()
  expect(await sim.nowMs()).toBe(2000)
  expect(await sim.horizonMs()).toBe(horizon)
  expect(await sim.recording()).toEqual(before.recording)
  await expect.poll(() => faultMarks(page)).toEqual(marks)
  await expect(topology.broker(1)).toHaveAccessibleName(/online/)
  await toolbar.timeline.fill(String(Math.floor(before.now / 100) * 100))
  await expect(topology.broker(3)).toHaveAccessibleName(/offline/)
})

test('acting at the live edge keeps a guided scenario’s later scripted fault', async ({
  page,
  sim,
  toolbar,
  topology,
}) => {
  await page.goto('./')
  await sim.settled()
  await page.getByRole('button', { name: 'Scenarios' }).click()
  const picker = page.getByRole('dialog', { name: 'Guided scenarios' })
  await picker
    .getByRole('button', { name: 'Preferred leader rebalance after a broker returns' })
    .first()
    .click()
  await expect(picker).toBeHidden()
  await sim.settled()
  // Play to the checkpoint at 29 s: playback stops exactly there, at the live edge.
  await toolbar.setSpeed(20)
  await toolbar.play.click()
  await page.waitForFunction(
    () => window.__sim?.playing() === false && window.__sim.nowMs() === 29_000,
  )
  expect(await sim.horizonMs()).toBe(29_000)
  // By keyboard (the narration's chips sit over the brokers' centres).
  await topology.broker(2).focus()
  await page.keyboard.press('Enter')
  await topology.menu('Broker 2').getByRole('menuitem', { name: 'Crash broker' }).click()
  await expect(topology.broker(2)).toHaveAccessibleName(/offline/)
  await expect(page.getByRole('status').filter({ hasText: 'Forked' })).toHaveCount(0)
  expect((await sim.recording()).map((f) => [f.type, f.atMs])).toEqual([
    ['crashBroker', 20_000],
    ['crashBroker', 29_000],
    ['startBroker', 60_000],
  ])
  // On to the next checkpoint: the scripted restart of broker 1 at 60 s still happens.
  await toolbar.play.click()
  await page.waitForFunction(
    () => window.__sim?.playing() === false && window.__sim.nowMs() === 66_000,
  )
  await expect(topology.broker(1)).toHaveAccessibleName(/online/)
  const events = await page.evaluate(() =>
    (window.__sim?.events() ?? []).filter((e) => e.type === 'FaultInjected').map((e) => e.atMs),
  )
  expect(events).toEqual([20_000, 29_000, 60_000])
})
