/**
 * The host layer's public API: where the simulation runs (a Web Worker or the calling thread),
 * the protocol the store speaks to it, the snapshot patch codec and the time machine's types.
 * `create-host.ts` is not re-exported: it references the worker entry, which only the app's entry
 * point should pull in.
 */
export { createHostCore } from './core'
export type { EnginePort } from './engine-port'
export { createInlineHost } from './inline-host'
export type {
  HostMessage,
  HostOptions,
  HostRequest,
  HostUpdate,
  LogDelta,
  SimulationHost,
} from './protocol'
export { applyPatch, diffSnapshot, samePartition, type SnapshotPatch } from './snapshot-patch'
export type {
  InjectResult,
  MarkerKind,
  Timeline,
  TimelineMarker,
  TimelineOptions,
} from './timeline'
export { createTimeline } from './timeline'
