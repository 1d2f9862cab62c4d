/**
 * The narration's "Try it: <label>" button and its way back. Trying loads the guided scenario's
 * variant (its file with `narration.tryItVariant.merge` applied) as a guided run of its own, from
 * time 0, under the id "<id>#variant"; "Back to the original" loads the original file again. A
 * variant that does not validate, or a file that cannot be fetched, leaves the current run as it
 * is and gives the reason, shown until another scenario is loaded. A click whose answer arrives
 * after something else was loaded is dropped.
 */
import { useCallback, useState } from 'react'
import type { AppStore } from '../../store/app-store'
import { activeGuided, type GuidedScenario } from '../../store/slices/guided-slice'
import { t } from '../i18n/runtime'
import { useAppStore } from '../store-context'
import { fetchGuidedScenario, problemsText } from './guided-fetch'
import { fetchGuidedVariant, guidedFileOf, originalIdOf, variantId } from './try-it'

export interface TryIt {
  /** A click is being answered. */
  pending: boolean
  /** Why the last click loaded nothing, for the guided run it was made in. */
  error: string | null
  tryVariant: () => void
  backToOriginal: () => void
}

interface Attempt {
  generation: number
  pending: boolean
  error: string | null
}

/** Loads what `fetch` finds and returns null, or returns why nothing was loaded. */
type Load = (store: AppStore, guided: GuidedScenario) => Promise<string | null>

const loadVariant: Load = async (store, guided) => {
  const result = await fetchGuidedVariant(guided.id)
  if (store.getState().generation !== guided.generation) return null
  if (!result.ok) return t('tryIt.variantFailed', { reason: problemsText(result.problems) })
  if (result.narration === undefined) return t('tryIt.variantNoNarration')
  const { spec, narration } = result
  store.getState().loadGuided(variantId(guided.id), spec.name, spec, narration)
  return null
}

const loadOriginal: Load = async (store, guided) => {
  const id = originalIdOf(guided.id)
  if (id === null) return null
  // Only the file is fetched; the title shown is the file's name, as the picker's is.
  const entry = { id, title: id, summary: '', file: guidedFileOf(id) }
  const result = await fetchGuidedScenario(entry)
  if (store.getState().generation !== guided.generation) return null
  if (!result.ok) return t('tryIt.originalFailed', { reason: problemsText(result.problems) })
  const { spec, narration } = result.scenario
  store.getState().loadGuided(id, spec.name, spec, narration)
  return null
}

export function useTryIt(store: AppStore): TryIt {
  const [attempt, setAttempt] = useState<Attempt | null>(null)
  const generation = useAppStore((state) => state.generation)
  const run = useCallback(
    (load: Load) => {
      const guided = activeGuided(store.getState())
      if (guided === null) return
      setAttempt({ generation: guided.generation, pending: true, error: null })
      void load(store, guided).then((error) =>
        setAttempt({ generation: guided.generation, pending: false, error }),
      )
    },
    [store],
  )
  const current = attempt !== null && attempt.generation === generation ? attempt : null
  return {
    pending: current?.pending ?? false,
    error: current?.error ?? null,
    tryVariant: useCallback(() => run(loadVariant), [run]),
    backToOriginal: useCallback(() => run(loadOriginal), [run]),
  }
}
