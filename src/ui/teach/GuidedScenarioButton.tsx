/**
 * The app's "Scenarios" button: fetches the guided-scenario index and the large clusters' index
 * when the picker first opens, and loads the chosen scenario: a guided one with its narration into
 * the store, a large cluster as a scenario file (read in a worker). It also mounts the page's
 * scenario-file opener: the picker's "Open scenario file…" and a file dropped on the page.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { GuidedScenarioEntry } from '../../scenarios/index'
import { activeGuided } from '../../store/slices/guided-slice'
import { ScenarioFileOpener } from '../open-file/ScenarioFileOpener'
import { useScenarioOpener } from '../open-file/use-scenario-opener'
import { t } from '../i18n/runtime'
import { useAppStore } from '../store-context'
import { fetchGuidedIndex, fetchGuidedScenario, problemsText } from './guided-fetch'
import { fetchLargeClusterIndex, fetchScenarioFile } from './large-clusters'
import { ScenarioPicker } from './ScenarioPicker'
import { useTranslatedEntries } from './use-narration-translation'

export function GuidedScenarioButton() {
  const [entries, setEntries] = useState<GuidedScenarioEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const requested = useRef(false)
  const fileInput = useRef<HTMLInputElement>(null)
  const opener = useScenarioOpener()
  const currentId = useAppStore((state) => activeGuided(state)?.id ?? null)
  const loadGuided = useAppStore((state) => state.loadGuided)
  const showNotice = useAppStore((state) => state.showNotice)
  const openRequests = useAppStore((state) => state.scenarioPickerRequests)
  // Listed in the language on screen; loading goes by the English entry (its file and title).
  const shown = useTranslatedEntries(entries)

  const onOpen = useCallback(() => {
    if (requested.current) return
    requested.current = true
    void Promise.all([fetchGuidedIndex(), fetchLargeClusterIndex()]).then(([guided, large]) => {
      if (!guided.ok) {
        requested.current = false
        setError(t('scenarios.listFailed', { reason: problemsText(guided.problems) }))
        return
      }
      setEntries(large.ok ? [...guided.entries, ...large.entries] : guided.entries)
      if (!large.ok)
        setError(t('scenarios.largeListFailed', { reason: problemsText(large.problems) }))
    })
  }, [])

  // "Choose another scenario" opens the picker without its button: fetch the index for it too.
  useEffect(() => {
    if (openRequests > 0) onOpen()
  }, [openRequests, onOpen])

  async function onLoad(id: string) {
    const entry = entries?.find((e) => e.id === id)
    if (entry === undefined) return
    if (entry.group === 'large') {
      let text: string
      try {
        text = await fetchScenarioFile(entry.file)
      } catch (caught) {
        const message = caught instanceof Error ? caught.message : String(caught)
        showNotice({
          tone: 'error',
          message: t('scenarios.loadFailed', { title: entry.title, reason: message }),
        })
        return
      }
      await opener.openText(entry.file, text)
      return
    }
    const result = await fetchGuidedScenario(entry)
    if (result.ok) {
      const { spec, narration } = result.scenario
      loadGuided(entry.id, entry.title, spec, narration)
    } else {
      showNotice({
        tone: 'error',
        message: t('scenarios.loadFailed', {
          title: entry.title,
          reason: problemsText(result.problems),
        }),
      })
    }
  }

  return (
    <>
      <ScenarioPicker
        entries={shown}
        error={error}
        currentId={currentId}
        onOpen={onOpen}
        onLoad={(id) => void onLoad(id)}
        openRequests={openRequests}
        onOpenFile={() => fileInput.current?.click()}
      />
      <ScenarioFileOpener opener={opener} inputRef={fileInput} />
    </>
  )
}
