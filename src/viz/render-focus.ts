/**
 * The subject of a narration step (its `focusBrokers` / `focusZone`): those brokers, their zone
 * and their replicas keep full strength and get an outline; the rest of the topology is dimmed.
 * Applied after each render, as classes, so the renderers stay unaware of narration.
 */
export interface NarrationFocus {
  brokers: ReadonlySet<number>
  zones: ReadonlySet<string>
}

/** The brokers and zones a step is about; null when it names none. */
export function narrationFocus(
  step: { focusBrokers?: readonly number[]; focusZone?: string } | undefined,
  brokers: readonly { id: number; zone: string }[],
): NarrationFocus | null {
  if (step === undefined) return null
  const ids = new Set(step.focusBrokers ?? [])
  const zones = new Set<string>()
  if (step.focusZone !== undefined) {
    zones.add(step.focusZone)
    for (const b of brokers) if (b.zone === step.focusZone) ids.add(b.id)
  }
  if (ids.size === 0 && zones.size === 0) return null
  for (const b of brokers) if (ids.has(b.id)) zones.add(b.zone)
  return { brokers: ids, zones }
}

function mark(element: Element, focus: boolean | null): void {
  element.classList.toggle('narration-focus', focus === true)
  element.classList.toggle('narration-dim', focus === false)
}

export function applyNarrationFocus(svg: SVGSVGElement, focus: NarrationFocus | null): void {
  const on = (value: boolean) => (focus === null ? null : value)
  for (const card of svg.querySelectorAll('[data-broker]'))
    mark(card, on(focus?.brokers.has(Number(card.getAttribute('data-broker'))) ?? false))
  for (const chip of svg.querySelectorAll('[data-on-broker]'))
    mark(chip, on(focus?.brokers.has(Number(chip.getAttribute('data-on-broker'))) ?? false))
  for (const header of svg.querySelectorAll('[data-zone]')) {
    const zone = header.parentElement ?? header
    mark(zone, on(focus?.zones.has(header.getAttribute('data-zone') ?? '') ?? false))
  }
}
