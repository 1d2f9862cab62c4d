/**
 * Compare two designs, by role and name: a scenario with a bad layout (every partition keeps two
 * replicas in one zone while another zone has none) against its generated reassignment, both
 * through the loss of use1-az1 — the reassignment's partitions stay writable, the table says B is
 * better, the topologies follow the one time control and the advisor's findings differ; then the
 * current scenario against a scenario file chosen in the file input; and a long run cancelled.
 * Long tasks on the page during a run are measured (the runs happen in a worker) and printed.
 * Screenshots go to test-results/compare-designs/ for a person to look at.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { linkHash } from './pages/links'

const DIR = 'test-results/compare-designs'

/** Three zones of two brokers (1, 4 | 2, 5 | 3, 6); every partition has two replicas in one zone. */
const BAD_LAYOUT = {
  version: 1,
  name: 'Two replicas in one zone',
  seed: 7,
  durationMs: 60_000,
  cluster: {
    zones: ['use1-az1', 'use1-az2', 'use1-az3'],
    brokersPerZone: 2,
    config: { 'min.insync.replicas': 2 },
  },
  topics: [
    {
      name: 'orders',
      partitions: 3,
      replicationFactor: 3,
      assignment: { '0': [1, 4, 2], '1': [2, 5, 3], '2': [3, 6, 1] },
    },
  ],
  clients: [
    {
      kind: 'producer',
      id: 'checkout',
      topic: 'orders',
      recordsPerSecond: 50,
      config: { acks: 'all' },
    },
  ],
}

const GOOD_LAYOUT = {
  ...BAD_LAYOUT,
  name: 'One replica per zone',
  topics: [
    {
      ...BAD_LAYOUT.topics[0],
      assignment: { '0': [1, 2, 3], '1': [2, 3, 4], '2': [3, 4, 5] },
    },
  ],
}

async function openBadLayout(page: Page) {
  await page.goto(`./${linkHash(BAD_LAYOUT)}`)
  await page.waitForFunction((n) => window.__sim?.scenarioName() === n, BAD_LAYOUT.name)
  await page.waitForFunction(() => window.__sim?.settled() === true)
  await page.getByRole('tab', { name: 'Compare', exact: true }).click()
  return page.getByRole('region', { name: 'Compare' })
}

/** Starts counting the page's long tasks (over 50 ms). */
async function watchLongTasks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] }
    w.longTasks = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(Math.round(entry.duration))
    }).observe({ type: 'longtask' })
  })
}

const longTasks = (page: Page) =>
  page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks)

function row(panel: ReturnType<Page['getByRole']>, name: RegExp) {
  return panel.getByRole('table').getByRole('row', { name })
}

test('the generated reassignment keeps every partition writable through a zone loss', async ({
  page,
}) => {
  const panel = await openBadLayout(page)
  await panel.getByRole('combobox', { name: 'Design B' }).selectOption('reassignment')
  await expect(panel.getByRole('group', { name: 'Design B' })).toContainText(
    "Reassignment: the advisor's zone-aware reassignment of the current layout",
  )
  await panel.getByRole('combobox', { name: 'Fault script' }).selectOption('zone')
  await panel.getByRole('combobox', { name: 'Zone' }).selectOption('use1-az1')
  await panel.getByRole('combobox', { name: 'Run for' }).selectOption('120000')
  await watchLongTasks(page)
  await panel.getByRole('button', { name: 'Run comparison' }).click()
  await expect(panel.getByRole('status')).toHaveText(
    'Compared A (Current: Two replicas in one zone) with B (Reassignment: moves 3 replicas (orders)).',
  )
  console.log(
    `long tasks on the page during the run (ms): ${JSON.stringify(await longTasks(page))}`,
  )
  await expect(panel).toContainText('Both ran stopZone use1-az1 at 00:10, with the same seed.')

  // Unwritable as the controller's metadata says (ISR under min.insync.replicas) and as the
  // producer felt it: fewer for the reassignment.
  const metadata = row(panel, /^Unwritable partition-time \(ISR under min\.insync\.replicas\)/)
  await expect(metadata.getByRole('cell').nth(1)).toHaveText('0.0 s')
  await expect(metadata.getByRole('cell').nth(2)).toHaveText(/^✓ B better: \d+\.\d s less$/)
  const felt = row(panel, /^Unwritable partition-time as producers felt it/)
  await expect(felt.getByRole('cell').nth(2)).toHaveText(/^✓ B better: \d+\.\d s less$/)
  const errors = row(panel, /^Producer errors: NOT_ENOUGH_REPLICAS/)
  await expect(errors.getByRole('cell').nth(1)).toHaveText('0')
  await expect(
    row(panel, /^Offline partition-time/)
      .getByRole('cell')
      .nth(2),
  ).toHaveText('= same')

  // The findings differ: A's zone finding about orders is not in B.
  const findings = panel.getByRole('region', { name: 'Advisor findings' })
  const forA = findings.getByRole('list', { name: 'Findings for A' })
  await expect(forA.getByRole('listitem').filter({ hasText: 'orders' })).toContainText('(not in B)')
  await expect(findings).toContainText(/B clears [1-9]\d* findings? A has/)
  await expect(findings.getByText(/brokers 1 and 4 in use1-az1/)).toHaveCount(1)

  // One time control drives both topologies.
  const over = panel.getByRole('region', { name: 'Both designs over time' })
  const captions = over.getByRole('figure').locator('figcaption')
  await over.getByRole('slider', { name: 'Time' }).fill('5000')
  await expect(captions.nth(0)).toContainText('A: Current at 00:05 all 6 brokers up')
  await expect(captions.nth(1)).toContainText('B: Reassignment at 00:05 all 6 brokers up')
  await over.getByRole('slider', { name: 'Time' }).fill('90000')
  await expect(captions.nth(0)).toContainText('A: Current at 01:30')
  await expect(captions.nth(0)).toContainText('1 under min.insync.replicas')
  await expect(captions.nth(1)).toContainText(
    'B: Reassignment at 01:30 2 of 6 brokers down (zone use1-az1 stopped)',
  )
  await expect(captions.nth(1)).toContainText('every partition has a leader and enough in-sync')
  await expect(over.locator('svg.topology [data-broker]')).toHaveCount(12)
  await page.getByRole('tabpanel').evaluate((el) => {
    ;(el as HTMLElement).style.maxHeight = 'none'
  })
  await panel.screenshot({ path: `${DIR}/01-reassignment.png` })
})

test('the current scenario against a scenario file', async ({ page }) => {
  const panel = await openBadLayout(page)
  await panel.getByRole('combobox', { name: 'Design B' }).selectOption('file')
  await panel.getByRole('combobox', { name: 'Fault script' }).selectOption('zone')
  await panel.getByLabel('Scenario file for B').setInputFiles({
    name: 'good-layout.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(GOOD_LAYOUT)),
  })
  await expect(panel.getByRole('group', { name: 'Design B' })).toContainText(
    'File: good-layout.json',
  )
  await panel.getByRole('button', { name: 'Run comparison' }).click()
  await expect(panel.getByRole('status')).toHaveText(
    'Compared A (Current: Two replicas in one zone) with B (File: good-layout.json).',
  )
  await expect(panel).toContainText('B: File: good-layout.json')
  const metadata = row(panel, /^Unwritable partition-time \(ISR under min\.insync\.replicas\)/)
  await expect(metadata.getByRole('cell').nth(2)).toHaveText(/^✓ B better/)
  await expect(panel.getByRole('columnheader', { name: 'B: File' })).toBeVisible()
})

test('a long comparison reports progress and can be cancelled', async ({ page }) => {
  const panel = await openBadLayout(page)
  await panel.getByRole('combobox', { name: 'Design B' }).selectOption('reassignment')
  await panel.getByRole('combobox', { name: 'Run for' }).selectOption('600000')
  await panel.getByRole('button', { name: 'Run comparison' }).click()
  await expect(panel.getByRole('status')).toHaveText(/^Running both designs: \d+ s of 600 s…$/)
  await expect(panel.getByRole('button', { name: 'Run comparison' })).toBeDisabled()
  await panel.getByRole('button', { name: 'Cancel' }).click()
  await expect(panel.getByRole('status')).toHaveText('Cancelled: nothing was compared.')
  await expect(panel.getByRole('table')).toHaveCount(0)
  await expect(panel.getByRole('button', { name: 'Run comparison' })).toBeEnabled()
})
