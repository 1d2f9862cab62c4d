/**
 * Shown above every step while a guided scenario's "Try it" variant runs: what the variant
 * changed, that the steps are still the original's narration, and the way back to the original.
 */

export interface VariantBack {
  /** `narration.tryItVariant.label`, or '' when the variant's narration has none. */
  label: string
  onBack: () => void
  pending?: boolean
  /** Why the original could not be loaded again. */
  error?: string | null
}

export function VariantNote({ label, onBack, pending = false, error = null }: VariantBack) {
  return (
    <div
      role="group"
      aria-label="Variant"
      className="mb-2 flex flex-col items-start gap-2 rounded border border-focus p-2"
    >
      <p>
        <span className="font-semibold">Variant{label === '' ? '.' : ':'}</span>
        {label !== '' && ` ${label}.`} The steps narrate the original scenario, so some may not
        match this run.
      </p>
      <button
        type="button"
        className="btn text-xs"
        disabled={pending}
        aria-busy={pending}
        onClick={onBack}
      >
        Back to the original
      </button>
      {error !== null && (
        <p role="alert" className="text-danger">
          {error}
        </p>
      )}
    </div>
  )
}
