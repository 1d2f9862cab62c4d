/** The built app loads with its shell and no console errors or failed requests. */
import { test, expect } from './fixtures'

test('the app shell loads cleanly', async ({ page }) => {
  await page.goto('./')
  await expect(page.getByRole('heading', { name: 'Kafka HA Lab', level: 1 })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Topology' })).toBeVisible()
  await expect(page.getByRole('contentinfo')).toContainText(/v\d+\.\d+\.\d+/)
})
