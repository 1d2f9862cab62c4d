/**
 * The topology picture: brokers, zones and controllers are buttons whose accessible names start
 * with "Broker <id>", "Zone <name>" and "Controller <id>" and say their state; their menus list
 * the fault actions.
 */
import type { Locator, Page } from '@playwright/test'

export class Topology {
  readonly region: Locator

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Topology' })
  }

  broker(id: number): Locator {
    return this.region.getByRole('button', { name: new RegExp(`^Broker ${id},`) })
  }

  zone(name: string): Locator {
    return this.region.getByRole('button', { name: new RegExp(`^Zone ${name},`) })
  }

  controller(id: number): Locator {
    return this.region.getByRole('button', { name: new RegExp(`^Controller ${id},`) })
  }

  menu(title: string): Locator {
    return this.page.getByRole('menu', { name: `${title} actions` })
  }

  async brokerAction(id: number, action: string): Promise<void> {
    await this.broker(id).click()
    await this.menu(`Broker ${id}`).getByRole('menuitem', { name: action }).click()
  }

  async zoneAction(name: string, action: string): Promise<void> {
    await this.zone(name).click()
    await this.menu(`Zone ${name}`).getByRole('menuitem', { name: action }).click()
  }

  async controllerAction(id: number, action: string): Promise<void> {
    await this.controller(id).click()
    await this.menu(`Controller ${id}`).getByRole('menuitem', { name: action }).click()
  }
}
