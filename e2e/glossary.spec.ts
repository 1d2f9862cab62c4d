/**
 * Words defined where they appear (issue 16, item 7): a partition-table column head shows its
 * glossary definition on keyboard focus and hides it on Escape; the Glossary tab filters as you
 * type; the first-visit tour spotlights the element each step describes, and its dialog stays
 * inside the viewport at 1280×720 and 390×844.
 */
import type { Locator, Page } from '@playwright/test'
import { GLOSSARY } from '../src/ui/teach/glossary'
import { expect, test } from './fixtures'

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__sim !== undefined && window.__sim.nowMs() === 0)
  await expect(page.locator('svg.topology [data-broker]').first()).toBeVisible()
}

async function box(locator: Locator) {
  const b = await locator.boundingBox()
  if (b === null) throw new Error('no bounding box')
  return b
}

function overlaps(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

test('a column head defines its word on focus, and Escape hides it', async ({ page }) => {
  await page.goto('./')
  await settled(page)
  const head = page.getByRole('columnheader', { name: 'Isr', exact: true })
  const word = head.getByRole('button', { name: 'Isr', exact: true })
  await expect(word).toHaveAccessibleDescription(GLOSSARY.isr.definition)
  await word.focus()
  const tip = page.getByRole('tooltip')
  await expect(tip).toBeVisible()
  await expect(tip).toContainText(GLOSSARY.isr.definition)
  await expect(tip).toContainText('replica.lag.time.max.ms')
  await page.keyboard.press('Escape')
  await expect(tip).toBeHidden()
  await expect(word).toBeFocused()

  // The legend's role names carry definitions too.
  const legend = page.getByRole('list', { name: 'Legend' })
  await legend.getByRole('button', { name: 'Leader', exact: true }).hover()
  await expect(page.getByRole('tooltip')).toContainText(GLOSSARY.leader.definition)
})

test('the Glossary tab lists every term and filters as you type', async ({ page }) => {
  await page.goto('./')
  await settled(page)
  await page.getByRole('tab', { name: 'Glossary', exact: true }).click()
  const panel = page.getByRole('region', { name: 'Glossary' })
  await expect(panel.getByRole('term')).toHaveCount(Object.keys(GLOSSARY).length)
  await panel.getByRole('searchbox', { name: 'Search the glossary' }).fill('KIP-966')
  await expect(panel.getByRole('term')).toHaveText([
    GLOSSARY.elr.term,
    GLOSSARY['last-known-elr'].term,
  ])
  await expect(panel.getByRole('status')).toContainText('2 of')
})

test.describe('the first-visit tour', () => {
  test.use({ firstVisitTour: true })

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    test(`spotlights each step's target, inside ${viewport.width}×${viewport.height}`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport)
      await page.goto('./')
      await settled(page)
      const tour = page.getByRole('dialog', { name: 'Tour' })
      await expect(tour).toBeVisible()
      await expect(tour).toBeFocused()
      await expect(tour.getByRole('heading', { name: 'Leader and followers' })).toBeVisible()
      const spot = page.locator('[data-tour-spotlight]')
      await expect(spot).toBeVisible()
      await expect(tour).toContainText('Highlighted: the topology')
      await expect
        .poll(async () => overlaps(await box(spot), await box(page.locator('svg.topology'))))
        .toBe(true)

      const inside = async () => {
        const b = await box(tour)
        return (
          b.x >= 0 &&
          b.y >= 0 &&
          b.x + b.width <= viewport.width &&
          b.y + b.height <= viewport.height
        )
      }
      await expect.poll(inside).toBe(true)
      await page.screenshot({ path: `test-results/glossary/tour-${viewport.width}.png` })

      await tour.getByRole('button', { name: 'Next' }).click()
      await expect(tour.getByRole('heading', { name: /min\.insync\.replicas/ })).toBeVisible()
      const counters = page.getByRole('region', { name: 'Live counters' })
      await expect.poll(async () => overlaps(await box(spot), await box(counters))).toBe(true)
      await expect.poll(inside).toBe(true)
      await page.screenshot({ path: `test-results/glossary/tour-${viewport.width}-step2.png` })

      await page.keyboard.press('Escape')
      await expect(tour).toBeHidden()
      await expect(spot).toBeHidden()
    })
  }
})
