/**
 * The closing "Try it yourself" box of a guided scenario, on its last step and in its recap: the
 * suggestion's text and, when the scenario has a variant, the button that loads it ("Try it:
 * set min.insync.replicas to 2"), with the reason when it could not. In the variant's own run
 * the same text says what the variant changed and what to look for, under "In this variant".
 */
import { useT } from '../i18n/react'

/** The variant a click loads. */
export interface TryItOffer {
  label: string
  onTry: () => void
  /** The click is being answered: the button is disabled meanwhile. */
  pending?: boolean
  /** Why the last click loaded nothing. */
  error?: string | null
}

export interface TryItBoxProps {
  /** `narration.tryIt`, or ''. */
  text: string
  offer?: TryItOffer | null
  /** This run is the variant the text describes. */
  isVariant?: boolean
}

export function TryItBox({ text, offer = null, isVariant = false }: TryItBoxProps) {
  const t = useT()
  if (text === '' && offer === null) return null
  return (
    <div className="flex flex-col items-start gap-2 rounded border border-ok p-2">
      <h3 className="font-semibold">{t(isVariant ? 'tryIt.variantTitle' : 'tryIt.title')}</h3>
      {text !== '' && <p>{text}</p>}
      {offer !== null && (
        <button
          type="button"
          className="btn btn-primary"
          disabled={offer.pending === true}
          aria-busy={offer.pending === true}
          onClick={offer.onTry}
        >
          {t('tryIt.button', { label: offer.label })}
        </button>
      )}
      {offer?.error != null && (
        <p role="alert" className="text-danger">
          {offer.error}
        </p>
      )}
    </div>
  )
}
