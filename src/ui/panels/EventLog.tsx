/**
 * The simulation's event log in Kafka's words, newest at the bottom. It follows new events unless
 * the user has scrolled up, filters by category, and renders at most `limit` lines (the newest
 * matching ones) with a count of the rest, so 100,000 events cost one counting pass, not 100,000
 * DOM nodes. Events after `nowMs` (left over from a later point before a seek back) are hidden.
 */
import { useMemo, useState } from 'react'
import type { SimEvent } from '../../engine/types'
import { categoryLabel, EVENT_CATEGORIES, EVENT_CATEGORY, type EventCategory } from './event-format'
import { EventLine } from './EventLine'
import { countAtOrBefore } from './time-index'
import { useFollowBottom } from './use-follow-bottom'
import { useT } from '../i18n/react'

export const EVENT_LINES_STEP = 500

export interface EventLogProps {
  events: SimEvent[]
  nowMs: number
  onSeek?: (atMs: number) => void
}

export function EventLog({ events, nowMs, onSeek }: EventLogProps) {
  const t = useT()
  const [shown, setShown] = useState<ReadonlySet<EventCategory>>(() => new Set(EVENT_CATEGORIES))
  const [limit, setLimit] = useState(EVENT_LINES_STEP)
  const end = countAtOrBefore(events, nowMs)
  const counts = useMemo(() => {
    const c: Record<EventCategory, number> = { faults: 0, elections: 0, isr: 0, clients: 0 }
    for (let i = 0; i < end; i++) c[EVENT_CATEGORY[events[i]!.type]]++
    return c
  }, [events, end])
  const matching = EVENT_CATEGORIES.reduce((n, c) => (shown.has(c) ? n + counts[c] : n), 0)

  // Walk back from the newest event, so the cost is the lines shown, not the whole log.
  const visible = useMemo(() => {
    const picked: number[] = []
    for (let i = end - 1; i >= 0 && picked.length < limit; i--) {
      if (shown.has(EVENT_CATEGORY[events[i]!.type])) picked.push(i)
    }
    return picked.reverse()
  }, [events, end, shown, limit])

  const { ref, following, onScroll, jumpToLatest } = useFollowBottom(visible)

  const toggle = (c: EventCategory) => {
    const next = new Set(shown)
    if (next.has(c)) next.delete(c)
    else next.add(c)
    setShown(next)
  }

  return (
    <section aria-label={t('events.label')} className="flex min-h-0 flex-col gap-2 text-sm">
      <fieldset className="flex flex-wrap gap-3">
        <legend className="sr-only">{t('events.categories')}</legend>
        {EVENT_CATEGORIES.map((c) => (
          <label key={c} className="flex items-center gap-1">
            <input type="checkbox" checked={shown.has(c)} onChange={() => toggle(c)} />
            {t('events.category', { category: categoryLabel(c), count: counts[c] })}
          </label>
        ))}
      </fieldset>
      <p className="flex items-center gap-2 text-muted">
        <span>
          {visible.length === matching
            ? t('events.showingAll', { count: matching })
            : t('events.showingLast', { shown: visible.length, count: matching })}
        </span>
        {visible.length < matching && (
          <button
            type="button"
            className="rounded border border-border px-2"
            onClick={() => setLimit(limit + EVENT_LINES_STEP)}
          >
            {t('events.earlier', { count: EVENT_LINES_STEP })}
          </button>
        )}
      </p>
      <div
        ref={ref}
        onScroll={onScroll}
        tabIndex={0}
        aria-label={t('events.lines')}
        className="min-h-0 flex-1 overflow-auto rounded border border-border bg-panel p-1 font-mono text-xs"
      >
        <ol>
          {visible.map((i) => (
            <EventLine key={i} event={events[i]!} onSeek={onSeek} />
          ))}
        </ol>
      </div>
      {!following && (
        <button
          type="button"
          className="self-start rounded border border-border px-2"
          onClick={jumpToLatest}
        >
          {t('events.jumpToLatest')}
        </button>
      )}
    </section>
  )
}
