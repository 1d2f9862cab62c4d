/**
 * The partition table keeps its columns still: crashing a leader turns rows from "ok" into
 * "leader unreachable — not fenced yet" and then "under-replicated" (wider badges), and no
 * column header moves. The table has fixed column widths (PartitionTable's colgroup).
 */
import type { Locator } from '@playwright/test'
import { expect, test } from './fixtures'

async function headerLefts(table: Locator): Promise<number[]> {
  return table
    .getByRole('columnheader')
    .evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().left * 10) / 10))
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`status changes do not move the partition table's columns at ${viewport.width}×${viewport.height}`, async ({
    page,
    sim,
    toolbar,
    topology,
    table,
  }) => {
    await page.setViewportSize(viewport)
    await page.goto('./')
    await sim.settled()
    await expect(table.row('orders', 0).getByText('ok', { exact: true })).toBeVisible()
    const status = table.table.getByRole('columnheader', { name: 'Status' })
    const before = await headerLefts(table.table)
    const statusBefore = (await status.boundingBox())!.x

    const leader = (await sim.partition('orders', 0)).leader
    await toolbar.setSpeed(5)
    await toolbar.play.click()
    await topology.brokerAction(leader, 'Crash broker')
    // After the fencing a new leader is elected and the crashed broker leaves the ISR.
    await sim.waitFor(
      `(s) => { const p = s.partitions[0]; return p.leader !== ${leader} && p.leader > 0 }`,
    )
    await toolbar.pause.click()
    await expect(
      table.row('orders', 0).getByText('under-replicated', { exact: true }),
    ).toBeVisible()
    expect((await status.boundingBox())!.x).toBe(statusBefore)
    expect(await headerLefts(table.table)).toEqual(before)
  })
}
