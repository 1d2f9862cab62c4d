/**
 * Opening a scenario file: read it (in a worker, with the CLI's reader), show its problems, or ask
 * before replacing a scenario with unsaved changes, then load it. Nothing touches the loaded
 * scenario until a valid file is read and, if asked, the replacement confirmed, so a bad file
 * never costs the user their work. Only the latest request counts: a slow read finishing after a
 * newer one is dropped.
 */
import { useCallback, useRef, useState } from 'react'
import type { SimulationSpec } from '../../engine/spec'
import { readScenarioText } from '../../host/read-scenario'
import type { AppStore } from '../../store/app-store'
import { useStoreApi } from '../store-context'
import { fileSizeLine, openedMessage, scenarioOutcome, unsavedChanges } from './scenario-file'

export type OpenState =
  | { phase: 'idle' }
  | { phase: 'reading'; file: string }
  /** `file` is null when nothing was read at all (several files dropped at once). */
  | { phase: 'failed'; file: string | null; lines: string[] }
  | { phase: 'confirm'; file: string; spec: SimulationSpec; warnings: string[]; changes: string[] }

export interface ScenarioOpener {
  state: OpenState
  /** Reads a file the user chose or dropped. */
  openFile: (file: File) => Promise<void>
  /** Reads scenario text that came from elsewhere (a paste, a fetched file), named `file`. */
  openText: (file: string, text: string) => Promise<void>
  /** Shows a problem that is not about any one file's content. */
  fail: (file: string | null, lines: string[]) => void
  /** Replaces the scenario after the confirm question. */
  confirm: () => void
  /** Closes the problems or the question, leaving the scenario as it is. */
  dismiss: () => void
}

/** The generation each store last loaded from a file: its scenario is then "as opened". */
const openedGenerations = new WeakMap<AppStore, number>()

export function openedGeneration(store: AppStore): number | null {
  return openedGenerations.get(store) ?? null
}

function loadOpened(store: AppStore, file: string, spec: SimulationSpec, warnings: string[]) {
  const notice = {
    tone: warnings.length > 0 ? ('warning' as const) : ('info' as const),
    message: openedMessage(file, spec, warnings),
  }
  store.getState().loadScenario(spec, { notice })
  openedGenerations.set(store, store.getState().generation)
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export function useScenarioOpener(): ScenarioOpener {
  const store = useStoreApi()
  const [state, setState] = useState<OpenState>({ phase: 'idle' })
  const latest = useRef(0)

  const openText = useCallback(
    async (file: string, text: string) => {
      const request = ++latest.current
      setState({ phase: 'reading', file })
      let outcome
      try {
        outcome = scenarioOutcome(file, await readScenarioText(text))
      } catch (error) {
        outcome = {
          ok: false as const,
          lines: [`${file}: cannot read the scenario: ${errorText(error)}`],
        }
      }
      if (request !== latest.current) return
      if (!outcome.ok) {
        setState({ phase: 'failed', file, lines: outcome.lines })
        return
      }
      const changes = unsavedChanges(store.getState(), openedGeneration(store))
      if (changes.length > 0) {
        setState({
          phase: 'confirm',
          file,
          spec: outcome.spec,
          warnings: outcome.warnings,
          changes,
        })
        return
      }
      loadOpened(store, file, outcome.spec, outcome.warnings)
      setState({ phase: 'idle' })
    },
    [store],
  )

  const fail = useCallback((file: string | null, lines: string[]) => {
    latest.current++
    setState({ phase: 'failed', file, lines })
  }, [])

  const openFile = useCallback(
    async (file: File) => {
      const tooBig = fileSizeLine(file.name, file.size)
      if (tooBig !== null) {
        fail(file.name, [tooBig])
        return
      }
      const request = ++latest.current
      setState({ phase: 'reading', file: file.name })
      let text: string
      try {
        text = await file.text()
      } catch (error) {
        if (request === latest.current)
          fail(file.name, [`${file.name}: cannot read the scenario: ${errorText(error)}`])
        return
      }
      if (request === latest.current) await openText(file.name, text)
    },
    [fail, openText],
  )

  const confirm = useCallback(() => {
    if (state.phase !== 'confirm') return
    loadOpened(store, state.file, state.spec, state.warnings)
    setState({ phase: 'idle' })
  }, [state, store])

  const dismiss = useCallback(() => {
    latest.current++
    setState({ phase: 'idle' })
  }, [])

  return { state, openFile, openText, fail, confirm, dismiss }
}
