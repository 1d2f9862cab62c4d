/**
 * Global shortcuts leave keys to the focused control that uses them: typing in fields, arrows on
 * sliders and in menus, Space and Enter on buttons (including the topology's SVG buttons).
 */
import { describe, expect, it } from 'vitest'
import { ownsKey } from './use-keyboard-shortcuts'

function element(html: string): Element {
  document.body.innerHTML = html
  const found = document.querySelector('[data-target]')
  if (found === null) throw new Error('no target')
  return found
}

describe('ownsKey', () => {
  it.each([
    ['a text field owns every key', '<input data-target>', 'ArrowRight', true],
    ['a select owns Space', '<select data-target></select>', ' ', true],
    ['a slider owns arrows', '<input type="range" data-target>', 'ArrowRight', true],
    ['a slider leaves Space', '<input type="range" data-target>', ' ', false],
    ['a button owns Space', '<button data-target>Play</button>', ' ', true],
    ['a button leaves arrows', '<button data-target>Play</button>', 'ArrowRight', false],
    ['an SVG broker owns Enter', '<svg><g role="button" data-target></g></svg>', 'Enter', true],
    [
      'a menu owns arrows',
      '<div role="menu"><button data-target></button></div>',
      'ArrowDown',
      true,
    ],
    ['the page leaves everything', '<div data-target></div>', ' ', false],
  ])('%s', (_name, html, key, owned) => {
    expect(ownsKey(element(html), key)).toBe(owned)
  })
})
