/** The playback speed, 0.25× to 100× on logarithmic 1-2-5 stops. */
import { SPEED_STOPS, formatSpeed, speedToStop, stopToSpeed } from '../store/selectors'
import { useT } from './i18n/react'
import { useAppStore } from './store-context'

export function SpeedSlider() {
  const t = useT()
  const speed = useAppStore((state) => state.speed)
  const setSpeed = useAppStore((state) => state.setSpeed)
  return (
    <label className="flex items-center gap-2 text-sm">
      <span>{t('toolbar.speed')}</span>
      <input
        type="range"
        min={0}
        max={SPEED_STOPS.length - 1}
        step={1}
        value={speedToStop(speed)}
        aria-valuetext={formatSpeed(speed)}
        className="w-28 accent-[var(--in-sync)]"
        onChange={(event) => setSpeed(stopToSpeed(Number(event.target.value)))}
      />
      <span className="w-10 font-mono tabular-nums" aria-hidden="true">
        {formatSpeed(speed)}
      </span>
    </label>
  )
}
