/**
 * The Glossary tab: every Kafka and MSK word the UI uses, alphabetically, with its definition and
 * the config key, MBean or KIP behind it, and a search box that filters as you type (over the
 * term, its definition and its source), all in the language on screen.
 */
import { useId, useMemo, useState } from 'react'
import { useT } from '../i18n/react'
import { glossaryEntries } from './glossary'

export function GlossaryPanel() {
  const t = useT()
  // `t` changes with the language, and with it the entries and their order.
  const entries = useMemo(() => glossaryEntries(t.catalogue), [t])
  const [query, setQuery] = useState('')
  const countId = useId()
  const needle = query.trim().toLowerCase()
  const shown =
    needle === ''
      ? entries
      : entries.filter((e) =>
          `${e.term}\n${e.definition}\n${e.source}`.toLowerCase().includes(needle),
        )

  return (
    <section aria-label={t('tab.glossary')} className="flex flex-col gap-2 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2">
          <span>{t('glossary.search')}</span>
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-describedby={countId}
            className="rounded border border-border bg-panel px-2 py-1"
          />
        </label>
        <span id={countId} role="status" className="text-muted">
          {shown.length === entries.length
            ? t('glossary.count', { count: entries.length })
            : t('glossary.countFiltered', { shown: shown.length, count: entries.length })}
        </span>
      </div>
      {shown.length === 0 ? (
        <p className="text-muted">{t('glossary.noMatch', { query: query.trim() })}</p>
      ) : (
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[minmax(10rem,14rem)_1fr]">
          {shown.map((e) => (
            <div key={e.id} className="contents">
              <dt id={`glossary-${e.id}`} className="font-semibold">
                {e.term}
              </dt>
              <dd className="mb-1">
                {e.definition}
                <span className="mt-0.5 block font-mono text-xs text-muted">
                  <span className="sr-only">{`${t('glossary.source')} `}</span>
                  {e.source}
                </span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  )
}
