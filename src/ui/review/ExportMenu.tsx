/**
 * The Export disclosure: five buttons, each building one file from the current work and handing
 * it to `download`. Sources are read when a button is pressed, so the menu never re-renders with
 * the simulation.
 *
 * It follows the WAI-ARIA disclosure pattern, not the menu pattern: the toggle carries
 * `aria-expanded` and `aria-controls`, the panel is a labelled group of ordinary buttons reached
 * with Tab, so there is no `aria-haspopup` (which promises arrow-key menu navigation). Escape,
 * from the toggle or anywhere in the panel, closes it and puts focus back on the toggle; a press
 * outside closes it without moving focus.
 */
import { useEffect, useId, useRef, useState } from 'react'
import type { ExportFile } from '../../export/files'
import { EXPORTS, type ExportKind, type ExportSources } from './export-kinds'

export interface ExportMenuProps {
  getSources: () => ExportSources
  download: (file: ExportFile) => void
  /** Replaceable for tests. */
  build?: (kind: ExportKind, sources: ExportSources) => Promise<ExportFile>
}

function buildLazily(kind: ExportKind, sources: ExportSources): Promise<ExportFile> {
  return import('./export-files').then((m) => m.buildExport(kind, sources))
}

export function ExportMenu({ getSources, download, build = buildLazily }: ExportMenuProps) {
  const [open, setOpen] = useState(false)
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  const menuId = useId()
  const rootRef = useRef<HTMLDivElement>(null)
  const toggleRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    function onPointerDown(event: PointerEvent) {
      if (!(event.target instanceof Node) || rootRef.current?.contains(event.target) !== true)
        setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  async function run(kind: ExportKind) {
    try {
      const file = await build(kind, getSources())
      download(file)
      setMessage({ tone: 'ok', text: `Saved ${file.name}` })
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      setMessage({ tone: 'error', text: `Export failed: ${reason}` })
    }
  }

  return (
    <div
      ref={rootRef}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault()
          event.stopPropagation()
          setOpen(false)
          toggleRef.current?.focus()
        }
      }}
    >
      <button
        ref={toggleRef}
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
      >
        Export
      </button>
      {open && (
        <div
          id={menuId}
          role="group"
          aria-label="Export"
          className="absolute right-0 z-30 mt-1 flex w-64 flex-col gap-1 rounded-md border border-border bg-panel p-2 shadow-lg"
        >
          {EXPORTS.map(({ kind, label }) => (
            <button
              key={kind}
              type="button"
              className="btn text-left"
              onClick={() => void run(kind)}
            >
              {label}
            </button>
          ))}
          {message !== null && (
            <p
              role="status"
              className={message.tone === 'ok' ? 'text-xs text-ok' : 'text-xs text-danger'}
            >
              {message.text}
            </p>
          )}
        </div>
      )}
    </div>
  )
}
