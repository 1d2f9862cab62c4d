/** The "Partitions" panel: one row per partition with kafka-topics --describe columns. */
import type { Locator, Page } from '@playwright/test'

export class PartitionTable {
  readonly tab: Locator
  readonly table: Locator

  constructor(page: Page) {
    this.tab = page.getByRole('tab', { name: 'Partitions' })
    this.table = page.getByRole('tabpanel', { name: 'Partitions' }).getByRole('table')
  }

  /** The row of `topic`-`partition`; its cells are Topic, Partition, Leader, Replicas, Isr... */
  row(topic: string, partition: number): Locator {
    const select = this.table
      .page()
      .getByRole('button', { name: `Select partition ${topic}-${partition}`, exact: true })
    return this.table.getByRole('row').filter({ has: select })
  }

  cell(topic: string, partition: number, column: 'Leader' | 'Isr' | 'Replicas'): Locator {
    const index = { Leader: 2, Replicas: 3, Isr: 4 }[column]
    return this.row(topic, partition).getByRole('cell').nth(index)
  }
}
