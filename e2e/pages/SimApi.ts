/**
 * Reads engine state through `window.__sim`, so journeys assert what Kafka did rather than
 * pixels. Every read waits for the app to have loaded a snapshot.
 */
import type { Page } from '@playwright/test'
import type { TimedFault } from '../../src/engine/spec'
import type { PartitionView, Snapshot } from '../../src/engine/types'

export class SimApi {
  constructor(private readonly page: Page) {}

  async settled(): Promise<void> {
    await this.page.waitForFunction(() => window.__sim?.settled() === true)
  }

  async snapshot(): Promise<Snapshot> {
    await this.page.waitForFunction(() => window.__sim?.snapshot() != null)
    return this.page.evaluate(() => window.__sim?.snapshot() as Snapshot)
  }

  async partition(topic: string, partition: number): Promise<PartitionView> {
    const snapshot = await this.snapshot()
    const found = snapshot.partitions.find((p) => p.topic === topic && p.partition === partition)
    if (found === undefined) throw new Error(`no partition ${topic}-${partition}`)
    return found
  }

  async nowMs(): Promise<number> {
    return this.page.evaluate(() => window.__sim?.nowMs() ?? 0)
  }

  async horizonMs(): Promise<number> {
    return this.page.evaluate(() => window.__sim?.horizonMs() ?? 0)
  }

  async recording(): Promise<TimedFault[]> {
    return this.page.evaluate(() => [...(window.__sim?.recording() ?? [])])
  }

  async scenarioName(): Promise<string> {
    return this.page.evaluate(() => window.__sim?.scenarioName() ?? '')
  }

  /** Waits until `predicate(snapshot)` holds; the predicate runs in the page. */
  async waitFor(predicate: string, timeout = 30_000): Promise<void> {
    await this.page.waitForFunction(
      (source) => {
        const snapshot = window.__sim?.snapshot()
        if (snapshot == null) return false
        // eslint-disable-next-line @typescript-eslint/no-implied-eval
        return (new Function('s', `return (${source})(s)`) as (s: unknown) => boolean)(snapshot)
      },
      predicate,
      { timeout },
    )
  }
}
