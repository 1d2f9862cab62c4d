/**
 * Playback controls (Play/Pause, Step, Speed, the sim clock) and cluster-wide admin actions
 * (rolling restart, preferred election), all through the actions registry. A polite status line
 * explains a Step that jumped far ahead; its box is always there and two lines tall, so a message
 * appearing moves nothing.
 */
import { useId } from 'react'
import { ActionButton } from './ActionButton'
import { useT } from './i18n/react'
import { getAction, run } from './actions'
import { SimClock } from './SimClock'
import { SpeedSlider } from './SpeedSlider'
import { stepStatusText } from './step-status'
import { useAppStore, useStoreApi } from './store-context'

export function Toolbar() {
  const store = useStoreApi()
  const t = useT()
  const playing = useAppStore((state) => state.playing)
  const canPlay = useAppStore((state) => state.snapshot !== null && state.violation === null)
  const canStep = useAppStore((state) => state.snapshot !== null)
  const stepStatus = useAppStore((state) => stepStatusText(state.lastStep))
  const stepHelpId = useId()
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-border bg-panel px-4 py-2">
      <div
        role="toolbar"
        aria-label={t('toolbar.playback')}
        data-region="playback"
        className="flex flex-wrap items-center gap-2"
      >
        <button
          type="button"
          className="btn btn-primary w-20"
          disabled={!canPlay}
          aria-keyshortcuts="Space"
          title={t('header.shortcut', {
            action: t(playing ? 'toolbar.pause' : 'toolbar.play'),
            shortcut: 'Space',
          })}
          onClick={() => run(getAction('togglePlay'), store.getState(), { kind: 'none' })}
        >
          {t(playing ? 'toolbar.pause' : 'toolbar.play')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!canStep}
          aria-keyshortcuts="ArrowRight"
          aria-describedby={stepHelpId}
          title={t('toolbar.stepTitle')}
          onClick={() => run(getAction('step'), store.getState(), { kind: 'none' })}
        >
          {t('toolbar.step')}
        </button>
        <span id={stepHelpId} hidden>
          {t('toolbar.stepHelp')}
        </span>
        <SpeedSlider />
        <SimClock />
      </div>
      <div
        role="toolbar"
        aria-label={t('toolbar.clusterActions')}
        className="flex items-center gap-2"
      >
        <ActionButton name="rollingRestart" />
        <ActionButton name="preferredElection" />
      </div>
      <p
        role="status"
        aria-label={t('toolbar.lastStep')}
        className="line-clamp-2 min-h-8 min-w-0 flex-1 basis-64 text-xs leading-4 text-muted"
      >
        {stepStatus}
      </p>
    </div>
  )
}
