/**
 * The app's "Scenarios" button: fetches the guided-scenario index when the picker first opens,
 * and loads the chosen scenario with its narration into the store.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { GuidedScenarioEntry } from '../../scenarios/index'
import { activeGuided } from '../../store/slices/guided-slice'
import { useAppStore } from '../store-context'
import { fetchGuidedIndex, fetchGuidedScenario, problemsText } from './guided-fetch'
import { ScenarioPicker } from './ScenarioPicker'

export function GuidedScenarioButton() {
  const [entries, setEntries] = useState<GuidedScenarioEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const requested = useRef(false)
  const currentId = useAppStore((state) => activeGuided(state)?.id ?? null)
  const loadGuided = useAppStore((state) => state.loadGuided)
  const showNotice = useAppStore((state) => state.showNotice)
  const openRequests = useAppStore((state) => state.scenarioPickerRequests)

  const onOpen = useCallback(() => {
    if (requested.current) return
    requested.current = true
    void fetchGuidedIndex().then((result) => {
      if (result.ok) setEntries(result.entries)
      else {
        requested.current = false
        setError(`The guided scenarios could not be listed: ${problemsText(result.problems)}`)
      }
    })
  }, [])

  // "Choose another scenario" opens the picker without its button: fetch the index for it too.
  useEffect(() => {
    if (openRequests > 0) onOpen()
  }, [openRequests, onOpen])

  async function onLoad(id: string) {
    const entry = entries?.find((e) => e.id === id)
    if (entry === undefined) return
    const result = await fetchGuidedScenario(entry)
    if (result.ok) {
      const { spec, narration } = result.scenario
      loadGuided(entry.id, entry.title, spec, narration)
    } else {
      showNotice({
        tone: 'error',
        message: `“${entry.title}” could not be loaded: ${problemsText(result.problems)}`,
      })
    }
  }

  return (
    <ScenarioPicker
      entries={entries}
      error={error}
      currentId={currentId}
      onOpen={onOpen}
      onLoad={(id) => void onLoad(id)}
      openRequests={openRequests}
    />
  )
}
