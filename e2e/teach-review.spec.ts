/**
 * Teaching and design-review journeys, by role and name: every guided scenario plays to its first
 * checkpoint and pauses there with the narrated step shown; the first-visit tour; importing
 * describe output with a bad line; a survivability-matrix row injecting its failure; compare
 * mode; every export parsed back; embed mode. Engine facts come from `window.__sim`. Screenshots
 * of the panels go to test-results/teach-review/ for a person to look at.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const DIR = 'test-results/teach-review'
const TOUR_KEY = 'kafka-ha-lab.tour-dismissed'

// The tour's own journey sees the first visit; the others call skipTour themselves.
test.use({ firstVisitTour: true })

interface IndexEntry {
  id: string
  title: string
  file: string
}
interface ScenarioText {
  name: string
  narration: { steps: { atMs: number; title: string; text: string; checkpoint?: boolean }[] }
}

const index = JSON.parse(readFileSync('public/scenarios/index.json', 'utf8')) as IndexEntry[]
const scenarioFile = (file: string) =>
  JSON.parse(readFileSync(`public/scenarios/${file}`, 'utf8')) as ScenarioText

async function skipTour(page: Page): Promise<void> {
  await page.addInitScript((key) => window.localStorage.setItem(key, '1'), TOUR_KEY)
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__sim?.settled() === true)
}

/** Opens the app with the first-visit tour already seen, and waits for the engine to settle. */
async function openApp(page: Page): Promise<void> {
  await skipTour(page)
  await page.goto('./')
  await settled(page)
}

async function loadGuided(page: Page, title: string, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Scenarios' }).click()
  const picker = page.getByRole('dialog', { name: 'Guided scenarios' })
  await picker.getByRole('button', { name: title, exact: false }).first().click()
  await expect(picker).toBeHidden()
  await page.waitForFunction((n) => window.__sim?.scenarioName() === n, name)
  await settled(page)
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click()
}

/** Lets the open tab panel grow to its content, so a screenshot shows all of it. */
async function unclipPanels(page: Page): Promise<void> {
  await page.getByRole('tabpanel').evaluate((el) => {
    ;(el as HTMLElement).style.maxHeight = 'none'
  })
}

test.describe('guided scenarios', () => {
  for (const entry of index) {
    test(`${entry.id} pauses at its first checkpoint with the narration`, async ({ page }) => {
      const scenario = scenarioFile(entry.file)
      const step = scenario.narration.steps.find((s) => s.checkpoint === true && s.atMs > 0)!
      await openApp(page)
      await loadGuided(page, entry.title, scenario.name)
      const narration = page.getByRole('region', { name: 'Narration' })
      await expect(narration).toContainText(scenario.narration.steps[0]!.title)
      if (step.atMs > 300_000) {
        // An hour away is 36 s of playback even at 100×: Next seeks there, as a class would.
        const index = scenario.narration.steps.indexOf(step)
        for (let i = 0; i < index; i++) {
          await narration.getByRole('button', { name: 'Next' }).click()
          await expect(narration).toContainText(`Step ${i + 2} of`, { timeout: 60_000 })
        }
        await page.waitForFunction((atMs) => window.__sim?.nowMs() === atMs, step.atMs, {
          timeout: 60_000,
        })
      } else {
        await page.getByRole('slider', { name: 'Speed' }).fill('8')
        await page.getByRole('button', { name: 'Play', exact: true }).click()
        await page.waitForFunction(
          (atMs) => window.__sim?.playing() === false && window.__sim.nowMs() === atMs,
          step.atMs,
          { timeout: 30_000 },
        )
      }
      await settled(page)
      expect(await page.evaluate(() => window.__sim?.nowMs())).toBe(step.atMs)
      await expect(narration.getByRole('heading', { name: step.title })).toBeVisible()
      await expect(narration).toContainText(step.text)
      await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
      if (entry.id === 'rf1-rolling-update') {
        await page.screenshot({ path: `${DIR}/01-narration-checkpoint.png` })
      }
    })
  }

  test('Next and Back in the narration seek to the steps', async ({ page }) => {
    const entry = index.find((e) => e.id === 'unclean-election-cap')!
    const scenario = scenarioFile(entry.file)
    await openApp(page)
    await loadGuided(page, entry.title, scenario.name)
    const narration = page.getByRole('region', { name: 'Narration' })
    await narration.getByRole('button', { name: 'Next' }).click()
    const second = scenario.narration.steps[1]!
    await expect(narration.getByRole('heading', { name: second.title })).toBeVisible()
    await page.waitForFunction((t) => window.__sim?.nowMs() === t, second.atMs)
    await narration.getByRole('button', { name: 'Back' }).click()
    await page.waitForFunction(() => window.__sim?.nowMs() === 0)
    await expect(narration).toContainText('Step 1 of')
  })
})

test('the first-visit tour steps, closes with Escape, stays closed and reopens', async ({
  page,
}) => {
  await page.goto('./')
  await settled(page)
  const tour = page.getByRole('dialog', { name: 'Tour' })
  await expect(tour).toBeVisible()
  await expect(tour).toContainText('step 1 of')
  await page.screenshot({ path: `${DIR}/02-tour.png` })
  await tour.getByRole('button', { name: 'Next' }).click()
  await expect(tour).toContainText('step 2 of')
  await page.keyboard.press('Escape')
  await expect(tour).toBeHidden()
  await page.reload()
  await settled(page)
  await expect(page.getByRole('dialog', { name: 'Tour' })).toBeHidden()
  await page.getByRole('button', { name: 'Tour', exact: true }).click()
  await expect(tour).toBeVisible()
  await expect(tour).toBeFocused()
  await expect(tour).toContainText('step 1 of')
  await tour.getByRole('button', { name: 'Close tour' }).click()
  await expect(tour).toBeHidden()
})

const DESCRIBE = [
  'Topic: orders\tTopicId: 6kTR0jHnQq2G9u8jZf3gYQ\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: min.insync.replicas=2',
  '\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3',
  '\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,1,4\tIsr: 2,1,4',
  '\tTopic: orders\tPartition: 2\tLeader: 3\tReplicas: 3,4,1\tIsr: 3,4,1',
  '',
].join('\n')
const ZONES = '1=use1-az1,2=use1-az1,3=use1-az2,4=use1-az3'

test('import: a bad line is reported, the fixed text loads and gets a reassignment', async ({
  page,
}) => {
  await openApp(page)
  const before = await page.evaluate(() => window.__sim?.scenarioName())
  await openTab(page, 'Import')
  const panel = page.getByRole('region', { name: 'Import' })
  const text = panel.getByRole('textbox', { name: /describe output/ })
  await text.fill(DESCRIBE.replace('Leader: 2\tReplicas: 2,1,4', 'Leader: 7\tReplicas: 2,1,4'))
  await panel.getByRole('textbox', { name: /zone map/ }).fill(ZONES)
  await panel.getByRole('button', { name: 'Import' }).click()
  const alert = panel.getByRole('alert')
  await expect(alert).toContainText('nothing was changed')
  await expect(alert.getByRole('listitem').first()).toContainText(/^Line 3: Leader 7/)
  await page.screenshot({ path: `${DIR}/03-import-error.png` })
  expect(await page.evaluate(() => window.__sim?.scenarioName())).toBe(before)

  await text.fill(DESCRIBE)
  await panel.getByRole('button', { name: 'Import' }).click()
  await expect(panel.getByRole('alert')).toBeHidden()
  await expect(panel).toContainText(
    'Ready to import describe output: 1 topic, 3 partitions on 4 brokers',
  )
  await panel.getByRole('button', { name: 'Generate reassignment JSON' }).click()
  const json = panel.getByRole('textbox', { name: /Reassignment JSON/ })
  const plan = JSON.parse(await json.inputValue()) as { version: number; partitions: unknown[] }
  expect(plan).toMatchObject({ version: 1 })
  expect(plan.partitions).toHaveLength(3)
  await panel.getByRole('button', { name: 'Re-analyse' }).click()
  await expect(panel.getByRole('region', { name: 'Re-analysis' })).toContainText('After:')
  await unclipPanels(page)
  await panel.screenshot({ path: `${DIR}/04-import-reassignment.png` })
  await panel.getByRole('button', { name: 'Confirm import' }).click()
  await page.waitForFunction((b) => window.__sim?.scenarioName() !== b, before)
  await settled(page)
  const snapshot = await page.evaluate(() => window.__sim!.snapshot()!)
  expect(snapshot.brokers.map((b) => [b.id, b.zone])).toEqual([
    [1, 'use1-az1'],
    [2, 'use1-az1'],
    [3, 'use1-az2'],
    [4, 'use1-az3'],
  ])
})

test('advisor: a one-click fix reloads the scenario with the fix applied', async ({ page }) => {
  const entry = index.find((e) => e.id === 'rf2-minisr1-two-az')!
  await openApp(page)
  await loadGuided(page, entry.title, scenarioFile(entry.file).name)
  await openTab(page, 'Advisor')
  const advisor = page.getByRole('region', { name: 'Advisor' })
  await expect(advisor.getByRole('status')).toHaveText(/^\d+ findings: 1 error, /)
  await expect(advisor.getByRole('listitem').first()).toContainText('Error')
  await unclipPanels(page)
  await advisor.screenshot({ path: `${DIR}/05-advisor.png` })
  const unclean = () =>
    page.evaluate(() =>
      window
        .__sim!.snapshot()!
        .partitions.filter((p) => p.topic === 'payments-unclean')
        .map((p) => p.uncleanLeaderElectionEnable),
    )
  expect(await unclean()).toContain(true)
  await advisor
    .getByRole('button', { name: 'Disable unclean leader election for payments-unclean' })
    .click()
  await expect(page.getByText(/^Applied “Disable unclean leader election/)).toBeVisible()
  await settled(page)
  expect(new Set(await unclean())).toEqual(new Set([false]))
  await expect(
    advisor.getByRole('button', { name: /Disable unclean leader election/ }),
  ).toHaveCount(0)
  // The fix loaded a changed scenario, so the guided narration is retired.
  await expect(page.getByRole('region', { name: 'Narration' })).toHaveCount(0)
})

test('survivability matrix: sort, then a row injects its failure', async ({ page }) => {
  await openApp(page)

  await openTab(page, 'Survivability')
  const matrix = page.getByRole('region', { name: 'Survivability matrix' })
  await expect(matrix).toContainText('Assumptions')
  const header = matrix.getByRole('columnheader', { name: /Unwritable/ })
  await header.getByRole('button').click()
  await expect(header).toHaveAttribute('aria-sort', 'descending')
  const firstRow = matrix.getByRole('row').nth(1)
  await expect(firstRow).toContainText('✖')
  await unclipPanels(page)
  await matrix.screenshot({ path: `${DIR}/06-survivability.png` })
  await page.emulateMedia({ colorScheme: 'dark' })
  await matrix.screenshot({ path: `${DIR}/06b-survivability-dark.png` })
  await page.emulateMedia({ colorScheme: 'light' })

  // Single brokers hurt nothing here, so the matrix (failing or at-risk rows first) hides them.
  await matrix.getByRole('combobox', { name: 'Rows' }).selectOption('all')
  await matrix.getByRole('combobox', { name: 'Show' }).selectOption('broker')
  await matrix.getByRole('button', { name: 'Inject broker 2', exact: true }).click()
  await page.waitForFunction(() =>
    (window.__sim?.recording() ?? []).some((f) => f.type === 'crashBroker' && f.broker === 2),
  )
  await page.getByRole('button', { name: 'Step', exact: true }).click()
  await page.waitForFunction(
    () => window.__sim?.snapshot()?.brokers.find((b) => b.id === 2)?.status === 'offline',
  )
  // Keyboard: focus a row's Inject button and press Enter.
  await matrix.getByRole('button', { name: 'Inject broker 4', exact: true }).focus()
  await page.keyboard.press('Enter')
  await page.waitForFunction(() =>
    (window.__sim?.recording() ?? []).some((f) => f.type === 'crashBroker' && f.broker === 4),
  )
})

test('compare mode: acks=all keeps the records acks=1 loses', async ({ page }) => {
  const entry = index.find((e) => e.id === 'acks1-vs-acks-all')!
  await openApp(page)
  await loadGuided(page, entry.title, scenarioFile(entry.file).name)
  await openTab(page, 'Compare')
  const panel = page.getByRole('region', { name: 'Compare' })
  await panel.getByRole('combobox', { name: 'Change' }).selectOption('acks')
  await panel.getByRole('combobox', { name: 'Value' }).selectOption('-1')
  await panel.getByRole('button', { name: 'Run comparison' }).click()
  await expect(panel.getByRole('status')).toHaveText('Compared: B has acks=all on every producer.')
  const lost = panel.getByRole('row', { name: /Lost acknowledged records/ })
  await expect(lost.getByRole('cell').nth(1)).toHaveText('0')
  await expect(lost.getByRole('cell').nth(2)).toContainText('✓ B better')
  await expect(panel.getByRole('img', { name: /^OfflinePartitionsCount: A peaks/ })).toBeVisible()
  await panel.getByRole('img', { name: /^Lost acknowledged records/ }).hover()
  await unclipPanels(page)
  await page.screenshot({ path: `${DIR}/07-compare.png`, fullPage: true })
})

test('every export downloads a well-formed file', async ({ page }) => {
  await openApp(page)
  await page.getByRole('slider', { name: 'Speed' }).fill('5')
  await page.getByRole('button', { name: 'Play', exact: true }).click()
  await page.waitForFunction(() => (window.__sim?.nowMs() ?? 0) > 4000)
  await page.getByRole('button', { name: 'Pause', exact: true }).click()
  await settled(page)
  const nowMs = await page.evaluate(() => window.__sim!.nowMs())

  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const menu = page.getByRole('group', { name: 'Export' })
  await page.screenshot({ path: `${DIR}/08-export-menu.png` })
  const save = async (label: string): Promise<Buffer> => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      menu.getByRole('button', { name: label }).click(),
    ])
    return readFileSync(await download.path())
  }

  const scenario = JSON.parse((await save('Export scenario JSON')).toString('utf8')) as {
    version: number
    name: string
  }
  expect(scenario).toMatchObject({
    version: 1,
    name: await page.evaluate(() => window.__sim!.scenarioName()),
  })

  const review = (await save('Export review (Markdown)')).toString('utf8')
  expect(review).toMatch(/^# Design review: /)
  expect(review).toContain('## Outcome of the current run')
  // The share link points at the page's own origin (the port follows E2E_PORT).
  const origin = new URL(page.url()).origin.replace(/[.:/]/g, '\\$&')
  expect(review).toMatch(new RegExp(`<${origin}/[^>]*#scenario=[^>]+>`))

  const svg = (await save('Export SVG')).toString('utf8')
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true)
  expect(svg).toContain('Broker 1')
  const wellFormed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
    return doc.querySelector('parsererror') === null && doc.documentElement.tagName === 'svg'
  }, svg)
  expect(wellFormed).toBe(true)
  // The file on its own, outside the app's CSS, keeps the theme colours.
  const standalone = await page.context().newPage()
  await standalone.setContent(svg)
  await standalone.screenshot({ path: `${DIR}/12-exported-svg-standalone.png` })
  await standalone.close()

  const png = await save('Export PNG')
  writeFileSync(`${DIR}/11-exported-topology.png`, png)
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  expect(png.readUInt32BE(16)).toBeGreaterThan(100)
  expect(png.readUInt32BE(20)).toBeGreaterThan(100)

  const csv = (await save('Export metrics CSV')).toString('utf8').trimEnd().split('\n')
  const header = csv[0]!.split(',')
  expect(header[0]).toBe('atMs')
  expect(header).toContain('LeaderCount.broker6')
  // One sample a second from time 0.
  expect(csv.length - 1).toBe(Math.floor(nowMs / 1000) + 1)
  for (const row of csv) expect(row.split(',')).toHaveLength(header.length)
  await expect(menu.getByRole('status')).toHaveText(/^Saved .*-metrics\.csv$/)
})

for (const url of ['./?embed=1', './#embed=1']) {
  test(`embed mode (${url}) shows only the topology and the time controls`, async ({ page }) => {
    await page.goto(url)
    await settled(page)
    await expect(page.getByRole('region', { name: 'Topology' })).toBeVisible()
    await expect(page.getByRole('button', { name: /^Broker 1,/ })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
    await expect(page.getByRole('slider', { name: 'Timeline' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Kafka HA Lab' })).toHaveCount(0)
    await expect(page.getByRole('tablist')).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Scenarios' })).toHaveCount(0)
    await expect(page.getByRole('dialog', { name: 'Tour' })).toHaveCount(0)
    await expect(page.getByRole('contentinfo')).toHaveCount(0)
    if (url.includes('?')) await page.screenshot({ path: `${DIR}/09-embed.png` })
  })
}
