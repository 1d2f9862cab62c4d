/**
 * Faults from the picture. Each maps to one `Fault` of `engine/spec.ts`, injected at the current
 * sim time, so it is recorded in the fault script and replays (and forks when in the past).
 */
import type { BrokerView, ControllerView, ZoneView } from '../../engine/types'
import type { AppState } from '../../store/app-store'
import { isExpressBrokerType } from '../../analysis/capacity-figures'
import { register } from './registry'

/** Fetch delay of "Slow broker": slow enough to feel in acks=all latency at 1×. */
export const SLOW_BROKER_FETCH_DELAY_MS = 5000

function broker(state: AppState, id: number): BrokerView | undefined {
  return state.snapshot?.brokers.find((b) => b.id === id)
}

function zone(state: AppState, name: string): ZoneView | undefined {
  return state.snapshot?.zones.find((z) => z.name === name)
}

function controller(state: AppState, id: number): ControllerView | undefined {
  return state.snapshot?.controllers.find((c) => c.id === id)
}

function zoneOfBrokerStopped(state: AppState, id: number): boolean {
  const b = broker(state, id)
  return b !== undefined && zone(state, b.zone)?.stopped === true
}

register({
  name: 'crashBroker',
  labelKey: 'action.crashBroker',
  target: 'broker',
  group: 'lifecycle',
  isEnabled: (state, t) => (broker(state, t.id)?.status ?? 'offline') !== 'offline',
  perform: (state, t) => state.inject({ type: 'crashBroker', broker: t.id }),
})

register({
  name: 'startBroker',
  labelKey: 'action.startBroker',
  target: 'broker',
  group: 'lifecycle',
  isEnabled: (state, t) =>
    broker(state, t.id)?.status === 'offline' && !zoneOfBrokerStopped(state, t.id),
  perform: (state, t) => state.inject({ type: 'startBroker', broker: t.id }),
})

register({
  name: 'replaceVolume',
  labelKey: 'action.replaceVolume',
  target: 'broker',
  group: 'lifecycle',
  // Express brokers have no volume of their own (MSK manages their storage).
  isEnabled: (state, t) =>
    broker(state, t.id) !== undefined && !isExpressBrokerType(state.spec.cluster.brokerType),
  perform: (state, t) => state.inject({ type: 'replaceVolume', broker: t.id }),
})

register({
  name: 'shutdownBroker',
  labelKey: 'action.shutdownBroker',
  target: 'broker',
  group: 'lifecycle',
  isEnabled: (state, t) => broker(state, t.id)?.status === 'online',
  perform: (state, t) => state.inject({ type: 'shutdownBroker', broker: t.id }),
})

register({
  name: 'isolateBroker',
  labelKey: 'action.isolateBroker',
  target: 'broker',
  group: 'network',
  isEnabled: (state, t) => (broker(state, t.id)?.isolatedFrom.length ?? 1) === 0,
  perform: (state, t) => state.inject({ type: 'isolateBroker', broker: t.id }),
})

register({
  name: 'healBroker',
  labelKey: 'action.healBroker',
  target: 'broker',
  group: 'network',
  isEnabled: (state, t) => (broker(state, t.id)?.isolatedFrom.length ?? 0) > 0,
  perform: (state, t) => state.inject({ type: 'healBroker', broker: t.id }),
})

register({
  name: 'slowBroker',
  labelKey: 'action.slowBroker',
  target: 'broker',
  group: 'network',
  isEnabled: (state, t) => broker(state, t.id)?.fetchDelayMs === 0,
  perform: (state, t) =>
    state.inject({
      type: 'slowBroker',
      broker: t.id,
      fetchDelayMs: SLOW_BROKER_FETCH_DELAY_MS,
    }),
})

register({
  name: 'unslowBroker',
  labelKey: 'action.unslowBroker',
  target: 'broker',
  group: 'network',
  isEnabled: (state, t) => (broker(state, t.id)?.fetchDelayMs ?? 0) > 0,
  perform: (state, t) => state.inject({ type: 'unslowBroker', broker: t.id }),
})

register({
  name: 'stopZone',
  labelKey: 'action.stopZone',
  target: 'zone',
  group: 'lifecycle',
  isEnabled: (state, t) => zone(state, t.name)?.stopped === false,
  perform: (state, t) => state.inject({ type: 'stopZone', zone: t.name }),
})

register({
  name: 'startZone',
  labelKey: 'action.startZone',
  target: 'zone',
  group: 'lifecycle',
  isEnabled: (state, t) => zone(state, t.name)?.stopped === true,
  perform: (state, t) => state.inject({ type: 'startZone', zone: t.name }),
})

register({
  name: 'isolateZone',
  labelKey: 'action.isolateZone',
  target: 'zone',
  group: 'network',
  isEnabled: (state, t) => (zone(state, t.name)?.isolatedFrom.length ?? 1) === 0,
  perform: (state, t) => state.inject({ type: 'isolateZone', zone: t.name }),
})

register({
  name: 'healZone',
  labelKey: 'action.healZone',
  target: 'zone',
  group: 'network',
  isEnabled: (state, t) => (zone(state, t.name)?.isolatedFrom.length ?? 0) > 0,
  perform: (state, t) => state.inject({ type: 'healZone', zone: t.name }),
})

register({
  name: 'crashController',
  labelKey: 'action.crashController',
  target: 'controller',
  group: 'lifecycle',
  isEnabled: (state, t) => controller(state, t.id)?.up === true,
  perform: (state, t) => state.inject({ type: 'crashController', controller: t.id }),
})

register({
  name: 'startController',
  labelKey: 'action.startController',
  target: 'controller',
  group: 'lifecycle',
  isEnabled: (state, t) => controller(state, t.id)?.up === false,
  perform: (state, t) => state.inject({ type: 'startController', controller: t.id }),
})

register({
  name: 'rollingRestart',
  labelKey: 'action.rollingRestart',
  target: 'none',
  // i18n-exempt: key names as keyboards print them
  shortcut: { key: 'R', label: 'Shift+R', shift: true },
  isEnabled: (state) => state.snapshot !== null,
  perform: (state) => state.inject({ type: 'rollingRestart' }),
})

register({
  name: 'preferredElection',
  labelKey: 'action.preferredElection',
  target: 'none',
  // i18n-exempt: key names as keyboards print them
  shortcut: { key: 'E', label: 'Shift+E', shift: true },
  isEnabled: (state) => state.snapshot !== null,
  perform: (state) => state.inject({ type: 'electLeaders', election: 'PREFERRED' }),
})
