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
  label: 'Crash broker',
  target: 'broker',
  group: 'lifecycle',
  isEnabled: (state, t) => (broker(state, t.id)?.status ?? 'offline') !== 'offline',
  perform: (state, t) => state.inject({ type: 'crashBroker', broker: t.id }),
})

register({
  name: 'startBroker',
  label: 'Start broker',
  target: 'broker',
  group: 'lifecycle',
  isEnabled: (state, t) =>
    broker(state, t.id)?.status === 'offline' && !zoneOfBrokerStopped(state, t.id),
  perform: (state, t) => state.inject({ type: 'startBroker', broker: t.id }),
})

register({
  name: 'replaceVolume',
  label: 'Replace volume',
  target: 'broker',
  group: 'lifecycle',
  // Express brokers have no volume of their own (MSK manages their storage).
  isEnabled: (state, t) =>
    broker(state, t.id) !== undefined && !isExpressBrokerType(state.spec.cluster.brokerType),
  perform: (state, t) => state.inject({ type: 'replaceVolume', broker: t.id }),
})

register({
  name: 'shutdownBroker',
  label: 'Controlled shutdown',
  target: 'broker',
  group: 'lifecycle',
  isEnabled: (state, t) => broker(state, t.id)?.status === 'online',
  perform: (state, t) => state.inject({ type: 'shutdownBroker', broker: t.id }),
})

register({
  name: 'isolateBroker',
  label: 'Isolate broker',
  target: 'broker',
  group: 'network',
  isEnabled: (state, t) => (broker(state, t.id)?.isolatedFrom.length ?? 1) === 0,
  perform: (state, t) => state.inject({ type: 'isolateBroker', broker: t.id }),
})

register({
  name: 'healBroker',
  label: 'Heal broker',
  target: 'broker',
  group: 'network',
  isEnabled: (state, t) => (broker(state, t.id)?.isolatedFrom.length ?? 0) > 0,
  perform: (state, t) => state.inject({ type: 'healBroker', broker: t.id }),
})

register({
  name: 'slowBroker',
  label: 'Slow broker',
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
  label: 'Unslow broker',
  target: 'broker',
  group: 'network',
  isEnabled: (state, t) => (broker(state, t.id)?.fetchDelayMs ?? 0) > 0,
  perform: (state, t) => state.inject({ type: 'unslowBroker', broker: t.id }),
})

register({
  name: 'stopZone',
  label: 'Stop zone',
  target: 'zone',
  group: 'lifecycle',
  isEnabled: (state, t) => zone(state, t.name)?.stopped === false,
  perform: (state, t) => state.inject({ type: 'stopZone', zone: t.name }),
})

register({
  name: 'startZone',
  label: 'Start zone',
  target: 'zone',
  group: 'lifecycle',
  isEnabled: (state, t) => zone(state, t.name)?.stopped === true,
  perform: (state, t) => state.inject({ type: 'startZone', zone: t.name }),
})

register({
  name: 'isolateZone',
  label: 'Isolate zone',
  target: 'zone',
  group: 'network',
  isEnabled: (state, t) => (zone(state, t.name)?.isolatedFrom.length ?? 1) === 0,
  perform: (state, t) => state.inject({ type: 'isolateZone', zone: t.name }),
})

register({
  name: 'healZone',
  label: 'Heal zone',
  target: 'zone',
  group: 'network',
  isEnabled: (state, t) => (zone(state, t.name)?.isolatedFrom.length ?? 0) > 0,
  perform: (state, t) => state.inject({ type: 'healZone', zone: t.name }),
})

register({
  name: 'crashController',
  label: 'Crash controller',
  target: 'controller',
  group: 'lifecycle',
  isEnabled: (state, t) => controller(state, t.id)?.up === true,
  perform: (state, t) => state.inject({ type: 'crashController', controller: t.id }),
})

register({
  name: 'startController',
  label: 'Start controller',
  target: 'controller',
  group: 'lifecycle',
  isEnabled: (state, t) => controller(state, t.id)?.up === false,
  perform: (state, t) => state.inject({ type: 'startController', controller: t.id }),
})

register({
  name: 'rollingRestart',
  label: 'Rolling restart',
  target: 'none',
  shortcut: { key: 'R', label: 'Shift+R', shift: true },
  isEnabled: (state) => state.snapshot !== null,
  perform: (state) => state.inject({ type: 'rollingRestart' }),
})

register({
  name: 'preferredElection',
  label: 'Preferred election',
  target: 'none',
  shortcut: { key: 'E', label: 'Shift+E', shift: true },
  isEnabled: (state) => state.snapshot !== null,
  perform: (state) => state.inject({ type: 'electLeaders', election: 'PREFERRED' }),
})
