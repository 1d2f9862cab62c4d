/**
 * The words for each fault type, as the event log's FaultApplied detail and the Markdown review
 * print them; the `Record` makes a new fault type a compile error until it has a row here.
 */
import { describe, expect, it } from 'vitest'
import { describeFault } from './fault-text'
import type { Fault, FaultType } from './spec'

const ROWS: Record<FaultType, [Fault, string][]> = {
  crashBroker: [[{ type: 'crashBroker', broker: 1 }, 'broker 1']],
  startBroker: [[{ type: 'startBroker', broker: 2 }, 'broker 2']],
  shutdownBroker: [[{ type: 'shutdownBroker', broker: 3 }, 'broker 3']],
  isolateBroker: [
    [{ type: 'isolateBroker', broker: 4 }, 'broker 4 from controllers, brokers, clients'],
    [{ type: 'isolateBroker', broker: 4, from: ['clients'] }, 'broker 4 from clients'],
  ],
  healBroker: [[{ type: 'healBroker', broker: 5 }, 'broker 5']],
  stopZone: [[{ type: 'stopZone', zone: 'use1-az1' }, 'zone use1-az1']],
  startZone: [[{ type: 'startZone', zone: 'use1-az2' }, 'zone use1-az2']],
  isolateZone: [
    [{ type: 'isolateZone', zone: 'use1-az3', from: ['brokers'] }, 'zone use1-az3 from brokers'],
  ],
  healZone: [[{ type: 'healZone', zone: 'use1-az3' }, 'zone use1-az3']],
  slowBroker: [
    [{ type: 'slowBroker', broker: 6, fetchDelayMs: 800 }, 'broker 6, fetch delay 800 ms'],
  ],
  unslowBroker: [[{ type: 'unslowBroker', broker: 6 }, 'broker 6']],
  replaceVolume: [[{ type: 'replaceVolume', broker: 2 }, 'broker 2']],
  crashController: [[{ type: 'crashController', controller: 1001 }, 'controller 1001']],
  startController: [[{ type: 'startController', controller: 1002 }, 'controller 1002']],
  rollingRestart: [
    [{ type: 'rollingRestart' }, 'brokers all'],
    [{ type: 'rollingRestart', brokers: [1, 3], restartMs: 10_000 }, 'brokers 1, 3'],
  ],
  crashClient: [
    [{ type: 'crashClient', client: 'orders-producer' }, 'client orders-producer'],
    [{ type: 'crashClient', client: 'readers', member: 1 }, 'client readers member 1'],
  ],
  startClient: [[{ type: 'startClient', client: 'readers', member: 0 }, 'client readers member 0']],
  upgradeCluster: [[{ type: 'upgradeCluster', toVersion: '4.0' }, 'to Kafka 4.0']],
  electLeaders: [
    [{ type: 'electLeaders', election: 'PREFERRED' }, 'PREFERRED'],
    [{ type: 'electLeaders', election: 'UNCLEAN', topic: 'orders' }, 'UNCLEAN orders'],
    [
      { type: 'electLeaders', election: 'PREFERRED', topic: 'orders', partition: 2 },
      'PREFERRED orders-2',
    ],
  ],
}

describe('describeFault', () => {
  it.each(Object.values(ROWS).flat())('words %j as %j', (fault, words) => {
    expect(describeFault(fault)).toBe(words)
  })
})
