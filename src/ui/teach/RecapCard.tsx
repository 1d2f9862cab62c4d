/**
 * The narration's final card, shown when a guided scenario reaches its `durationMs` and playback
 * stops: "What happened", one recap per incident (from the engine's failover records, worded by
 * `incident-text.ts`), the closing "Try it yourself" with its "Try it: <label>" button, and the
 * ways on: Replay or another scenario.
 */
import type { IncidentRecap } from '../../analysis/incident'
import { formatSimTime } from '../../scenario/sim-time'
import { useT } from '../i18n/react'
import { recapSentences } from '../incident-text'
import { TryItBox, type TryItOffer } from './TryItBox'

export interface RecapCardProps {
  durationMs: number
  recaps: readonly IncidentRecap[]
  tryIt?: string
  /** The scenario's variant, loaded by the "Try it: <label>" button. */
  tryItOffer?: TryItOffer | null
  /** This run is the variant `tryIt` describes. */
  isVariant?: boolean
  onReplay?: () => void
  onChooseAnother?: () => void
}

export function RecapCard({
  durationMs,
  recaps,
  tryIt = '',
  tryItOffer = null,
  isVariant = false,
  onReplay,
  onChooseAnother,
}: RecapCardProps) {
  const t = useT()
  return (
    <div className="flex flex-col gap-2">
      <p className="text-xs text-muted">
        {t('recap.end', { time: formatSimTime(durationMs, { milliseconds: false }) })}
      </p>
      <h3 className="font-semibold">{t('recap.title')}</h3>
      {recaps.length === 0 ? (
        <p>{t('recap.none')}</p>
      ) : (
        <ol className="flex list-decimal flex-col gap-2 pl-5">
          {recaps.map((recap, i) => (
            <li key={`${recap.atMs}-${i}`}>
              {recapSentences(recap).map((sentence, k) => (
                <span key={k}>
                  {k > 0 && (
                    <>
                      <span aria-hidden="true"> → </span>
                      <span className="sr-only">{t('recap.then')}</span>
                    </>
                  )}
                  {sentence}
                </span>
              ))}
            </li>
          ))}
        </ol>
      )}
      <TryItBox text={tryIt} offer={tryItOffer} isVariant={isVariant} />
      <div className="flex flex-wrap gap-2">
        {onReplay !== undefined && (
          <button type="button" className="btn btn-primary" onClick={onReplay}>
            {t('recap.replay')}
          </button>
        )}
        {onChooseAnother !== undefined && (
          <button type="button" className="btn" onClick={onChooseAnother}>
            {t('recap.another')}
          </button>
        )}
      </div>
    </div>
  )
}
