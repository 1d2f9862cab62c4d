/**
 * Shown above every step while a guided scenario's "Try it" variant runs: what the variant
 * changed, that the steps are still the original's narration, and the way back to the original.
 */
import { useT } from '../i18n/react'

export interface VariantBack {
  /** `narration.tryItVariant.label`, or '' when the variant's narration has none. */
  label: string
  onBack: () => void
  pending?: boolean
  /** Why the original could not be loaded again. */
  error?: string | null
}

export function VariantNote({ label, onBack, pending = false, error = null }: VariantBack) {
  const t = useT()
  return (
    <div
      role="group"
      aria-label={t('variant.label')}
      className="mb-2 flex flex-col items-start gap-2 rounded border border-focus p-2"
    >
      <p>
        <span className="font-semibold">
          {t('variant.label')}
          {label === '' ? '.' : ':'}
        </span>
        {label !== '' && ` ${label}.`} {t('variant.note')}
      </p>
      <button
        type="button"
        className="btn text-xs"
        disabled={pending}
        aria-busy={pending}
        onClick={onBack}
      >
        {t('variant.back')}
      </button>
      {error !== null && (
        <p role="alert" className="text-danger">
          {error}
        </p>
      )}
    </div>
  )
}
