/**
 * Screenshots of the main states, for people to look at (test-results/screenshots/*.png): the
 * default scenario, a crashed leader with its partition selected, a broker menu, a stopped zone in
 * the dark theme, a laptop-sized window, and the aggregated reference cluster with a drill-down.
 * Each shot also asserts the state it shows, so a broken page cannot pass as a picture.
 */
import { expect, test } from './fixtures'
import { REFERENCE_CLUSTER, linkHash } from './pages/links'

const DIR = 'test-results/screenshots'

// The first-visit tour would cover the states these pictures are about.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem('kafka-ha-lab.tour-dismissed', '1'))
})

test('default, crashed leader with selection, and broker menu', async ({
  page,
  sim,
  toolbar,
  topology,
}) => {
  await page.goto('./')
  await sim.settled()
  await page.screenshot({ path: `${DIR}/01-default.png`, fullPage: true })

  await toolbar.setSpeed(10)
  await toolbar.play.click()
  await topology.brokerAction(1, 'Crash broker')
  await sim.waitFor('(s) => s.partitions[0].leader > 1')
  await sim.waitFor('(s) => s.nowMs > 20000')
  await toolbar.pause.click()
  await page.getByRole('combobox', { name: 'Partition' }).selectOption('orders-0')
  await expect(page.getByRole('complementary', { name: 'Partition' })).toContainText('orders-0')
  await page.screenshot({ path: `${DIR}/02-crashed-leader-selected.png`, fullPage: true })

  await topology.broker(1).click()
  await expect(topology.menu('Broker 1')).toBeVisible()
  await page.screenshot({ path: `${DIR}/03-broker-menu.png` })

  await page.keyboard.press('ArrowDown')
  await page.screenshot({ path: `${DIR}/03b-menu-keyboard-focus.png` })
  await page.keyboard.press('Escape')
  await expect(topology.broker(1)).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(topology.broker(4)).toBeFocused()
  await page.screenshot({ path: `${DIR}/03c-broker-keyboard-focus.png` })
})

test('stopped zone in the dark theme', async ({ page, sim, toolbar, topology }) => {
  await page.goto('./')
  await sim.settled()
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
  await toolbar.setSpeed(20)
  await toolbar.play.click()
  await topology.zoneAction('use1-az3', 'Stop zone')
  await sim.waitFor('(s) => s.partitions.every((p) => p.leader > 0 && p.isr.length === 2)')
  await toolbar.pause.click()
  await page.screenshot({ path: `${DIR}/04-zone-stopped-dark.png`, fullPage: true })
})

test('a laptop-sized window', async ({ page, sim, topology }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('./')
  await sim.settled()
  await expect(topology.broker(6)).toBeInViewport()
  await page.screenshot({ path: `${DIR}/05-laptop-1280x720.png` })
})

test('the reference cluster aggregates and drills down', async ({ page, sim, topology }) => {
  test.setTimeout(120_000)
  await page.goto(`./${linkHash(REFERENCE_CLUSTER)}`)
  await sim.settled()
  await expect(topology.broker(90)).toBeVisible()
  await expect(page.getByText('Many replicas: brokers are aggregated')).toBeVisible()
  await page.screenshot({ path: `${DIR}/06-reference-aggregated.png`, fullPage: true })

  await topology.brokerAction(7, 'Show replicas in detail')
  await expect(page.getByText('Showing broker 7 in detail.')).toBeVisible()
  await page.screenshot({ path: `${DIR}/07-reference-broker-7.png`, fullPage: true })
})
