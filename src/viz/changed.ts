/**
 * Keyed joins update every element on every frame; most elements have not changed, and each
 * redundant `setAttribute` still costs style work (90 broker cards with heat strips several times
 * a second add up to a visible stall). `changed` narrows a selection to the elements whose render
 * key differs from the one they were last drawn with.
 */
import type { BaseType, Selection } from 'd3'

const drawnWith = new WeakMap<Element, string>()

export function changed<E extends BaseType, D, P extends BaseType, PD>(
  selection: Selection<E, D, P, PD>,
  key: (d: D) => string,
): Selection<E, D, P, PD> {
  return selection.filter(function (d) {
    const element = this as unknown as Element
    const next = key(d)
    if (drawnWith.get(element) === next) return false
    drawnWith.set(element, next)
    return true
  })
}
