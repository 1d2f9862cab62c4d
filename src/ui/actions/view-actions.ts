/**
 * Playback and view commands: play/pause (Space), step to the next event (→), speed up and down,
 * projector mode (P) and drilling into one broker of an aggregated topology.
 */
import { SPEED_STOPS, speedToStop, stopToSpeed } from '../../store/selectors'
import { isAggregated } from '../structure'
import { register } from './registry'

register({
  name: 'togglePlay',
  label: 'Play / Pause',
  target: 'none',
  shortcut: { key: ' ', label: 'Space' },
  isEnabled: (state) => state.snapshot !== null && state.violation === null,
  perform: (state) => state.togglePlay(),
})

register({
  name: 'step',
  label: 'Step',
  target: 'none',
  shortcut: { key: 'ArrowRight', label: '→' },
  isEnabled: (state) => state.snapshot !== null,
  perform: (state) => state.step(),
})

register({
  name: 'faster',
  label: 'Faster',
  target: 'none',
  shortcut: { key: ']', label: ']' },
  isEnabled: (state) => speedToStop(state.speed) < SPEED_STOPS.length - 1,
  perform: (state) => state.setSpeed(stopToSpeed(speedToStop(state.speed) + 1)),
})

register({
  name: 'slower',
  label: 'Slower',
  target: 'none',
  shortcut: { key: '[', label: '[' },
  isEnabled: (state) => speedToStop(state.speed) > 0,
  perform: (state) => state.setSpeed(stopToSpeed(speedToStop(state.speed) - 1)),
})

register({
  name: 'toggleProjector',
  label: 'Projector mode',
  target: 'none',
  shortcut: { key: 'p', label: 'P' },
  isEnabled: () => true,
  perform: (state) => state.toggleProjector(),
})

register({
  name: 'showBrokerDetail',
  label: 'Show replicas in detail',
  target: 'broker',
  group: 'view',
  isVisible: (state, t) => isAggregated(state) && state.focusBroker !== t.id,
  isEnabled: () => true,
  perform: (state, t) => state.focusOnBroker(t.id),
})

register({
  name: 'hideBrokerDetail',
  label: 'Back to overview',
  target: 'broker',
  group: 'view',
  isVisible: (state, t) => isAggregated(state) && state.focusBroker === t.id,
  isEnabled: () => true,
  perform: (state) => state.focusOnBroker(null),
})
