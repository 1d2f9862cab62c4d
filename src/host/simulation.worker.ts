/**
 * The simulation's Web Worker: runs the host core (timeline, checkpoints, engine) off the main
 * thread, one request at a time, and posts each answer back. Checkpoints of a large cluster take
 * most of a second; here they delay the simulation, never the page.
 */
import { createSimulation, restoreSimulation } from '../engine/index'
import { createHostCore } from './core'
import type { HostRequest } from './protocol'

/** Invariant checks after every event cost too much on clusters this large. */
const CHECK_INVARIANTS_MAX_PARTITIONS = 2000

const core = createHostCore(
  { createSimulation, restoreSimulation },
  {
    simulation: (spec) => ({
      checkInvariants:
        spec.topics.reduce((sum, topic) => sum + topic.partitions, 0) <=
        CHECK_INVARIANTS_MAX_PARTITIONS,
    }),
  },
)

self.onmessage = (event: MessageEvent<{ id: number; request: HostRequest }>) => {
  const { id, request } = event.data
  self.postMessage({ id, message: core.handle(request) })
}
