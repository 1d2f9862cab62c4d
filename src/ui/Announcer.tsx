/**
 * The polite live region: at most one announcement every `intervalMs` of wall time, summarising
 * the events that arrived since the last one (announce.ts). Events from a seek back (the log got
 * shorter) or a new scenario are not announced: the user moved time, the cluster did not change.
 */
import { useEffect, useRef, useState } from 'react'
import type { SimEvent } from '../engine/types'
import { announcementFor } from './announce'
import { useStoreApi } from './store-context'

export const ANNOUNCE_INTERVAL_MS = 2000

export function Announcer({ intervalMs = ANNOUNCE_INTERVAL_MS }: { intervalMs?: number }) {
  const store = useStoreApi()
  const [text, setText] = useState('')
  const pending = useRef<SimEvent[]>([])
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    let last = -Infinity
    let seen = store.getState().events.length
    let generation = store.getState().generation
    const flush = () => {
      timer = null
      last = performance.now()
      const said = announcementFor(pending.current)
      pending.current = []
      if (said !== null) setText(said)
    }
    const unsubscribe = store.subscribe((state) => {
      const events = state.events
      if (state.generation !== generation || events.length < seen) {
        generation = state.generation
        seen = events.length
        pending.current = []
        return
      }
      if (events.length === seen) return
      for (let i = seen; i < events.length; i++) pending.current.push(events[i] as SimEvent)
      seen = events.length
      if (timer === null)
        timer = setTimeout(flush, Math.max(0, last + intervalMs - performance.now()))
    })
    return () => {
      unsubscribe()
      if (timer !== null) clearTimeout(timer)
    }
  }, [store, intervalMs])
  return (
    <div role="status" aria-live="polite" aria-label="Cluster announcements" className="sr-only">
      {text}
    </div>
  )
}
