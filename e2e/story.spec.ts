/**
 * One screen tells the story of a crash (issue 16, items 3, 4, 8 and 9): the live counters sit
 * beside the topology at projector size; between the crash and the fencing the broker card
 * counts down and its partitions say "leader unreachable — not fenced yet"; then the election;
 * the live region announces it; projector mode is one key.
 */
import { expect, test } from './fixtures'

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem('kafka-ha-lab.tour-dismissed', '1'))
})

test('at 1280×720 the counters are on screen beside the topology, with definitions', async ({
  page,
  sim,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('./')
  await sim.settled()
  const counters = page.getByRole('region', { name: 'Live counters' })
  for (const name of [
    'UnderReplicatedPartitions 0',
    'UnderMinIsrPartitionCount 0',
    'AtMinIsrPartitionCount 0',
    'OfflinePartitionsCount 0',
    'ActiveControllerCount 1',
    'Acknowledged, then lost 0',
  ]) {
    await expect(counters.getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 })
  }
  await expect(page.getByRole('button', { name: /^Broker 6,/ })).toBeInViewport()
  const tile = counters.getByRole('button', { name: 'UnderMinIsrPartitionCount 0' })
  await tile.focus()
  await expect(page.getByRole('tooltip')).toContainText('min.insync.replicas')
  await expect(tile).toHaveAccessibleDescription(/NOT_ENOUGH_REPLICAS/)
})

test('a crash: leader unreachable, not fenced yet, then the election, announced', async ({
  page,
  sim,
  toolbar,
  topology,
  table,
}) => {
  await page.goto('./')
  await sim.settled()
  await toolbar.play.click()
  await sim.waitFor('(s) => s.nowMs > 2000')
  await topology.brokerAction(1, 'Crash broker')
  // The detection window: metadata still names broker 1 leader of orders-0.
  await expect(
    page.getByRole('button', { name: /^Broker 1, .*not fenced yet: fenced in \d/ }),
  ).toBeVisible()
  await toolbar.pause.click()
  const leaderOf0 = (await sim.partition('orders', 0)).leader
  expect(leaderOf0).toBe(1)
  await table.tab.click()
  await expect(table.row('orders', 0)).toContainText('leader unreachable — not fenced yet')
  await toolbar.play.click()
  await sim.waitFor('(s) => s.partitions[0].leader > 1')
  await expect(table.row('orders', 0)).not.toContainText('leader unreachable')
  await expect(page.getByRole('status', { name: 'Cluster announcements' })).toContainText(
    /Broker 1 fenced|leaders? elected/,
  )
})

test('projector mode is one key and scales the topology up', async ({ page, sim }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('./')
  await sim.settled()
  const card = page.getByRole('button', { name: /^Broker 2,/ })
  const before = (await card.boundingBox())!.width
  await page.keyboard.press('p')
  await expect(page.getByRole('button', { name: 'Projector' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect.poll(async () => (await card.boundingBox())!.width).toBeGreaterThan(before * 1.1)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280)
  await page.keyboard.press('p')
  await expect(page.getByRole('button', { name: 'Projector' })).toHaveAttribute(
    'aria-pressed',
    'false',
  )
})

test('on a phone nothing overflows, zones stack, taps are 44 px and the broker menu opens', async ({
  page,
  sim,
  topology,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('./')
  await sim.settled()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390)
  const zone1 = (await page.getByRole('button', { name: /^Zone use1-az1,/ }).boundingBox())!
  const zone2 = (await page.getByRole('button', { name: /^Zone use1-az2,/ }).boundingBox())!
  expect(zone2.y).toBeGreaterThan(zone1.y + zone1.height - 1)
  expect(zone2.x + zone2.width).toBeLessThanOrEqual(390)
  for (const name of ['Play', 'Step', 'Scenarios', 'Copy share link']) {
    const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!
    expect(box.height, name).toBeGreaterThanOrEqual(44)
    expect(box.x + box.width, name).toBeLessThanOrEqual(390)
  }
  await topology.broker(3).click()
  await expect(topology.menu('Broker 3')).toBeVisible()
  await expect(topology.menu('Broker 3')).toBeInViewport()
})

test('at 150% zoom of a 1280-px screen the page does not scroll sideways', async ({
  page,
  sim,
}) => {
  await page.setViewportSize({ width: 853, height: 480 })
  await page.goto('./')
  await sim.settled()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(853)
  await expect(page.getByRole('region', { name: 'Live counters' })).toBeVisible()
})

test('embed mode scales the topology to its frame and shows the legend', async ({ page, sim }) => {
  await page.setViewportSize({ width: 560, height: 420 })
  await page.goto('./?embed=1')
  await sim.settled()
  await expect(page.getByRole('list', { name: 'Legend' })).toBeVisible()
  const svg = (await page.getByRole('group', { name: 'Cluster topology' }).boundingBox())!
  expect(svg.x + svg.width).toBeLessThanOrEqual(560)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(560)
})
