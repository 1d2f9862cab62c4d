/**
 * An inline host over the real engine. The app loads this module on demand when workers are
 * unavailable (so the engine stays out of the initial JavaScript); jsdom tests, which have no
 * workers, use it directly.
 *
 * @example
 * const host = createLocalHost({ simulation: { checkInvariants: true } })
 * const comparison = await host.compare({ specA, specB, durationMs: 60_000 })
 */
import { createSimulation, restoreSimulation } from '../engine/index'
import { createInlineHost } from './inline-host'
import type { HostOptions, SimulationHost } from './protocol'

export function createLocalHost(options: HostOptions = {}): SimulationHost {
  return createInlineHost({ createSimulation, restoreSimulation }, options)
}
