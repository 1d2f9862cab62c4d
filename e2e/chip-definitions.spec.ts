/**
 * Words defined where they appear, on the topology's replica chips (issue 16, item 7). Hovering
 * the leader's chip shows one tooltip naming the replica ("orders-0 on broker 1: leader") with
 * the glossary's definition of a leader and its facts; moving off the chips hides it. From the
 * keyboard, a broker card reached with Tab hints at ↓ ↑, which step through its replicas: the
 * card is described by the definition, Escape hides it, and → still steps the simulation.
 */
import type { Page } from '@playwright/test'
import { GLOSSARY } from '../src/ui/teach/glossary'
import { expect, test } from './fixtures'

const HINT = '↓ ↑ step through this broker’s replicas.'

async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let i = 0; i < 80; i += 1) {
    const current = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))
    if (current != null && name.test(current)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`could not reach ${name} with the keyboard`)
}

test('hovering a leader chip defines it, in the glossary’s words', async ({ page, sim }) => {
  await page.goto('./')
  await sim.settled()
  const snapshot = await sim.snapshot()
  const p = snapshot.partitions.find((x) => x.internal !== true && x.leader > 0)
  if (p === undefined) throw new Error('no led partition')
  const key = `${p.topic}-${p.partition}`
  const tooltip = page.getByRole('tooltip')
  await expect(tooltip).toBeHidden()
  // The chips are hidden from assistive technology (the outline tells screen readers the same),
  // so the pointer finds the leader's chip by its data attributes.
  await page
    .locator(`svg.topology g.chip[data-partition="${key}"][data-on-broker="${p.leader}"]`)
    .hover()
  await expect(tooltip).toBeVisible()
  await expect(tooltip).toContainText(`${key} on broker ${p.leader}: leader`)
  await expect(tooltip).toContainText(GLOSSARY.leader.definition)
  await expect(tooltip).toContainText(GLOSSARY.leader.source)
  await expect(tooltip).toContainText(`In the ISR (${p.isr.join(',')}; min.insync.replicas=`)

  // The chip beside it in the row takes the hover (the definition below keeps only its own box).
  const neighbour = snapshot.partitions.find(
    (x) => x.internal !== true && x !== p && x.replicas.includes(p.leader),
  )
  if (neighbour !== undefined) {
    const other = `${neighbour.topic}-${neighbour.partition}`
    await page
      .locator(`svg.topology g.chip[data-partition="${other}"][data-on-broker="${p.leader}"]`)
      .hover()
    await expect(tooltip).toContainText(`${other} on broker ${p.leader}:`)
  }

  const follower = p.isr.find((id) => id !== p.leader)
  if (follower !== undefined) {
    await page
      .locator(`svg.topology g.chip[data-partition="${key}"][data-on-broker="${follower}"]`)
      .hover()
    await expect(tooltip).toContainText(`${key} on broker ${follower}: in-sync follower`)
    await expect(tooltip).toContainText(GLOSSARY['in-sync-follower'].definition)
  }
  // Off the chips (a corner of the page, away from the legend's own definitions), it hides.
  await page.mouse.move(1, 1)
  await expect(tooltip).toBeHidden()
})

test("a focused broker's replicas are defined one by one from the keyboard", async ({
  page,
  sim,
  topology,
}) => {
  await page.goto('./')
  await sim.settled()
  const snapshot = await sim.snapshot()
  const leader = snapshot.partitions.find((x) => x.internal !== true && x.leader > 0)?.leader
  if (leader === undefined) throw new Error('no leader')
  await page.locator('body').focus()
  await tabTo(page, new RegExp(`^Broker ${leader},`))
  const card = topology.broker(leader)
  await expect(card).toBeFocused()
  const tooltip = page.getByRole('tooltip')
  await expect(tooltip).toHaveText(HINT)

  const hosted = snapshot.partitions.filter(
    (x) => x.internal !== true && x.replicas.includes(leader),
  ).length
  await page.keyboard.press('ArrowDown')
  await expect(tooltip).toContainText(`on broker ${leader}:`)
  await expect(tooltip).toContainText(`Replica 1 of ${hosted}.`)
  await expect(card).toHaveAccessibleDescription(new RegExp(`on broker ${leader}: `))
  // Step to the broker's first leader replica, and read its definition.
  let found = false
  for (let i = 0; i < hosted && !found; i += 1) {
    found = ((await tooltip.textContent()) ?? '').includes(': leader')
    if (!found) await page.keyboard.press('ArrowDown')
  }
  expect(found, `broker ${leader} has a leader replica to step to`).toBe(true)
  await expect(tooltip).toContainText(GLOSSARY.leader.definition)
  await expect(card).toHaveAccessibleDescription(
    new RegExp(`leader\\. ${GLOSSARY.leader.definition.slice(0, 40)}`),
  )

  await page.keyboard.press('Escape')
  await expect(tooltip).toBeHidden()
  await expect(card).toBeFocused()
  // → is still the Step shortcut on a broker card.
  const before = await sim.nowMs()
  await page.keyboard.press('ArrowRight')
  await page.waitForFunction((t) => (window.__sim?.nowMs() ?? 0) > t, before)
})

test('on a phone (390×844) the Step status line shows in full', async ({ page, sim }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('./')
  await sim.settled()
  const step = page.getByRole('button', { name: 'Step', exact: true })
  const status = page.getByRole('status', { name: 'Last step' })
  // The default cluster is quiet at first: a Step jumps ahead far enough to be explained.
  for (let i = 0; i < 5 && ((await status.textContent()) ?? '') === ''; i += 1) await step.click()
  await expect(status).toHaveText(/^Stepped .* ahead to /)
  await expect(status).toBeInViewport({ ratio: 1 })
  const clipped = await status.evaluate(
    (el) => el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth,
  )
  expect(clipped, 'the status line is cut off').toBe(false)
})
