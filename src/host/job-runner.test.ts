/**
 * The worker's loop over timeline requests, with a fake clock and a hand-run message loop: a
 * long seek answers after several pieces and reports its progress between them; a Cancel read
 * between pieces answers at once with the time reached; requests behind a long one wait their
 * turn, in order; a Cancel for a request already answered changes nothing.
 */
import { describe, expect, it } from 'vitest'
import { createSimulation, restoreSimulation } from '../engine/index'
import { TestCluster } from '../test-support/test-cluster'
import { createHostCore } from './core'
import { createJobRunner } from './job-runner'
import type { WorkerAnswer, WorkerReport } from './protocol'

function spec() {
  const c = TestCluster.create({ zones: 3, brokersPerZone: 1, seed: 5 })
  c.topic('orders', { partitions: 2, replicationFactor: 3, 'min.insync.replicas': 2 })
  c.producer('p1', 'orders', { acks: -1, recordsPerSecond: 100 })
  return c.spec
}

/** A runner over the real core whose clock moves 1 ms each time it is read. */
function setup() {
  const core = createHostCore({ createSimulation, restoreSimulation })
  const posted: (WorkerAnswer | WorkerReport)[] = []
  const tasks: (() => void)[] = []
  let clock = 0
  const runner = createJobRunner({
    begin: (request) => core.begin(request),
    post: (message) => posted.push(message),
    now: () => (clock += 1),
    schedule: (task) => tasks.push(task),
    sliceMs: 20,
  })
  /** Runs the message loop's next task (one slice); false when there was none. */
  const turn = () => {
    const task = tasks.shift()
    task?.()
    return task !== undefined
  }
  const drain = () => {
    while (turn()) {
      /* every slice */
    }
  }
  const kinds = () =>
    posted.map((p) => ('report' in p ? `${p.id}:${p.report.kind}` : `${p.id}:${p.message.kind}`))
  return { runner, posted, turn, drain, kinds }
}

describe('job runner', () => {
  it('runs a long seek in slices, reporting progress between them, then answers', () => {
    const { runner, posted, drain, kinds } = setup()
    runner.request(1, { type: 'load', spec: spec(), atMs: 0 })
    runner.request(2, { type: 'seek', atMs: 120_000 })
    runner.request(3, { type: 'step' })
    drain()
    const progress = posted.flatMap((p) =>
      'report' in p && p.report.kind === 'progress' ? [p.report.progress] : [],
    )
    expect(progress.length).toBeGreaterThan(3)
    expect(progress.every((p) => p.job === 'seek' && p.targetMs === 120_000)).toBe(true)
    expect(progress.map((p) => p.reachedMs)).toEqual(
      progress.map((p) => p.reachedMs).sort((a, b) => a - b),
    )
    // Answered in order; the seek's report ends once it is answered; the step waited its turn.
    expect(kinds().filter((k) => !k.endsWith('progress'))).toEqual([
      '1:update',
      '2:update',
      '2:finished',
      '3:update',
    ])
  })

  it('a cancel read between slices answers at once, at the time reached', () => {
    const { runner, posted, turn, drain, kinds } = setup()
    runner.request(1, { type: 'load', spec: spec(), atMs: 0 })
    runner.request(2, { type: 'seek', atMs: 3_600_000 })
    runner.request(3, { type: 'step' })
    for (let i = 0; i < 5; i += 1) turn()
    runner.cancel(2)
    const cancelled = posted.find((p) => 'report' in p && p.report.kind === 'cancelled')
    expect(cancelled).toMatchObject({
      id: 2,
      report: { kind: 'cancelled', keptPrevious: false, loadQueued: false },
    })
    const reached =
      cancelled !== undefined && 'report' in cancelled && cancelled.report.kind === 'cancelled'
        ? cancelled.report.progress.reachedMs
        : -1
    expect(reached).toBeGreaterThan(0)
    expect(reached).toBeLessThan(3_600_000)
    const answer = posted.at(-1)
    expect(answer).toMatchObject({ id: 2, message: { kind: 'update' } })
    if (answer !== undefined && 'message' in answer && answer.message.kind === 'update')
      expect(answer.message.update).toMatchObject({ simTimeMs: reached })
    drain()
    expect(kinds().filter((k) => !k.endsWith('progress'))).toEqual([
      '1:update',
      '2:cancelled',
      '2:update',
      '3:update',
    ])
  })

  it('says when another load was waiting behind a cancelled one', () => {
    const { runner, posted, turn } = setup()
    runner.request(1, { type: 'load', spec: spec(), atMs: 0 })
    runner.request(2, { type: 'load', spec: spec(), atMs: 3_600_000 })
    runner.request(3, { type: 'load', spec: spec(), atMs: 0 })
    for (let i = 0; i < 3; i += 1) turn()
    runner.cancel(2)
    expect(posted.find((p) => 'report' in p && p.report.kind === 'cancelled')).toMatchObject({
      report: { keptPrevious: true, loadQueued: true, progress: { job: 'load' } },
    })
  })

  it('ignores a cancel for a request already answered', () => {
    const { runner, posted, drain } = setup()
    runner.request(1, { type: 'load', spec: spec(), atMs: 0 })
    drain()
    const before = posted.length
    runner.cancel(1)
    runner.cancel(7)
    drain()
    expect(posted).toHaveLength(before)
  })
})
