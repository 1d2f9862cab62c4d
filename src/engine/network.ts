/**
 * Who can talk to whom. Links are derived from broker/zone/controller state on every question,
 * so faults only flip flags. Scopes follow the fault model: an isolation cuts links to the
 * control plane ('controllers'), to other brokers ('brokers') or to clients ('clients').
 *
 * Simplification: links are symmetric and either up or down; there is no packet loss.
 */
import { brokerAt, type Ctx } from './context'
import { asBrokerIndex, type BrokerIndex } from './ids'
import type { BrokerState, ControllerNodeState } from './state'
import type { IsolationScope } from './spec'

/** The broker process is up and serving requests (not starting, not stopped). */
export function serving(b: BrokerState): boolean {
  return b.processUp && b.hostUp && (b.status === 'online' || b.status === 'shutting-down')
}

export function controllerUp(ctx: Ctx, c: ControllerNodeState): boolean {
  return c.up && !(ctx.s.zones[c.zone] as { stopped: boolean }).stopped
}

function zoneCut(ctx: Ctx, za: number, zb: number, scope: IsolationScope): boolean {
  if (za === zb) return false
  const zones = ctx.s.zones
  return (
    (zones[za] as { isolatedFrom: IsolationScope[] }).isolatedFrom.includes(scope) ||
    (zones[zb] as { isolatedFrom: IsolationScope[] }).isolatedFrom.includes(scope)
  )
}

export function brokerLink(ctx: Ctx, a: BrokerIndex, b: BrokerIndex): boolean {
  const x = brokerAt(ctx, a)
  const y = brokerAt(ctx, b)
  if (!serving(x) || !serving(y)) return false
  if (a === b) return true
  if (x.isolatedFrom.includes('brokers') || y.isolatedFrom.includes('brokers')) return false
  return !zoneCut(ctx, x.zone, y.zone, 'brokers')
}

/**
 * A follower on broker `follower` can fetch from broker `leader`: a link between the two, and the
 * leader accepts connections (a KRaft broker not yet unfenced since it started does not).
 */
export function fetchLink(ctx: Ctx, follower: BrokerIndex, leader: BrokerIndex): boolean {
  return brokerLink(ctx, follower, leader) && brokerAt(ctx, leader).listening
}

/** A broker process (serving or starting) can reach controller node `c`. */
export function brokerToControllerNode(ctx: Ctx, b: BrokerIndex, c: number): boolean {
  const x = brokerAt(ctx, b)
  const node = ctx.s.controllers[c] as ControllerNodeState
  if (!x.processUp || !x.hostUp || x.status === 'offline') return false
  if (!controllerUp(ctx, node)) return false
  if (x.isolatedFrom.includes('controllers')) return false
  return !zoneCut(ctx, x.zone, node.zone, 'controllers')
}

export function controllerLink(ctx: Ctx, a: number, b: number): boolean {
  const x = ctx.s.controllers[a] as ControllerNodeState
  const y = ctx.s.controllers[b] as ControllerNodeState
  if (!controllerUp(ctx, x) || !controllerUp(ctx, y)) return false
  return !zoneCut(ctx, x.zone, y.zone, 'controllers')
}

export function clientToBroker(ctx: Ctx, b: BrokerIndex): boolean {
  const x = brokerAt(ctx, b)
  if (!serving(x) || !x.listening) return false
  if (x.isolatedFrom.includes('clients')) return false
  return !(ctx.s.zones[x.zone] as { isolatedFrom: IsolationScope[] }).isolatedFrom.includes(
    'clients',
  )
}

/**
 * The controller nodes that form a connected majority, or [] when none does. With several
 * candidates (impossible for a strict majority) the first found wins.
 */
export function majorityComponent(ctx: Ctx): number[] {
  const n = ctx.s.controllers.length
  const seen = new Array<boolean>(n).fill(false)
  for (let i = 0; i < n; i++) {
    if (seen[i] || !controllerUp(ctx, ctx.s.controllers[i] as ControllerNodeState)) continue
    const component: number[] = []
    const stack = [i]
    seen[i] = true
    while (stack.length > 0) {
      const x = stack.pop() as number
      component.push(x)
      for (let j = 0; j < n; j++) {
        if (!seen[j] && controllerLink(ctx, x, j)) {
          seen[j] = true
          stack.push(j)
        }
      }
    }
    if (component.length * 2 > n) return component.sort((a, b) => a - b)
  }
  return []
}

/** ZooKeeper mode: broker `b` can keep a session (reaches a node of the ensemble's majority). */
export function zkReachable(ctx: Ctx, b: BrokerIndex, majority: readonly number[]): boolean {
  for (const c of majority) if (brokerToControllerNode(ctx, b, c)) return true
  return false
}

/**
 * Broker `b` can exchange requests with the active controller right now: KRaft, the active
 * controller node; ZooKeeper, the controller broker, which itself must hold a ZooKeeper session.
 */
export function connectedToController(ctx: Ctx, b: BrokerIndex): boolean {
  const active = ctx.s.activeController
  if (active < 0) return false
  // Only a serving broker applies metadata; a starting one catches up when it is ready.
  if (!serving(brokerAt(ctx, b))) return false
  if (ctx.spec.cluster.controller === 'kraft') return brokerToControllerNode(ctx, b, active)
  const x = brokerAt(ctx, b)
  if (!x.registered) return false
  if (b === active) return serving(x)
  // The controller broker's control channel: both serving, neither cut off from the control plane.
  const y = brokerAt(ctx, asBrokerIndex(active))
  if (!serving(x) || !serving(y)) return false
  if (x.isolatedFrom.includes('controllers') || y.isolatedFrom.includes('controllers')) return false
  return !zoneCut(ctx, x.zone, y.zone, 'controllers')
}

export function latencyBetweenBrokers(ctx: Ctx, a: BrokerIndex, b: BrokerIndex): number {
  const x = brokerAt(ctx, a)
  const y = brokerAt(ctx, b)
  return x.zone === y.zone ? ctx.latencyInZoneMs : ctx.latencyCrossZoneMs
}
