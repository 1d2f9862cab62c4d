/**
 * Playback and view commands: play/pause (Space), step to the next event (→), speed up and down,
 * projector mode (P) and drilling into one broker of an aggregated topology.
 */
import { SPEED_STOPS, speedToStop, stopToSpeed } from '../../store/selectors'
import { isAggregated } from '../structure'
import { register } from './registry'

register({
  name: 'togglePlay',
  labelKey: 'action.togglePlay',
  target: 'none',
  // i18n-exempt: key names as keyboards print them
  shortcut: { key: ' ', label: 'Space' },
  isEnabled: (state) => state.snapshot !== null && state.violation === null,
  perform: (state) => state.togglePlay(),
})

register({
  name: 'step',
  labelKey: 'action.step',
  target: 'none',
  shortcut: { key: 'ArrowRight', label: '→' },
  isEnabled: (state) => state.snapshot !== null,
  perform: (state) => state.step(),
})

register({
  name: 'faster',
  labelKey: 'action.faster',
  target: 'none',
  shortcut: { key: ']', label: ']' },
  isEnabled: (state) => speedToStop(state.speed) < SPEED_STOPS.length - 1,
  perform: (state) => state.setSpeed(stopToSpeed(speedToStop(state.speed) + 1)),
})

register({
  name: 'slower',
  labelKey: 'action.slower',
  target: 'none',
  shortcut: { key: '[', label: '[' },
  isEnabled: (state) => speedToStop(state.speed) > 0,
  perform: (state) => state.setSpeed(stopToSpeed(speedToStop(state.speed) - 1)),
})

register({
  name: 'toggleProjector',
  labelKey: 'action.toggleProjector',
  target: 'none',
  // i18n-exempt: key names as keyboards print them
  shortcut: { key: 'p', label: 'P' },
  isEnabled: () => true,
  perform: (state) => state.toggleProjector(),
})

register({
  name: 'showBrokerDetail',
  labelKey: 'action.showBrokerDetail',
  target: 'broker',
  group: 'view',
  isVisible: (state, t) => isAggregated(state) && state.focusBroker !== t.id,
  isEnabled: () => true,
  perform: (state, t) => state.focusOnBroker(t.id),
})

register({
  name: 'hideBrokerDetail',
  labelKey: 'action.hideBrokerDetail',
  target: 'broker',
  group: 'view',
  isVisible: (state, t) => isAggregated(state) && state.focusBroker === t.id,
  isEnabled: () => true,
  perform: (state) => state.focusOnBroker(null),
})
