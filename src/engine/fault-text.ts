/**
 * A fault in words, as the event log's FaultApplied detail words it ("broker 2 from controllers,
 * clients"). A module of its own with no runtime imports, so the page (the Markdown review,
 * through src/analysis) can word faults without loading the engine's fault handling.
 */
import type { Fault, IsolationScope } from './spec'

const ALL_SCOPES: readonly IsolationScope[] = ['controllers', 'brokers', 'clients']

export function describeFault(fault: Fault): string {
  switch (fault.type) {
    case 'crashBroker':
    case 'startBroker':
    case 'shutdownBroker':
    case 'healBroker':
    case 'unslowBroker':
    case 'replaceVolume':
      return `broker ${fault.broker}`
    case 'isolateBroker':
      return `broker ${fault.broker} from ${(fault.from ?? ALL_SCOPES).join(', ')}`
    case 'slowBroker':
      return `broker ${fault.broker}, fetch delay ${fault.fetchDelayMs} ms`
    case 'stopZone':
    case 'startZone':
    case 'healZone':
      return `zone ${fault.zone}`
    case 'isolateZone':
      return `zone ${fault.zone} from ${(fault.from ?? ALL_SCOPES).join(', ')}`
    case 'crashController':
    case 'startController':
      return `controller ${fault.controller}`
    case 'rollingRestart':
      return `brokers ${fault.brokers === undefined ? 'all' : fault.brokers.join(', ')}`
    case 'crashClient':
    case 'startClient':
      return `client ${fault.client}${fault.member === undefined ? '' : ` member ${fault.member}`}`
    case 'upgradeCluster':
      return `to Kafka ${fault.toVersion}`
    case 'electLeaders':
      return `${fault.election}${fault.topic === undefined ? '' : ` ${fault.topic}`}${fault.partition === undefined ? '' : `-${fault.partition}`}`
  }
}
