/**
 * The simulation's Web Worker: runs the host core (timeline, checkpoints, engine) off the main
 * thread, one request at a time, and posts each answer back; a long load or seek runs in pieces,
 * posting its progress between them and stopping there when the page cancels it (job-runner.ts).
 * Checkpoints of a large cluster take most of a second; here they delay the simulation, never the
 * page. The worker host starts a second instance of this worker for each comparison, which posts
 * its progress after every slice and then the result, and one for each scenario file the page
 * opens, which posts the reader's result. A comparison of two designs (design-host.ts) gets one
 * too, which reads both designs, runs them and posts progress and then the outcome.
 */
import { createSimulation, restoreSimulation } from '../engine/index'
import { parseScenario } from '../scenario/validate'
import { compareDesigns } from './compare'
import { createHostCore } from './core'
import { createJobRunner } from './job-runner'
import type { WorkerAnswer, WorkerReport, WorkerRequest } from './protocol'

/** Invariant checks after every event cost too much on clusters this large. */
const CHECK_INVARIANTS_MAX_PARTITIONS = 2000
/**
 * Nor on runs this long: an hour at 40–100 ms of checks per simulated second would make Next to
 * a step an hour away take minutes (the engine's tests check such runs around their changes).
 */
const CHECK_INVARIANTS_MAX_DURATION_MS = 600_000

const core = createHostCore(
  { createSimulation, restoreSimulation },
  {
    simulation: (spec) => ({
      // The dashboard draws the messages in flight (small clusters only).
      traffic: true,
      checkInvariants:
        spec.topics.reduce((sum, topic) => sum + topic.partitions, 0) <=
          CHECK_INVARIANTS_MAX_PARTITIONS && spec.durationMs <= CHECK_INVARIANTS_MAX_DURATION_MS,
    }),
  },
)

function post(answer: WorkerAnswer | WorkerReport): void {
  self.postMessage(answer)
}

// Timeline requests run in pieces of about 50 ms, with the message loop in between (job-runner.ts).
const runner = createJobRunner({
  begin: (request) => core.begin(request),
  post,
  now: () => performance.now(),
  schedule: (task) => setTimeout(task, 0),
})

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const data = event.data
  if ('readScenario' in data) {
    post({
      id: data.id,
      message: { kind: 'scenarioRead', result: parseScenario(data.readScenario.text) },
    })
    return
  }
  if ('compareDesigns' in data) {
    const { id, compareDesigns: request } = data
    const engine = { createSimulation, restoreSimulation }
    const message = compareDesigns(engine, request, (atMs) =>
      post({ id, message: { kind: 'compareProgress', atMs } }),
    )
    post({ id, message })
    return
  }
  if ('compare' in data) {
    const { id, compare } = data
    const message = core.compare(compare, (atMs) =>
      post({ id, message: { kind: 'compareProgress', atMs } }),
    )
    post({ id, message })
    return
  }
  if ('cancel' in data) {
    runner.cancel(data.id)
    return
  }
  runner.request(data.id, data.request)
}
