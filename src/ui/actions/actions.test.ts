/**
 * The actions registry: every fault action exists with its exact label and
 * injects the matching Fault, its `isEnabled` follows the snapshot, and toolbar shortcuts resolve
 * from key events.
 */
import { describe, expect, it, vi } from 'vitest'
import type { Fault } from '../../engine/spec'
import type { AppState } from '../../store/app-store'
import { fixtureSnapshot } from '../../viz/fixtures'
import { actionForKey, actionsFor, getAction, isEnabled, run } from './index'

function stateWith(
  down: number[] = [],
  brokerType?: 'express.m7g.large' | 'kafka.m5.large',
): AppState & { injected: Fault[] } {
  const injected: Fault[] = []
  const snapshot = fixtureSnapshot({ down })
  return {
    snapshot,
    spec: { cluster: brokerType === undefined ? {} : { brokerType } },
    injected,
    inject: vi.fn((fault: Fault) => injected.push(fault)),
    violation: null,
    focusTopic: null,
    focusBroker: null,
    togglePlay: vi.fn(),
    step: vi.fn(),
  } as unknown as AppState & { injected: Fault[] }
}

describe('fault actions', () => {
  it('have their exact labels, per target', () => {
    const labels = (kind: 'broker' | 'zone' | 'controller' | 'none') =>
      actionsFor(kind).map((a) => a.label)
    expect(labels('broker')).toEqual(
      expect.arrayContaining([
        'Crash broker',
        'Start broker',
        'Controlled shutdown',
        'Isolate broker',
        'Heal broker',
        'Slow broker',
        'Replace volume',
      ]),
    )
    expect(labels('zone')).toEqual(['Stop zone', 'Start zone', 'Isolate zone', 'Heal zone'])
    expect(labels('controller')).toEqual(['Crash controller', 'Start controller'])
    expect(labels('none')).toEqual(
      expect.arrayContaining(['Rolling restart', 'Preferred election']),
    )
  })

  it.each<
    [string, { kind: 'broker' | 'zone' | 'controller' | 'none'; [k: string]: unknown }, Fault]
  >([
    ['crashBroker', { kind: 'broker', id: 2 }, { type: 'crashBroker', broker: 2 }],
    ['shutdownBroker', { kind: 'broker', id: 2 }, { type: 'shutdownBroker', broker: 2 }],
    ['replaceVolume', { kind: 'broker', id: 2 }, { type: 'replaceVolume', broker: 2 }],
    ['isolateBroker', { kind: 'broker', id: 2 }, { type: 'isolateBroker', broker: 2 }],
    [
      'slowBroker',
      { kind: 'broker', id: 2 },
      { type: 'slowBroker', broker: 2, fetchDelayMs: 5000 },
    ],
    ['stopZone', { kind: 'zone', name: 'use1-az1' }, { type: 'stopZone', zone: 'use1-az1' }],
    ['isolateZone', { kind: 'zone', name: 'use1-az1' }, { type: 'isolateZone', zone: 'use1-az1' }],
    [
      'crashController',
      { kind: 'controller', id: 1002 },
      { type: 'crashController', controller: 1002 },
    ],
    ['rollingRestart', { kind: 'none' }, { type: 'rollingRestart' }],
    ['preferredElection', { kind: 'none' }, { type: 'electLeaders', election: 'PREFERRED' }],
  ])('%s injects its fault', (name, target, fault) => {
    const state = stateWith()
    expect(run(getAction(name), state, target as never)).toBe(true)
    expect(state.injected).toEqual([fault])
  })

  it('enables start only for an offline broker and crash only for a running one', () => {
    const state = stateWith([3])
    expect(isEnabled(getAction('crashBroker'), state, { kind: 'broker', id: 3 })).toBe(false)
    expect(isEnabled(getAction('startBroker'), state, { kind: 'broker', id: 3 })).toBe(true)
    expect(isEnabled(getAction('startBroker'), state, { kind: 'broker', id: 1 })).toBe(false)
    expect(isEnabled(getAction('healZone'), state, { kind: 'zone', name: 'use1-az1' })).toBe(false)
    expect(run(getAction('startBroker'), state, { kind: 'broker', id: 1 })).toBe(false)
    expect(state.injected).toEqual([])
  })

  it('offers Replace volume on Standard and untyped brokers, running or not, but not on Express', () => {
    const replace = getAction('replaceVolume')
    const target = { kind: 'broker', id: 3 } as const
    expect(isEnabled(replace, stateWith([3]), target)).toBe(true)
    expect(isEnabled(replace, stateWith([], 'kafka.m5.large'), target)).toBe(true)
    expect(isEnabled(replace, stateWith([], 'express.m7g.large'), target)).toBe(false)
  })

  it('refuses a target of the wrong kind', () => {
    const state = stateWith()
    expect(run(getAction('crashBroker'), state, { kind: 'zone', name: 'use1-az1' })).toBe(false)
  })
})

describe('shortcuts', () => {
  it('map Space, →, Shift+R and Shift+E to their actions', () => {
    expect(actionForKey({ key: ' ', shiftKey: false })?.name).toBe('togglePlay')
    expect(actionForKey({ key: 'ArrowRight', shiftKey: false })?.name).toBe('step')
    expect(actionForKey({ key: 'R', shiftKey: true })?.name).toBe('rollingRestart')
    expect(actionForKey({ key: 'E', shiftKey: true })?.name).toBe('preferredElection')
    expect(actionForKey({ key: 'r', shiftKey: false })).toBeUndefined()
  })
})
