/**
 * The host layer's public API: where the simulation runs (a Web Worker or the calling thread),
 * the protocol the store speaks to it, the snapshot patch codec and the time machine's types.
 * `create-host.ts` and `local-host.ts` are not re-exported: one references the worker entry and
 * the other imports the engine, which only the app's entry point (or a test) should pull in.
 */
export { createComparisonRun, runComparison, runComparisonInSlices } from './compare'
export { createHostCore } from './core'
export type { EnginePort } from './engine-port'
export { createInlineHost } from './inline-host'
export type {
  CompareMessage,
  CompareOptions,
  CompareRequest,
  HostMessage,
  HostOptions,
  HostRequest,
  HostUpdate,
  LogDelta,
  PartitionRef,
  SimulationHost,
} from './protocol'
export { applyPatch, diffSnapshot, samePartition, type SnapshotPatch } from './snapshot-patch'
export { applyFailoverPatch, diffFailovers, type FailoverPatch } from './failover-patch'
export type {
  InjectResult,
  MarkerKind,
  Timeline,
  TimelineMarker,
  TimelineOptions,
} from './timeline'
export { createTimeline } from './timeline'
