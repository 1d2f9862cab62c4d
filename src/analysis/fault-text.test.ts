/**
 * The analysis layer's fault wording matches the engine's, case by case: the table has an entry
 * for every fault type (the `Record` makes a new type a compile error until it is added here), with
 * and without each optional field.
 */
import { describe, expect, it } from 'vitest'
import { describeFault as engineDescribeFault } from '../engine/faults'
import type { Fault, FaultType } from '../engine/spec'
import { describeFault } from './fault-text'

const FAULTS: Record<FaultType, Fault[]> = {
  crashBroker: [{ type: 'crashBroker', broker: 1 }],
  startBroker: [{ type: 'startBroker', broker: 2 }],
  shutdownBroker: [{ type: 'shutdownBroker', broker: 3 }],
  isolateBroker: [
    { type: 'isolateBroker', broker: 4 },
    { type: 'isolateBroker', broker: 4, from: ['clients'] },
    { type: 'isolateBroker', broker: 4, from: ['controllers', 'brokers'] },
  ],
  healBroker: [{ type: 'healBroker', broker: 5 }],
  stopZone: [{ type: 'stopZone', zone: 'use1-az1' }],
  startZone: [{ type: 'startZone', zone: 'use1-az2' }],
  isolateZone: [
    { type: 'isolateZone', zone: 'use1-az3' },
    { type: 'isolateZone', zone: 'use1-az3', from: ['brokers'] },
  ],
  healZone: [{ type: 'healZone', zone: 'use1-az3' }],
  slowBroker: [{ type: 'slowBroker', broker: 6, fetchDelayMs: 800 }],
  unslowBroker: [{ type: 'unslowBroker', broker: 6 }],
  crashController: [{ type: 'crashController', controller: 1001 }],
  startController: [{ type: 'startController', controller: 1002 }],
  rollingRestart: [
    { type: 'rollingRestart' },
    { type: 'rollingRestart', brokers: [1, 3], restartMs: 10_000 },
  ],
  electLeaders: [
    { type: 'electLeaders', election: 'PREFERRED' },
    { type: 'electLeaders', election: 'UNCLEAN', topic: 'orders' },
    { type: 'electLeaders', election: 'PREFERRED', topic: 'orders', partition: 2 },
  ],
}

describe('describeFault', () => {
  it.each(Object.values(FAULTS).flat())('words %j as the engine does', (fault) => {
    expect(describeFault(fault)).toBe(engineDescribeFault(fault))
  })

  it('reads as the event log does', () => {
    expect(
      describeFault({ type: 'isolateBroker', broker: 2, from: ['controllers', 'clients'] }),
    ).toBe('broker 2 from controllers, clients')
  })
})
