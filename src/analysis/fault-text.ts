/**
 * A fault in words for the page's exports (the Markdown review): the engine's own wording, from
 * its `fault-text.ts`, a module with no runtime imports, so the page loads none of the engine's
 * fault handling.
 */
export { describeFault } from '../engine/fault-text'
