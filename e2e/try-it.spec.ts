/**
 * The "Try it" journey, by role and name: a guided scenario played to its last step and on to its
 * recap offers "Try it: <label>"; the click loads the variant as a guided run of its own, from
 * time 0, whose name and changed setting show (the narration's heading, the variant note, the
 * partition's min.insync.replicas); "Back to the original" returns. A variant that does not
 * validate shows why and leaves the run as it was. Engine facts come from `window.__sim`.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const ID = 'rf3-minisr3-patching'
const FILE = `public/scenarios/${ID}.json`
const NAME = 'RF 3 with min ISR 3 during patching'
const VARIANT_NAME = `${NAME} — variant`
const TRY_IT = 'Try it: set min.insync.replicas to 2'

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__sim?.settled() === true)
}

async function loadGuided(page: Page): Promise<void> {
  await page.goto('./')
  await settled(page)
  await page.getByRole('button', { name: 'Scenarios' }).click()
  const picker = page.getByRole('dialog', { name: 'Guided scenarios' })
  await picker.getByRole('button', { name: NAME, exact: false }).first().click()
  await expect(picker).toBeHidden()
  await page.waitForFunction((n) => window.__sim?.scenarioName() === n, NAME)
  await settled(page)
}

/** Next to the last step: each press plays to the next step and pauses there. */
async function toLastStep(page: Page): Promise<void> {
  const narration = page.getByRole('region', { name: 'Narration' })
  for (let step = 2; step <= 4; step++) {
    await narration.getByRole('button', { name: 'Next' }).click()
    await expect(narration).toContainText(`Step ${step} of 4`, { timeout: 30_000 })
  }
  await page.waitForFunction(
    () => window.__sim?.playing() === false && window.__sim.nowMs() === 65_000,
  )
}

/** The min.insync.replicas the partition details show for orders-0. */
async function shownMinIsr(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Select partition orders-0', exact: true }).first().click()
  const details = page.getByRole('region', { name: 'Partition orders-0' })
  const term = details.getByText('min.insync.replicas', { exact: true })
  return (await term.locator('xpath=following-sibling::dd[1]').textContent()) ?? ''
}

test('Try it loads the variant from the last step and the recap, and leads back', async ({
  page,
}) => {
  await loadGuided(page)
  const narration = page.getByRole('region', { name: 'Narration' })
  expect(await shownMinIsr(page)).toBe('3')
  await toLastStep(page)
  await expect(narration.getByRole('button', { name: TRY_IT })).toBeVisible()

  // On to the recap, where the button is offered again.
  await page.getByRole('slider', { name: 'Speed' }).fill('8')
  await page.getByRole('button', { name: 'Play', exact: true }).click()
  await expect(narration.getByRole('heading', { name: 'What happened' })).toBeVisible({
    timeout: 30_000,
  })
  await narration.getByRole('button', { name: TRY_IT }).click()

  await page.waitForFunction((n) => window.__sim?.scenarioName() === n, VARIANT_NAME)
  await settled(page)
  await expect(narration.getByRole('heading', { name: VARIANT_NAME })).toBeVisible()
  const note = narration.getByRole('group', { name: 'Variant' })
  await expect(note).toContainText('Variant: set min.insync.replicas to 2.')
  await expect(narration).toContainText('Step 1 of 4')
  expect(await page.evaluate(() => window.__sim?.nowMs())).toBe(0)
  expect(await shownMinIsr(page)).toBe('2')
  const minIsr = await page.evaluate(() =>
    window.__sim!.snapshot()!.partitions.map((p) => p.minIsr),
  )
  expect(new Set(minIsr)).toEqual(new Set([2]))

  await note.getByRole('button', { name: 'Back to the original' }).click()
  await page.waitForFunction((n) => window.__sim?.scenarioName() === n, NAME)
  await settled(page)
  await expect(narration.getByRole('heading', { name: NAME, exact: true })).toBeVisible()
  await expect(narration.getByRole('group', { name: 'Variant' })).toHaveCount(0)
  expect(await shownMinIsr(page)).toBe('3')
})

test('a variant that does not validate says why and leaves the run as it was', async ({ page }) => {
  // The same file, with a variant whose min.insync.replicas the reader refuses.
  const broken = JSON.parse(readFileSync(FILE, 'utf8')) as {
    narration: { tryItVariant: { merge: { cluster: { config: Record<string, number> } } } }
  }
  broken.narration.tryItVariant.merge.cluster.config['min.insync.replicas'] = 0
  await page.route(`**/scenarios/${ID}.json`, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(broken) }),
  )
  await loadGuided(page)
  await toLastStep(page)
  const narration = page.getByRole('region', { name: 'Narration' })
  await narration.getByRole('button', { name: TRY_IT }).click()
  await expect(narration.getByRole('alert')).toHaveText(
    'The variant could not be loaded, so this run is unchanged: cluster.config["min.insync.replicas"]: must be at least 1 (got 0)',
  )
  expect(await page.evaluate(() => window.__sim?.scenarioName())).toBe(NAME)
  expect(await page.evaluate(() => window.__sim?.nowMs())).toBe(65_000)
  await expect(narration.getByRole('heading', { name: NAME, exact: true })).toBeVisible()
})
