/**
 * Playback controls (Play/Pause, Step, Speed, the sim clock) and cluster-wide admin actions
 * (rolling restart, preferred election), all through the actions registry.
 */
import { ActionButton } from './ActionButton'
import { getAction, run } from './actions'
import { SimClock } from './SimClock'
import { SpeedSlider } from './SpeedSlider'
import { useAppStore, useStoreApi } from './store-context'

export function Toolbar() {
  const store = useStoreApi()
  const playing = useAppStore((state) => state.playing)
  const canPlay = useAppStore((state) => state.snapshot !== null && state.violation === null)
  const canStep = useAppStore((state) => state.snapshot !== null)
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-border bg-panel px-4 py-2">
      <div role="toolbar" aria-label="Playback" className="flex items-center gap-2">
        <button
          type="button"
          className="btn btn-primary w-20"
          disabled={!canPlay}
          aria-keyshortcuts="Space"
          title={`${playing ? 'Pause' : 'Play'} (Space)`}
          onClick={() => run(getAction('togglePlay'), store.getState(), { kind: 'none' })}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!canStep}
          aria-keyshortcuts="ArrowRight"
          title="Step to the next event (→)"
          onClick={() => run(getAction('step'), store.getState(), { kind: 'none' })}
        >
          Step
        </button>
        <SpeedSlider />
        <SimClock />
      </div>
      <div role="toolbar" aria-label="Cluster actions" className="flex items-center gap-2">
        <ActionButton name="rollingRestart" />
        <ActionButton name="preferredElection" />
      </div>
    </div>
  )
}
