/** The playback toolbar and the cluster-wide admin buttons, by role and name. */
import type { Locator, Page } from '@playwright/test'

export class Toolbar {
  readonly play: Locator
  readonly pause: Locator
  readonly step: Locator
  readonly speed: Locator
  readonly clock: Locator
  readonly rollingRestart: Locator
  readonly preferredElection: Locator
  readonly timeline: Locator
  readonly backToLatest: Locator

  constructor(page: Page) {
    this.play = page.getByRole('button', { name: 'Play', exact: true })
    this.pause = page.getByRole('button', { name: 'Pause', exact: true })
    this.step = page.getByRole('button', { name: 'Step', exact: true })
    this.speed = page.getByRole('slider', { name: 'Speed' })
    this.clock = page.getByRole('status', { name: 'Simulation time' })
    this.rollingRestart = page.getByRole('button', { name: 'Rolling restart' })
    this.preferredElection = page.getByRole('button', { name: 'Preferred election' })
    this.timeline = page.getByRole('slider', { name: 'Timeline' })
    this.backToLatest = page.getByRole('button', { name: 'Back to latest' })
  }

  /** Sets the speed slider to a stop such as 10 (for 10×). */
  async setSpeed(speed: 0.25 | 0.5 | 1 | 2 | 5 | 10 | 20 | 50 | 100): Promise<void> {
    const stops = [0.25, 0.5, 1, 2, 5, 10, 20, 50, 100]
    await this.speed.fill(String(stops.indexOf(speed)))
  }
}
