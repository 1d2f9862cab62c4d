/**
 * A keyboard-only run: Space plays, Tab reaches a broker, Enter opens its menu with focus on the
 * first enabled item, Enter crashes it, focus returns to the broker; the arrow keys reach "Start
 * broker"; → steps while paused. Focus is visible all along.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

async function tabTo(page: Page, name: RegExp, backwards = false): Promise<void> {
  for (let i = 0; i < 60; i += 1) {
    const current = await page.evaluate(() => {
      const el = document.activeElement
      return el?.getAttribute('aria-label') ?? el?.textContent ?? ''
    })
    if (name.test(current)) return
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`could not reach ${name} with the keyboard`)
}

test('crash and restart a broker from the keyboard alone', async ({
  page,
  sim,
  toolbar,
  topology,
}) => {
  await page.goto('./')
  await sim.settled()
  await page.keyboard.press('Space')
  await expect(toolbar.pause).toBeVisible()
  await page.keyboard.press(']')
  await page.keyboard.press(']')
  await page.keyboard.press(']')
  expect(await page.evaluate(() => window.__sim?.speed())).toBe(10)

  await tabTo(page, /^Broker 4,/)
  await expect(topology.broker(4)).toBeFocused()
  await page.keyboard.press('Enter')
  const menu = topology.menu('Broker 4')
  await expect(menu.getByRole('menuitem', { name: 'Crash broker' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(menu).toBeHidden()
  await expect(topology.broker(4)).toBeFocused()
  await expect(topology.broker(4)).toHaveAccessibleName(/^Broker 4, zone use1-az1, offline/)
  await sim.waitFor('(s) => s.partitions[3].leader !== 4 && s.partitions[3].leader > 0')

  await page.keyboard.press('Enter')
  await expect(menu.getByRole('menuitem', { name: 'Start broker' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await page.keyboard.press('ContextMenu')
  await expect(menu).toBeVisible()
  await page.keyboard.press('Enter')
  await sim.waitFor('(s) => s.partitions[3].isr.includes(4)')

  await tabTo(page, /^Pause$/, true)
  await page.keyboard.press('Enter')
  await expect(toolbar.play).toBeVisible()
  await page.keyboard.press('Escape')
  await page.locator('body').focus()
  const before = await sim.nowMs()
  await page.keyboard.press('ArrowRight')
  await page.waitForFunction((t) => (window.__sim?.nowMs() ?? 0) > t, before)
  expect((await sim.recording()).map((f) => f.type)).toEqual(['crashBroker', 'startBroker'])
})
