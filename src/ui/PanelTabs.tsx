/**
 * The panels under the topology, one tab at a time: the partition table, the event log, the
 * client log, the metrics charts, the scenario editor and the design review (advisor,
 * survivability matrix, compare, import) and the glossary. Only the open tab renders, and it
 * follows the simulation at a few updates a second.
 */
import { useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useT } from './i18n/react'
import { ClientLogTab } from './ClientLogTab'
import { EventLogTab } from './EventLogTab'
import { MetricsTab } from './MetricsTab'
import { PartitionsTab } from './PartitionsTab'
import { ScenarioTab } from './ScenarioTab'
import { AdvisorTab } from './review/AdvisorTab'
import { CompareTab } from './review/CompareTab'
import { ImportTab } from './review/ImportTab'
import { SurvivabilityTab } from './review/SurvivabilityTab'
// Not lazy: its data is already in the first bundle for <Term>, and the panel is small.
import { GlossaryPanel } from './teach/GlossaryPanel'

const TABS = [
  { id: 'partitions', Panel: PartitionsTab },
  { id: 'events', Panel: EventLogTab },
  { id: 'client-log', Panel: ClientLogTab },
  { id: 'metrics', Panel: MetricsTab },
  { id: 'scenario', Panel: ScenarioTab },
  // Design review (src/ui/review).
  { id: 'advisor', Panel: AdvisorTab },
  { id: 'survivability', Panel: SurvivabilityTab },
  { id: 'compare', Panel: CompareTab },
  { id: 'import', Panel: ImportTab },
  { id: 'glossary', Panel: GlossaryPanel },
] as const

export function PanelTabs() {
  const t = useT()
  const [open, setOpen] = useState<(typeof TABS)[number]['id']>('partitions')
  const current = TABS.find((tab) => tab.id === open) ?? TABS[0]

  function onKeyDown(event: KeyboardEvent) {
    const index = TABS.findIndex((tab) => tab.id === open)
    const next =
      event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : null
    if (next === null) return
    event.preventDefault()
    event.stopPropagation()
    const tab = TABS[(next + TABS.length) % TABS.length] ?? TABS[0]
    setOpen(tab.id)
    document.getElementById(`tab-${tab.id}`)?.focus()
  }

  // `isolate` makes the panels their own paint layer: Chromium then reuses their painting when
  // only the clock or the timeline changed, instead of repainting a 200-row table every frame.
  return (
    <section
      aria-label={t('tabs.label')}
      data-region="panels"
      className="isolate mx-2 mb-4 min-w-0 rounded border border-border bg-panel sm:mx-4"
    >
      <div
        role="tablist"
        aria-label={t('tabs.label')}
        className="flex gap-1 overflow-x-auto border-b border-border px-2"
        onKeyDown={onKeyDown}
      >
        {TABS.map((tab) => (
          <button
            key={tab.id}
            id={`tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={tab.id === open}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === open ? 0 : -1}
            className="tab"
            onClick={() => setOpen(tab.id)}
          >
            {t(`tab.${tab.id}`)}
          </button>
        ))}
      </div>
      <div
        id={`panel-${current.id}`}
        role="tabpanel"
        aria-labelledby={`tab-${current.id}`}
        className="max-h-[28rem] overflow-auto p-3"
      >
        <current.Panel />
      </div>
    </section>
  )
}
