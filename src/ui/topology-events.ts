/**
 * Reads what a pointer or key event in the topology refers to, from the `data-*` attributes the
 * renderer puts on brokers, zone headers, controllers and replica chips (event delegation: the
 * renderer itself attaches no listeners).
 */
import type { ActionTarget } from './actions'
import { t } from './i18n/runtime'

export type TopologyHit =
  | { kind: 'node'; target: ActionTarget; element: Element; title: string }
  | { kind: 'chip'; partition: string; element: Element }

const SELECTOR = '[data-broker],[data-zone],[data-controller],[data-partition]'

export function hitOf(eventTarget: EventTarget | null): TopologyHit | null {
  if (!(eventTarget instanceof Element)) return null
  const element = eventTarget.closest(SELECTOR)
  if (element === null) return null
  const partition = element.getAttribute('data-partition')
  if (partition !== null) return { kind: 'chip', partition, element }
  const broker = element.getAttribute('data-broker')
  if (broker !== null) {
    const id = Number(broker)
    return {
      kind: 'node',
      target: { kind: 'broker', id },
      element,
      title: t('menu.broker', { id }),
    }
  }
  const zone = element.getAttribute('data-zone')
  if (zone !== null) {
    return {
      kind: 'node',
      target: { kind: 'zone', name: zone },
      element,
      title: t('menu.zone', { zone }),
    }
  }
  const id = Number(element.getAttribute('data-controller'))
  return {
    kind: 'node',
    target: { kind: 'controller', id },
    element,
    title: t('menu.controller', { id }),
  }
}
