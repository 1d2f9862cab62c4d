/**
 * Over the topology while the simulation host works through a long load or seek (a share link
 * at t = 24 h, a seek hours ahead): after half a second, how far it has got as a progress bar
 * ("Simulating 00:12:30 of 24:00:00", with its percentage in words too, so the bar's colour is
 * never the only signal) and a Cancel button. Shorter work shows nothing, so a normal seek does
 * not flash a panel. Cancel stops the host between two pieces of work (progress-slice.ts says
 * what it leaves); the notice then says where the simulation is.
 */
import { useEffect, useId, useState } from 'react'
import type { HostProgress } from '../host/protocol'
import { useAppStore } from './store-context'

/** Work that ends sooner than this shows no progress at all. */
export const SHOW_AFTER_MS = 500

/**
 * "00:12:30": hours, minutes and whole seconds. The app's usual `mm:ss.mmm` (formatSimTime)
 * counts minutes past 59, which at this length reads "1440:00.000" for a day.
 */
export function progressTime(ms: number): string {
  const whole = Math.max(0, Math.floor(ms / 1000))
  const two = (n: number) => String(n).padStart(2, '0')
  const hours = Math.floor(whole / 3600)
  return `${two(hours)}:${two(Math.floor((whole % 3600) / 60))}:${two(whole % 60)}`
}

/** How far along, 0–100, in whole percent (a run that has nowhere to go is done). */
export function progressPercent({ fromMs, reachedMs, targetMs }: HostProgress): number {
  if (targetMs <= fromMs) return 100
  const share = (reachedMs - fromMs) / (targetMs - fromMs)
  return Math.min(100, Math.max(0, Math.floor(share * 100)))
}

/** What Cancel will leave, said before it is pressed. */
function cancelText(progress: HostProgress, firstLoad: boolean): string {
  if (progress.job === 'seek') return 'Cancel stops at the time reached.'
  return firstLoad
    ? 'Cancel shows the scenario from the time reached.'
    : 'Cancel keeps the scenario you had open.'
}

export interface LoadProgressProps {
  /** No snapshot yet (the first load): until the progress shows, say the simulation is starting. */
  starting: boolean
}

export function LoadProgress({ starting }: LoadProgressProps) {
  const progress = useAppStore((state) => state.hostProgress)
  if (progress === null) return starting ? <Starting /> : null
  return <DelayedProgress progress={progress} starting={starting} />
}

function Starting() {
  return (
    <p role="status" className="p-6 text-sm text-muted">
      Starting the simulation…
    </p>
  )
}

/** Mounted for one long request; shows itself after SHOW_AFTER_MS. */
function DelayedProgress({ progress, starting }: { progress: HostProgress; starting: boolean }) {
  const [shown, setShown] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), SHOW_AFTER_MS)
    return () => clearTimeout(timer)
  }, [])
  if (!shown) return starting ? <Starting /> : null
  return <ProgressPanel progress={progress} starting={starting} />
}

function ProgressPanel({ progress, starting }: { progress: HostProgress; starting: boolean }) {
  const labelId = useId()
  const cancelling = useAppStore((state) => state.cancelRequestedAt !== null)
  const cancel = useAppStore((state) => state.cancelHostJob)
  const firstLoad = useAppStore((state) => state.generation === 0)
  const percent = progressPercent(progress)
  const reached = progressTime(progress.reachedMs)
  const target = progressTime(progress.targetMs)
  const what = progress.job === 'load' ? 'Opening the scenario at' : 'Going to'
  // Laid out in the page while nothing is drawn yet, over the topology otherwise.
  const place = starting ? 'm-4' : 'absolute inset-x-4 top-4 z-10'
  return (
    <section
      aria-label="Simulation progress"
      className={`${place} flex flex-col gap-2 rounded border border-border bg-panel p-3 text-sm shadow-lg`}
    >
      <p id={labelId} className="font-semibold">
        Simulating {reached} of {target}
      </p>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={progress.fromMs}
        aria-valuemax={progress.targetMs}
        aria-valuenow={progress.reachedMs}
        aria-valuetext={`${reached} of ${target} simulated, ${percent}%`}
        className="h-2 overflow-hidden rounded border border-border"
      >
        <div className="h-full bg-focus" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-muted">
        {percent}% · {what} {target}. {cancelText(progress, firstLoad)}
      </p>
      {/* Said once when the panel appears; the bar's value is there for whoever asks. */}
      <p role="status" className="sr-only">
        {`Simulating to ${target}; this takes a while. ${cancelText(progress, firstLoad)}`}
      </p>
      <div>
        <button type="button" className="btn" disabled={cancelling} onClick={cancel}>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
    </section>
  )
}
