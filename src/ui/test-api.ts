/**
 * `window.__sim`: read access to the simulation for Playwright, so journeys assert engine state
 * rather than pixels. Read-only: tests act through the UI like a person.
 */
import type { TimedFault } from '../engine/spec'
import type { SimEvent, Snapshot } from '../engine/types'
import type { AppStore } from '../store/app-store'

export interface SimTestApi {
  /** The latest published snapshot, or null before the scenario has loaded. */
  snapshot(): Snapshot | null
  nowMs(): number
  horizonMs(): number
  playing(): boolean
  speed(): number
  recording(): readonly TimedFault[]
  events(): readonly SimEvent[]
  selectedPartition(): string | null
  scenarioName(): string
  /** The scenario's `cluster.kafkaVersion`, or null when it names none (it then means 3.9). */
  kafkaVersion(): string | null
  /** True once a snapshot is published and no request is pending in the simulation host. */
  settled(): boolean
}

declare global {
  interface Window {
    __sim?: SimTestApi
  }
}

export function installTestApi(store: AppStore): void {
  const get = () => store.getState()
  window.__sim = {
    snapshot: () => get().snapshot,
    nowMs: () => get().simTimeMs,
    horizonMs: () => get().horizonMs,
    playing: () => get().playing,
    speed: () => get().speed,
    recording: () => get().recording,
    events: () => get().events,
    selectedPartition: () => get().selectedPartition,
    scenarioName: () => get().spec.name,
    kafkaVersion: () => get().spec.cluster.kafkaVersion ?? null,
    settled: () => get().snapshot !== null && !get().isHostBusy(),
  }
}
