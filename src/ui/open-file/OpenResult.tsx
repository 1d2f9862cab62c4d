/**
 * What opening a scenario file shows while and after it is read: "Reading…", the problems (each
 * line as the CLI prints it, the first twenty and "and N more", with the reassurance that the
 * current scenario is untouched), or the question before replacing unsaved changes. Floating at
 * the top of the page for files chosen or dropped; inline under the Import tab's text box.
 */
import { useAppStore } from '../store-context'
import { capLines } from './scenario-file'
import { ReplaceConfirm } from './ReplaceConfirm'
import type { ScenarioOpener } from './use-scenario-opener'

export interface OpenResultProps {
  opener: ScenarioOpener
  floating?: boolean
}

const FLOATING = 'fixed inset-x-0 top-2 z-40 mx-auto w-[min(46rem,calc(100%-1rem))] shadow-xl'

export function OpenResult({ opener, floating = false }: OpenResultProps) {
  const current = useAppStore((state) => state.spec.name)
  const { state } = opener
  const place = floating ? FLOATING : ''
  if (state.phase === 'idle') return null
  if (state.phase === 'reading') {
    return (
      <p role="status" className={`notice border-border bg-panel text-sm ${place}`}>
        Reading {state.file}…
      </p>
    )
  }
  if (state.phase === 'confirm') {
    return (
      <ReplaceConfirm
        file={state.file}
        current={current}
        changes={state.changes}
        onReplace={opener.confirm}
        onKeep={opener.dismiss}
      />
    )
  }
  const { shown, more } = capLines(state.lines)
  const title = state.file === null ? 'Nothing was opened.' : `${state.file} could not be opened.`
  return (
    <div
      role="alert"
      aria-label="Scenario file problems"
      className={`flex flex-col items-start gap-1 rounded border-l-4 border-danger bg-panel px-3 py-2 text-sm ${place}`}
    >
      <p className="font-semibold text-danger">
        <span aria-hidden="true">✖ </span>
        {title} The current scenario, “{current}”, is still loaded.
      </p>
      <ul className="ml-5 max-h-72 list-disc self-stretch overflow-y-auto font-mono text-xs break-words">
        {shown.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      {more > 0 && (
        <p>
          and {more} more {more === 1 ? 'problem' : 'problems'}
        </p>
      )}
      <div>
        <button type="button" className="btn text-xs" onClick={opener.dismiss}>
          Dismiss
        </button>
      </div>
    </div>
  )
}
