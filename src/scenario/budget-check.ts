/**
 * The work budgets of a whole scenario (budget.ts), checked between the shape pass and the
 * semantic pass: partitions and replicas over all topics (with the __consumer_offsets the
 * consumer groups make), client instances, records per second over the producers, and the run's
 * work. They are sums over parts the shape pass has already bounded one by one (a topic has at
 * most 10,000 partitions, the lists are counted before their items are read), so this pass is
 * linear in the number of topics and clients, and a file past a budget is refused before the
 * semantic pass, normalisation or any simulation.
 */
import { OFFSETS_TOPIC, type SimulationSpec } from '../engine/spec'
import {
  MAX_DURATION_MS,
  MAX_RUN_WORK,
  MAX_TOTAL_PARTITIONS,
  MAX_TOTAL_RECORDS_PER_SECOND,
  MAX_TOTAL_REPLICAS,
  MAX_CLIENTS,
  clientInstances,
  runWork,
  specSize,
  type RunSize,
} from './budget'
import { DEFAULT_DURATION_MS } from './fields'
import { makeProblem, type ProblemParams } from './messages'
import { mergedClusterConfig } from './normalize'
import { error, type Ctx, type LooseClient, type LooseScenario } from './shape'
import type { Problem } from './types'

interface Totals {
  partitions: number
  replicas: number
  /** How many of the partitions and replicas are __consumer_offsets'. */
  offsetsPartitions: number
  offsetsReplicas: number
  brokers: number
  clients: number
  recordsPerSecond: number
}

function brokerCount(scenario: LooseScenario): number {
  const cluster = scenario.cluster
  if (cluster?.brokers !== undefined) return cluster.brokers.length
  if (cluster?.brokersPerZone !== undefined)
    return cluster.brokersPerZone * (cluster.zones?.length ?? 0)
  return 0
}

function totals(scenario: LooseScenario): Totals {
  const config = mergedClusterConfig(
    scenario.cluster?.config,
    undefined,
    scenario.cluster?.brokerType,
  )
  const out: Totals = {
    partitions: 0,
    replicas: 0,
    offsetsPartitions: 0,
    offsetsReplicas: 0,
    brokers: brokerCount(scenario),
    clients: 0,
    recordsPerSecond: 0,
  }
  let declaresOffsets = false
  for (const topic of scenario.topics ?? []) {
    if (topic?.partitions === undefined) continue
    if (topic.name === OFFSETS_TOPIC) declaresOffsets = true
    out.partitions += topic.partitions
    out.replicas +=
      topic.partitions * (topic.replicationFactor ?? config['default.replication.factor'])
  }
  const clients = (scenario.clients ?? []).filter((c): c is LooseClient => c !== undefined)
  out.clients = clientInstances(clients)
  for (const c of clients)
    if (c.kind === 'producer') out.recordsPerSecond += c.recordsPerSecond ?? 0
  // normalize.ts `offsetsTopic`: the groups' __consumer_offsets, when the brokers can hold it.
  const grouped = clients.some((c) => c.kind === 'consumer' && c.group !== undefined)
  const rf = config['offsets.topic.replication.factor']
  if (grouped && !declaresOffsets && rf <= out.brokers) {
    out.offsetsPartitions = config['offsets.topic.num.partitions']
    out.offsetsReplicas = out.offsetsPartitions * rf
    out.partitions += out.offsetsPartitions
    out.replicas += out.offsetsReplicas
  }
  return out
}

/**
 * Reports each budget the scenario exceeds; true when it exceeds none (then the semantic pass
 * runs). Runs on what the shape pass accepted: an invalid part counts as absent.
 */
export function checkBudget(ctx: Ctx, scenario: LooseScenario): boolean {
  const before = ctx.errorCount
  const t = totals(scenario)
  const over = (
    path: string,
    budget: 'partitions' | 'replicas' | 'clients' | 'records-per-second',
    got: number,
    maximum: number,
    offsets?: number,
  ): boolean => {
    if (got <= maximum) return false
    error(
      ctx,
      path,
      'over-budget',
      offsets === undefined || offsets === 0
        ? { budget, got, maximum }
        : { budget, got, maximum, offsets },
    )
    return true
  }
  // Replicas only when the partitions are within theirs: the second would say the same again.
  if (!over('topics', 'partitions', t.partitions, MAX_TOTAL_PARTITIONS, t.offsetsPartitions))
    over('topics', 'replicas', t.replicas, MAX_TOTAL_REPLICAS, t.offsetsReplicas)
  over('clients', 'clients', t.clients, MAX_CLIENTS)
  over('clients', 'records-per-second', t.recordsPerSecond, MAX_TOTAL_RECORDS_PER_SECOND)
  const durationMs = hasDuration(scenario)
    ? (scenario.fields.durationMs as number | undefined)
    : DEFAULT_DURATION_MS
  // The work only of a file within the other budgets, whose sizes it multiplies.
  if (ctx.errorCount === before && durationMs !== undefined) {
    const size: RunSize = {
      durationMs,
      partitions: t.partitions,
      replicas: t.replicas,
      brokers: t.brokers,
      clients: t.clients,
    }
    const problem = workProblem(size)
    if (problem !== undefined) error(ctx, 'durationMs', 'run-too-large', problem)
  }
  return ctx.errorCount === before
}

function hasDuration(scenario: LooseScenario): boolean {
  return Object.prototype.hasOwnProperty.call(scenario.fields, 'durationMs')
}

function workProblem(size: RunSize): ProblemParams['run-too-large'] | undefined {
  const work = runWork(size)
  if (work <= MAX_RUN_WORK) return undefined
  return {
    durationMs: size.durationMs,
    replicas: size.replicas,
    brokers: size.brokers,
    clients: size.clients,
    work,
    maximum: MAX_RUN_WORK,
  }
}

/**
 * The budgets a run of an accepted spec for `durationMs` (the CLI's --duration) would exceed,
 * as problems at `path`: the duration and the work. Empty when the run is within them.
 *
 * @example
 * runBudgetProblems(spec, 31_536_000_000, '--duration') // [--duration: 31,536,000,000 ms (8760 h) of simulated time; the limit is …]
 */
export function runBudgetProblems(
  spec: SimulationSpec,
  durationMs: number,
  path: string,
): Problem[] {
  if (durationMs > MAX_DURATION_MS) {
    return [
      makeProblem(path, 'over-budget', {
        budget: 'duration',
        got: durationMs,
        maximum: MAX_DURATION_MS,
      }),
    ]
  }
  const problem = workProblem(specSize(spec, durationMs))
  return problem === undefined ? [] : [makeProblem(path, 'run-too-large', problem)]
}
