/**
 * A fault in words, as the engine's event log words it ("broker 2 from controllers, clients").
 * The engine's own `describeFault` lives in its fault module, which imports the controller and
 * the control plane; the Markdown review runs on the page, where the engine must not be loaded
 * (src/host runs it). So the wording is kept here too, and `fault-text.test.ts` checks it against
 * the engine's for every fault type.
 */
import type { Fault, IsolationScope } from '../engine/spec'

const ALL_SCOPES: readonly IsolationScope[] = ['controllers', 'brokers', 'clients']

/** @example describeFault({ type: 'slowBroker', broker: 3, fetchDelayMs: 800 }) // "broker 3, fetch delay 800 ms" */
export function describeFault(fault: Fault): string {
  switch (fault.type) {
    case 'crashBroker':
    case 'startBroker':
    case 'shutdownBroker':
    case 'healBroker':
    case 'unslowBroker':
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
    case 'electLeaders': {
      const topic = fault.topic === undefined ? '' : ` ${fault.topic}`
      const partition = fault.partition === undefined ? '' : `-${fault.partition}`
      return `${fault.election}${topic}${partition}`
    }
  }
}
