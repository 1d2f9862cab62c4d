/** The incident lane under the topology: its marks (buttons named by their sentence) and recap. */
import type { Locator, Page } from '@playwright/test'

export class IncidentLane {
  readonly region: Locator

  constructor(page: Page) {
    this.region = page.getByRole('region', { name: 'Incident timeline' })
  }

  /** A mark whose sentence matches, e.g. /broker 1 crashed/. */
  mark(sentence: RegExp): Locator {
    return this.region.getByRole('button', { name: sentence })
  }

  get recap(): Locator {
    return this.region.getByText(/acknowledged records? lost/)
  }
}
