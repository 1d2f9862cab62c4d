// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { applyNarrationFocus, narrationFocus } from './render-focus'

const brokers = [
  { id: 1, zone: 'az1' },
  { id: 2, zone: 'az2' },
  { id: 3, zone: 'az1' },
]

describe('narration focus', () => {
  it('a zone brings its brokers; brokers bring their zones; nothing named is no focus', () => {
    expect(narrationFocus({ focusZone: 'az1' }, brokers)).toEqual({
      brokers: new Set([1, 3]),
      zones: new Set(['az1']),
    })
    expect(narrationFocus({ focusBrokers: [2] }, brokers)).toEqual({
      brokers: new Set([2]),
      zones: new Set(['az2']),
    })
    expect(narrationFocus({}, brokers)).toBeNull()
    expect(narrationFocus(undefined, brokers)).toBeNull()
  })

  it('dims what the step is not about, outlines what it is, and clears when the step has none', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg')
    svg.innerHTML = `<g class="zone"><g data-zone="az1"></g></g><g class="zone"><g data-zone="az2"></g></g>
      <g data-broker="1"></g><g data-broker="2"></g><g data-on-broker="2"></g>`
    applyNarrationFocus(svg, narrationFocus({ focusBrokers: [2] }, brokers))
    const cls = (sel: string) => svg.querySelector(sel)!.getAttribute('class') ?? ''
    expect(cls('[data-broker="2"]')).toContain('narration-focus')
    expect(cls('[data-broker="1"]')).toContain('narration-dim')
    expect(cls('[data-on-broker="2"]')).toContain('narration-focus')
    expect(svg.querySelector('[data-zone="az1"]')!.parentElement!.getAttribute('class')).toContain(
      'narration-dim',
    )
    applyNarrationFocus(svg, null)
    expect(svg.querySelectorAll('.narration-dim, .narration-focus')).toHaveLength(0)
  })
})
