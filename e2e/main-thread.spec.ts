/**
 * The page's thread stays free while large inputs are read and long runs are simulated (issue
 * 18, "Main-thread freezes"): pasting 4 MB of bad describe output into Import, opening a share
 * link with 10,000 faults, refusing a link with 1,000,000 partitions, and a link at t = 24 h,
 * which shows its progress with a Cancel button. Long tasks come from PerformanceObserver
 * ('longtask', installed before the page's own scripts); the figures go into the report as
 * annotations (printed by `npm run bench -- main-thread`). The assertions catch only stalls over
 * a second, since absolute timings on a shared machine are noise.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { linkHash } from './pages/links'

test.use({ trace: 'off' })

/** A long task is anything over 50 ms; a stall is one over a second (the only thing asserted). */
const STALL_MS = 1000

interface LongTasks {
  count: number
  maxMs: number
  totalMs: number
}

/** Starts recording long tasks before any of the page's scripts run. */
async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: number[] = []
    ;(window as unknown as { __longTasks: number[] }).__longTasks = tasks
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration)
    }).observe({ type: 'longtask', buffered: true })
  })
}

/** The long tasks since `observeLongTasks` (or the last reset), and resets the record. */
async function takeLongTasks(page: Page): Promise<LongTasks> {
  const tasks = await page.evaluate(() => {
    const all = (window as unknown as { __longTasks: number[] }).__longTasks
    return all.splice(0, all.length)
  })
  return {
    count: tasks.length,
    maxMs: tasks.length === 0 ? 0 : Math.max(...tasks),
    totalMs: tasks.reduce((sum, ms) => sum + ms, 0),
  }
}

/**
 * Records the figures: a sentence for the report (`timing`, printed by `npm run bench`) and the
 * numbers (`long-tasks`, JSON), from which the bench takes medians over repeated runs.
 */
function note(what: string, tasks: LongTasks, wallMs: number, extra = ''): void {
  const sentence = `${what}: ${tasks.count} long tasks > 50 ms (max ${tasks.maxMs.toFixed(0)} ms, total ${tasks.totalMs.toFixed(0)} ms) over ${(wallMs / 1000).toFixed(1)} s${extra}`
  test
    .info()
    .annotations.push(
      { type: 'timing', description: sentence },
      { type: 'long-tasks', description: JSON.stringify({ what, ...tasks, wallMs }) },
    )
}

/** A small cluster: two brokers in each of three zones, one topic, one producer. */
const SMALL = {
  version: 1,
  name: 'Small: 6 brokers, 3 zones',
  seed: 11,
  cluster: {
    zones: ['use1-az1', 'use1-az2', 'use1-az3'],
    brokersPerZone: 2,
    config: { 'default.replication.factor': 3, 'min.insync.replicas': 2 },
  },
  topics: [{ name: 'orders', partitions: 6, replicationFactor: 3 }],
  clients: [
    { kind: 'producer', id: 'p1', topic: 'orders', recordsPerSecond: 50, config: { acks: 'all' } },
  ],
}

/** 10,000 scripted faults: broker 1 crashes and starts again, every few seconds. */
const TEN_THOUSAND_FAULTS = {
  ...SMALL,
  name: 'Small with 10,000 faults',
  faults: Array.from({ length: 10_000 }, (_, i) =>
    i % 2 === 0
      ? { atMs: 5_000 + i * 2_000, type: 'crashBroker', broker: 1 }
      : { atMs: 5_000 + i * 2_000, type: 'startBroker', broker: 1 },
  ),
}

/** 1,000,000 partitions: far over what a tab simulates, so the link is refused. */
const MILLION_PARTITIONS = {
  ...SMALL,
  name: 'A million partitions',
  topics: Array.from({ length: 100 }, (_, i) => ({
    name: `t${i}`,
    partitions: 10_000,
    replicationFactor: 3,
  })),
  clients: [],
}

/** Bad describe output, about 4 MB: every partition line's number is a word, one error each. */
function badDescribe(): string {
  const line = '\tTopic: orders\tPartition: one\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3\n'
  const head = 'Topic: orders\tPartitionCount: 2\tReplicationFactor: 3\tConfigs: \n'
  return head + line.repeat(Math.floor(4_000_000 / line.length))
}

/**
 * Pastes `text` into a text box as the browser does: a paste event carrying it, then, unless the
 * page took the paste itself (preventDefault), the text inserted and an input event. (Playwright's
 * `fill` types 4 MB through the DevTools protocol, which alone takes minutes.)
 */
async function paste(page: Page, label: RegExp, text: string): Promise<void> {
  await page.getByRole('textbox', { name: label }).evaluate((element, value) => {
    const area = element as HTMLTextAreaElement
    const data = new DataTransfer()
    data.setData('text/plain', value)
    const event = new ClipboardEvent('paste', {
      clipboardData: data,
      bubbles: true,
      cancelable: true,
    })
    if (!area.dispatchEvent(event)) return
    // React tracks values set by scripts: set it through the prototype's setter, as typing does.
    Reflect.set(Object.getPrototypeOf(area) as object, 'value', value, area)
    area.dispatchEvent(new Event('input', { bubbles: true }))
  }, text)
}

test('pasting 4 MB of bad describe output keeps the page responsive', async ({ page, sim }) => {
  test.setTimeout(180_000)
  await observeLongTasks(page)
  await page.goto('./')
  await sim.settled()
  await page.getByRole('tab', { name: 'Import', exact: true }).click()
  const panel = page.getByRole('region', { name: 'Import', exact: true })
  await expect(panel.getByRole('button', { name: 'Import', exact: true })).toBeVisible()
  await takeLongTasks(page)
  const started = Date.now()
  await paste(page, /describe output/, badDescribe())
  await panel.getByRole('button', { name: 'Import', exact: true }).click()
  const alert = panel.getByRole('alert')
  await expect(alert).toContainText(/The import failed with 59,?701 errors/, { timeout: 150_000 })
  const wallMs = Date.now() - started
  await page.waitForTimeout(500)
  const tasks = await takeLongTasks(page)
  note('paste 4 MB of bad describe output, then Import', tasks, wallMs)
  await expect(alert.getByRole('listitem')).toHaveCount(50)
  await expect(alert).toContainText('… and 59,651 more errors')
  expect(tasks.maxMs).toBeLessThan(STALL_MS)
})

test('opening a share link with 10,000 faults keeps the page responsive', async ({ page, sim }) => {
  test.setTimeout(120_000)
  await observeLongTasks(page)
  const started = Date.now()
  await page.goto(`./${linkHash(TEN_THOUSAND_FAULTS)}`)
  await sim.settled()
  expect(await sim.scenarioName()).toBe('Small with 10,000 faults')
  const wallMs = Date.now() - started
  await page.waitForTimeout(500)
  const tasks = await takeLongTasks(page)
  note('open a share link with 10,000 faults', tasks, wallMs)
  expect(tasks.maxMs).toBeLessThan(STALL_MS)
})

test('refusing a share link with 1,000,000 partitions keeps the page responsive', async ({
  page,
  sim,
}) => {
  test.setTimeout(120_000)
  await observeLongTasks(page)
  await page.goto('./')
  await sim.settled()
  await takeLongTasks(page)
  const started = Date.now()
  await page.evaluate((hash) => (location.hash = hash), linkHash(MILLION_PARTITIONS))
  await expect(page.getByText(/the limit is/).first()).toBeVisible({ timeout: 60_000 })
  const wallMs = Date.now() - started
  await page.waitForTimeout(500)
  const tasks = await takeLongTasks(page)
  note('refuse a share link with 1,000,000 partitions', tasks, wallMs)
  expect(await sim.scenarioName()).not.toBe('A million partitions')
  expect(tasks.maxMs).toBeLessThan(STALL_MS)
})

test('a link at t = 24 h shows its progress, and Cancel keeps the app usable', async ({
  page,
  sim,
}) => {
  test.setTimeout(120_000)
  await observeLongTasks(page)
  const started = Date.now()
  await page.goto(`./${linkHash(SMALL, '&seed=11&t=86400000')}`)
  const bar = page.getByRole('progressbar', { name: /^Simulating/ })
  await expect(bar).toBeVisible({ timeout: 10_000 })
  await expect(bar).toHaveAttribute('aria-valuemax', '86400000')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(bar).toBeHidden()
  await sim.settled()
  const wallMs = Date.now() - started
  const reached = await sim.nowMs()
  expect(reached).toBeGreaterThan(0)
  expect(reached).toBeLessThan(86_400_000)
  await page.waitForTimeout(500)
  const tasks = await takeLongTasks(page)
  note(
    'open a link at t = 24 h, Cancel when the progress shows',
    tasks,
    wallMs,
    `; stopped at ${reached} ms`,
  )
  // Usable: playing moves the clock on from where the cancel left it.
  await page.getByRole('button', { name: 'Play', exact: true }).click()
  await expect.poll(() => sim.nowMs()).toBeGreaterThan(reached)
  expect(tasks.maxMs).toBeLessThan(STALL_MS)
})

test('Cancel on a long link opened over a scenario keeps that scenario', async ({ page, sim }) => {
  test.setTimeout(120_000)
  await page.goto('./')
  await sim.settled()
  const before = await sim.scenarioName()
  await page.evaluate((hash) => (location.hash = hash), linkHash(SMALL, '&seed=11&t=86400000'))
  const bar = page.getByRole('progressbar', { name: /^Simulating/ })
  await expect(bar).toBeVisible({ timeout: 10_000 })
  await expect(page.getByText('Cancel keeps the scenario you had open.').first()).toBeVisible()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(bar).toBeHidden()
  await sim.settled()
  expect(await sim.scenarioName()).toBe(before)
  await expect(
    page.getByText(`Opening “${SMALL.name}” was cancelled: “${before}”, the scenario you had open`),
  ).toBeVisible()
  // Still running: playing moves its clock.
  const at = await sim.nowMs()
  await page.getByRole('button', { name: 'Play', exact: true }).click()
  await expect.poll(() => sim.nowMs()).toBeGreaterThan(at)
})
