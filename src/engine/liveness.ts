/**
 * Which brokers the controller counts as alive, for elections, ISR membership and the high
 * watermark. Both controllers' predicates live here, apart from the controller's state changes,
 * so the broker side can ask them without importing the controller.
 */
import { brokerAt, findBrokerIdx, type Ctx } from './context'
import { serving } from './network'

/** KRaft `ClusterControlManager.isActive`: registered, unfenced, not in controlled shutdown. */
export function isActiveBroker(ctx: Ctx, id: number): boolean {
  const b = findBrokerIdx(ctx, id)
  if (b < 0) return false
  const broker = brokerAt(ctx, b)
  return broker.registered && !broker.fenced && !broker.inControlledShutdown
}

/** ZooKeeper: the broker holds a live session and is not shutting down. */
export function zkLive(ctx: Ctx, id: number): boolean {
  const b = findBrokerIdx(ctx, id)
  if (b < 0) return false
  const broker = brokerAt(ctx, b)
  return broker.registered && !broker.inControlledShutdown && serving(broker)
}

/**
 * The controller would accept broker `id` into an ISR (AlterPartition's INELIGIBLE_REPLICA check,
 * and Partition.isReplicaIsrEligible on the leader): KRaft, an active broker; ZooKeeper, a live
 * one.
 */
export function eligibleForIsr(ctx: Ctx, id: number): boolean {
  return ctx.spec.cluster.controller === 'kraft' ? isActiveBroker(ctx, id) : zkLive(ctx, id)
}
