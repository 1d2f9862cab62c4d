/**
 * The scenario picker's list: one section per group (index.json's `group`), headed by the group's
 * name, each entry a button with its title and its summary as description. The loaded one is
 * marked.
 */
import type { GuidedGroup, GuidedScenarioEntry } from '../../scenarios/index'
import { useT } from '../i18n/react'

export interface ScenarioListProps {
  entries: readonly GuidedScenarioEntry[]
  /** Makes the element ids unique on the page. */
  idPrefix: string
  currentId: string | null
  onChoose: (id: string) => void
}

/** The groups in the order they are listed (their headings are `scenarios.group.<group>`). */
export const GROUP_ORDER: readonly GuidedGroup[] = ['guided', 'capacity', 'large']

const groupOf = (entry: GuidedScenarioEntry): GuidedGroup => entry.group ?? 'guided'

export function ScenarioList({ entries, idPrefix, currentId, onChoose }: ScenarioListProps) {
  const t = useT()
  return GROUP_ORDER.map((group) => {
    const listed = entries.filter((entry) => groupOf(entry) === group)
    if (listed.length === 0) return null
    const headingId = `${idPrefix}-group-${group}`
    return (
      <section key={group} aria-labelledby={headingId} className="mb-3">
        <h3 id={headingId} className="mb-1 text-sm font-semibold">
          {t(`scenarios.group.${group}`)}
        </h3>
        <ul className="flex flex-col gap-2">
          {listed.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                className="w-full rounded border border-border px-3 py-2 text-left hover:bg-bg aria-[current=true]:border-focus aria-[current=true]:border-l-4"
                aria-describedby={`${idPrefix}-${entry.id}`}
                aria-current={entry.id === currentId ? 'true' : undefined}
                onClick={() => onChoose(entry.id)}
              >
                <span className="block font-semibold">
                  {entry.title}
                  {entry.id === currentId && (
                    <span className="ml-2 text-xs font-normal text-muted">
                      {t('scenarios.loaded')}
                    </span>
                  )}
                </span>
                <span id={`${idPrefix}-${entry.id}`} className="block text-sm text-muted">
                  {entry.summary}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    )
  })
}
