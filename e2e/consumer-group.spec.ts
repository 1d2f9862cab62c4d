/**
 * A consumer group on screen: __consumer_offsets is hidden in the partition table until asked
 * for, and the Metrics tab's group table follows the coordinator across a broker crash and a
 * member's death (the consumer-group-coordinator guided scenario).
 */
import { expect, test } from './fixtures'

test('the offsets topic is hidden until asked for; the group table follows the coordinator', async ({
  page,
  sim,
  toolbar,
}) => {
  await page.addInitScript(() => window.localStorage.setItem('kafka-ha-lab.tour-dismissed', '1'))
  await page.goto('./')
  await sim.settled()
  await page.getByRole('button', { name: 'Scenarios' }).click()
  const picker = page.getByRole('dialog', { name: 'Guided scenarios' })
  await picker
    .getByRole('button', { name: 'A consumer group loses its coordinator', exact: false })
    .first()
    .click()
  await expect(picker).toBeHidden()
  await sim.settled()

  const partitions = page.getByRole('region', { name: 'Partitions' })
  await page.getByRole('tab', { name: 'Partitions', exact: true }).click()
  await expect(partitions).toContainText('rows 1–6 of 6')
  await expect(partitions).not.toContainText('__consumer_offsets')
  const toggle = page.getByRole('checkbox', { name: 'Show internal topics (__consumer_offsets)' })
  await toggle.first().check()
  await expect(partitions).toContainText('rows 1–56 of 56')
  await expect(partitions).toContainText('__consumer_offsets')
  await toggle.first().uncheck()
  await expect(partitions).toContainText('rows 1–6 of 6')

  // Play to the first checkpoint (the coordinator's broker crashes at 20 s).
  await toolbar.setSpeed(10)
  await toolbar.play.click()
  await page.waitForFunction(
    () => window.__sim?.playing() === false && window.__sim.nowMs() === 20_000,
    null,
    {
      timeout: 30_000,
    },
  )
  await page.getByRole('tab', { name: 'Metrics', exact: true }).click()
  const groups = page.getByRole('table', { name: /One row per consumer group/ })
  const row = groups.getByRole('row', { name: /^orders-readers/ })
  await expect(row).toBeVisible()
  await expect(row.getByRole('cell').nth(0)).toHaveText('Stable')
  await expect(row.getByRole('cell').nth(2)).toHaveText('broker 3 (__consumer_offsets-24)')
  await expect(row.getByRole('cell').nth(3)).toHaveText('2 of 2')

  // Past the fencing: broker 1 coordinates, the same generation, nothing read twice.
  await toolbar.play.click()
  await page.waitForFunction(
    () => window.__sim?.playing() === false && window.__sim.nowMs() === 29_100,
    null,
    {
      timeout: 30_000,
    },
  )
  await expect(row.getByRole('cell').nth(2)).toHaveText('broker 1 (__consumer_offsets-24)')
  await expect(row.getByRole('cell').nth(1)).toHaveText('1')
  await expect(row.getByRole('cell').nth(5)).toHaveText('0')
  await page.screenshot({ path: 'test-results/consumer-group/metrics-groups.png', fullPage: true })

  // The clients table crashes one member's process and starts it again (crashClient and
  // startClient, injected at the paused time). Playback stopped exactly on the checkpoint, the
  // live edge, so the guided script's 2 later faults stay and nothing forks.
  const clients = page.getByRole('table', { name: /One row per client process/ })
  const member = clients.getByRole('row', { name: /^orders-reader-1/ })
  await member.getByRole('button', { name: 'Crash orders-reader-1' }).click()
  await expect(member.getByRole('cell').nth(0)).toHaveText('✕ crashed')
  await expect
    .poll(async () => (await sim.recording()).filter((f) => f.atMs > 29_100))
    .toHaveLength(2)
  await expect(page.getByRole('status').filter({ hasText: 'Forked a new future' })).toHaveCount(0)
  await page.screenshot({ path: 'test-results/consumer-group/metrics-clients.png', fullPage: true })
  await member.getByRole('button', { name: 'Start orders-reader-1' }).focus()
  await page.keyboard.press('Enter')
  await expect(member.getByRole('cell').nth(0)).toHaveText('running')
  await expect(page.getByRole('status').filter({ hasText: 'Started' })).toHaveText(
    /Started orders-reader-1 at 00:29\.100\./,
  )
})
