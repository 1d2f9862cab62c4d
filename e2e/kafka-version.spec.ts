/**
 * The Kafka version in the configuration editor: the app opens on 4.1 (the newest version Amazon
 * MSK offers for new KRaft clusters), the picker says what a version changes, ZooKeeper on 4.x is
 * named at its field and blocks Apply, and applying another version restarts the simulation on it.
 */
import { expect, test } from './fixtures'

test('choosing the Kafka version in the configuration editor', async ({ page, sim }) => {
  await page.goto('./')
  await sim.settled()
  expect(await page.evaluate(() => window.__sim?.kafkaVersion())).toBe('4.1')

  await page.getByRole('tab', { name: 'Scenario', exact: true }).click()
  const editor = page.getByRole('form', { name: 'Cluster configuration' })
  const version = editor.getByRole('combobox', { name: 'Kafka version' })
  await expect(version).toHaveValue('4.1')
  await expect(version).toHaveAccessibleDescription(/ELR on by default · linger\.ms 5/)
  const elr = editor.getByRole('checkbox', { name: /eligible\.leader\.replicas\.enable/ })
  await expect(elr).toBeChecked()

  await version.selectOption('4.0')
  await expect(version).toHaveAccessibleDescription(/^KRaft only .* ELR off unless enabled/)
  await expect(elr).not.toBeChecked()
  const mode = editor.getByRole('combobox', { name: 'Controller mode' })
  await mode.selectOption('zookeeper')
  await expect(mode).toHaveAttribute('aria-invalid', 'true')
  await expect(mode).toHaveAccessibleDescription(/Kafka 4\.0 has no ZooKeeper mode/)
  const apply = editor.getByRole('button', { name: 'Apply and restart' })
  await expect(apply).toBeDisabled()

  await version.selectOption('3.9')
  await expect(mode).not.toHaveAttribute('aria-invalid', 'true')
  await expect(version).toHaveAccessibleDescription(/^KRaft or ZooKeeper/)
  await apply.click()
  await page.waitForFunction(() => window.__sim?.kafkaVersion() === '3.9')
  await sim.settled()
  const snapshot = await sim.snapshot()
  expect(snapshot.mode).toBe('zookeeper')
  expect(snapshot.nowMs).toBe(0)
  await expect(version).toHaveValue('3.9')
  await expect(mode).toHaveValue('zookeeper')
})
