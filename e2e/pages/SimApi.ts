/**
 * Reads engine state through `window.__sim`, so journeys assert what Kafka did rather than
 * pixels. Every read waits for the app to have loaded a snapshot.
 */
import { expect, type Page } from '@playwright/test'
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

  /**
   * Waits until `predicate(snapshot)` holds; the predicate runs in the page. It is polled with
   * `page.evaluate` of an expression, which DevTools compiles, because the build's
   * Content-Security-Policy refuses eval inside the page, and `waitForFunction` (with a
   * function or with a string) compiles the predicate in the page, with eval.
   */
  async waitFor(predicate: string, timeout = 30_000): Promise<void> {
    const expression = `(() => { const s = window.__sim?.snapshot(); return s != null && Boolean((${predicate})(s)) })()`
    await expect
      .poll(() => this.page.evaluate(expression), { timeout, intervals: [20], message: predicate })
      .toBe(true)
  }
}
