/**
 * Opening a scenario file in the dashboard, by role and name: through "Open scenario file…" and
 * the browser's file chooser, by dropping a file on the page (a DataTransfer drop event, after the
 * overlay that says what the drop does), and by pasting scenario JSON into the Import tab, which
 * offers "Open this scenario" instead of failing as describe output. A bad file lists its problems
 * with their JSON paths and the scenario stays loaded; unsaved changes bring a question first. The
 * Scenarios picker lists its groups under headings and opens the 90-broker reference cluster.
 * Engine facts come from `window.__sim`. Screenshots go to test-results/open-scenario/ for a
 * person to look at.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const DIR = 'test-results/open-scenario'
const DEFAULT_NAME = 'Default: 3 AZs × 2 brokers, RF 3, min ISR 2'

function scenario(name: string, partitions = 6): string {
  return `${JSON.stringify(
    {
      version: 1,
      name,
      cluster: { zones: ['use1-az1', 'use1-az2', 'use1-az3'], brokersPerZone: 2 },
      topics: [{ name: 'payments', partitions, replicationFactor: 3 }],
      clients: [{ kind: 'producer', id: 'p1', topic: 'payments', recordsPerSecond: 100 }],
    },
    null,
    2,
  )}\n`
}

const jsonFile = (name: string, text: string) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(text),
})

async function openApp(page: Page): Promise<void> {
  await page.goto('./')
  await page.waitForFunction(() => window.__sim?.settled() === true)
}

async function loaded(page: Page, name: string): Promise<void> {
  await page.waitForFunction((n) => window.__sim?.scenarioName() === n, name)
  await page.waitForFunction(() => window.__sim?.settled() === true)
}

/** Dispatches dragenter, dragover and (unless `drop` is false) drop with a file on the page. */
async function dragFile(page: Page, name: string, text: string, drop = true): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ([fileName, content]) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([content], fileName, { type: 'application/json' }))
      return transfer
    },
    [name, text] as const,
  )
  await page.dispatchEvent('main', 'dragenter', { dataTransfer })
  await page.dispatchEvent('main', 'dragover', { dataTransfer })
  if (drop) await page.dispatchEvent('main', 'drop', { dataTransfer })
}

test('"Open scenario file…" in the Scenarios dialog opens a file from the chooser', async ({
  page,
}) => {
  await openApp(page)
  // The file is read in a worker started for it, not on the page's thread.
  const workers: string[] = []
  page.on('worker', (worker) => workers.push(worker.url()))
  await page.getByRole('button', { name: 'Scenarios' }).click()
  const picker = page.getByRole('dialog', { name: 'Guided scenarios' })
  const chooser = page.waitForEvent('filechooser')
  await picker.getByRole('button', { name: 'Open scenario file…' }).click()
  await (await chooser).setFiles(jsonFile('payments.json', scenario('Payments, RF 3')))
  await expect(picker).toBeHidden()
  await loaded(page, 'Payments, RF 3')
  await expect(page.getByRole('status').filter({ hasText: 'Opened' })).toHaveText(
    /Opened “Payments, RF 3” from payments\.json: restarted at 00:00\.000\./,
  )
  expect(workers).toEqual([expect.stringContaining('simulation.worker')])
  const snapshot = await page.evaluate(() => window.__sim?.snapshot())
  expect(snapshot?.brokers).toHaveLength(6)
  expect(snapshot?.partitions.filter((p) => p.topic === 'payments')).toHaveLength(6)
})

test('a bad file lists its problems by JSON path and the scenario stays loaded', async ({
  page,
}) => {
  await openApp(page)
  await page
    .getByLabel('Scenario file', { exact: true })
    .setInputFiles(jsonFile('bad.json', scenario('Bad', -1)))
  const alert = page.getByRole('alert', { name: 'Scenario file problems' })
  await expect(alert).toContainText('bad.json could not be opened.')
  await expect(alert).toContainText(`The current scenario, “${DEFAULT_NAME}”, is still loaded.`)
  await expect(alert.getByRole('listitem')).toHaveText([
    'bad.json: topics[0].partitions: must be at least 1 (got -1)',
  ])
  await page.screenshot({ path: `${DIR}/02-problems.png` })
  expect(await page.evaluate(() => window.__sim?.scenarioName())).toBe(DEFAULT_NAME)

  // Broken JSON: the line and column, as the CLI prints them.
  await page
    .getByLabel('Scenario file', { exact: true })
    .setInputFiles(jsonFile('cut.json', scenario('Cut').replace('"version": 1,', '"version": 1')))
  await expect(alert.getByRole('listitem')).toHaveText([/^cut\.json: line 3, column 3: /])
  await alert.getByRole('button', { name: 'Dismiss' }).click()
  await expect(alert).toBeHidden()
  expect(await page.evaluate(() => window.__sim?.scenarioName())).toBe(DEFAULT_NAME)
})

test('a file dropped on the page opens, after an overlay that says what it will do', async ({
  page,
}) => {
  await openApp(page)
  await dragFile(page, 'dropped.json', scenario('Dropped on the page'), false)
  const overlay = page.getByRole('region', { name: 'Drop a scenario file' })
  await expect(overlay).toContainText('Drop a scenario file to open it')
  await expect(overlay).toContainText('It replaces the current scenario')
  await page.screenshot({ path: `${DIR}/03-drop-overlay.png` })
  await page.dispatchEvent('main', 'drop', {
    dataTransfer: await page.evaluateHandle(() => {
      const transfer = new DataTransfer()
      transfer.items.add(new File(['{}'], 'ignored.json'))
      return transfer
    }),
  })
  await expect(overlay).toBeHidden()
  // That drop was an empty object: refused by name, nothing changed.
  await expect(page.getByRole('alert', { name: 'Scenario file problems' })).toContainText(
    'ignored.json could not be opened.',
  )
  await dragFile(page, 'dropped.json', scenario('Dropped on the page'))
  await loaded(page, 'Dropped on the page')
  await expect(page.getByRole('alert', { name: 'Scenario file problems' })).toBeHidden()
})

test('unsaved changes are asked about before a file replaces them', async ({ page, topology }) => {
  await openApp(page)
  await topology.brokerAction(2, 'Crash broker')
  await page.waitForFunction(() => window.__sim?.recording().length === 1)
  await dragFile(page, 'other.json', scenario('Other'))
  const question = page.getByRole('alertdialog', { name: 'Replace the current scenario?' })
  await expect(question).toContainText('1 fault injected during the run')
  await page.screenshot({ path: `${DIR}/04-replace-question.png` })
  await question.getByRole('button', { name: 'Keep the current scenario' }).click()
  await expect(question).toBeHidden()
  expect(await page.evaluate(() => window.__sim?.scenarioName())).toBe(DEFAULT_NAME)
  expect(await page.evaluate(() => window.__sim?.recording().length)).toBe(1)

  await dragFile(page, 'other.json', scenario('Other'))
  await question.getByRole('button', { name: 'Open other.json' }).click()
  await loaded(page, 'Other')
  expect(await page.evaluate(() => window.__sim?.recording().length)).toBe(0)
})

test('scenario JSON pasted into the Import tab is offered as a scenario', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await openApp(page)
  await page.getByRole('tab', { name: 'Import', exact: true }).click()
  const panel = page.getByRole('region', { name: 'Import' })
  const text = panel.getByRole('textbox', { name: /describe output/ })
  await page.evaluate((value) => navigator.clipboard.writeText(value), scenario('Pasted, RF 3'))
  await text.focus()
  await page.keyboard.press('ControlOrMeta+V')
  await expect(text).toHaveValue(/"name": "Pasted, RF 3"/)
  await expect(panel).toContainText('This is a scenario file')
  await page.screenshot({ path: `${DIR}/05-paste-offer.png`, fullPage: true })
  await panel.getByRole('button', { name: 'Open this scenario' }).click()
  await loaded(page, 'Pasted, RF 3')
  await expect(panel.getByRole('alert')).toBeHidden()
})

test('the picker lists its groups under headings and opens the reference cluster', async ({
  page,
  sim,
}) => {
  test.setTimeout(120_000)
  await openApp(page)
  await page.getByRole('button', { name: 'Scenarios' }).click()
  const picker = page.getByRole('dialog', { name: 'Guided scenarios' })
  await expect(picker.getByRole('heading', { level: 3 })).toHaveText([
    'High availability',
    'Capacity',
    'Large clusters',
  ])
  await page.screenshot({ path: `${DIR}/01-picker.png`, fullPage: true })
  const capacity = picker.getByRole('region', { name: 'Capacity' })
  await expect(capacity.getByRole('button')).toHaveCount(4)
  await expect(capacity).toContainText('The right layout, the wrong size')
  await expect(picker.getByRole('region', { name: 'High availability' })).toContainText(
    'RF 1 during a rolling update',
  )
  const large = picker.getByRole('region', { name: 'Large clusters' })
  // Long tasks on the page's thread while the cluster opens, for the report (not asserted: the
  // parse runs in a worker, but the page still receives and draws a 10,000-partition snapshot).
  await page.evaluate(() => {
    const tasks: number[] = []
    ;(window as unknown as { __longTasks: number[] }).__longTasks = tasks
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(Math.round(entry.duration))
    }).observe({ type: 'longtask' })
  })
  const startedMs = Date.now()
  await large
    .getByRole('button', { name: /Reference cluster: 90 brokers, 10,000 partitions/ })
    .click()
  await expect(picker).toBeHidden()
  await page.waitForFunction(
    (n) => window.__sim?.scenarioName() === n,
    'Reference cluster: 90 brokers, 10,000 partitions',
  )
  const namedMs = Date.now()
  await page.waitForFunction(() => window.__sim?.settled() === true, undefined, {
    timeout: 60_000,
  })
  const settledMs = Date.now()
  const longTasks = await page.evaluate(
    () => (window as unknown as { __longTasks: number[] }).__longTasks,
  )
  test.info().annotations.push({
    type: 'timing',
    description:
      `click to loadScenario ${namedMs - startedMs} ms, to settled ${settledMs - startedMs} ms;` +
      ` long tasks on the page's thread: ${longTasks.join(', ') || 'none'} ms`,
  })
  await page.screenshot({ path: `${DIR}/06-reference-cluster.png` })
  const snapshot = await sim.snapshot()
  expect(snapshot.brokers).toHaveLength(90)
  expect(snapshot.partitions).toHaveLength(10_000)
  expect(new Set(snapshot.partitions.map((p) => p.topic)).size).toBe(10)
})
