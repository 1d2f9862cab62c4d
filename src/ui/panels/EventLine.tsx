/**
 * One event log line: "00:12.345  LeaderElected  orders-0 leader 2 epoch 3 (ONLINE)". The time is
 * a button that seeks the timeline there; alarming events carry a warning sign and a spoken
 * "alert" as well as the danger colour.
 */
import { memo } from 'react'
import type { SimEvent } from '../../engine/types'
import { formatSimTime } from '../../scenario/sim-time'
import { eventDetail, isAlarming } from './event-format'
import { useT } from '../i18n/react'

interface EventLineProps {
  event: SimEvent
  onSeek: ((atMs: number) => void) | undefined
}

function EventLineImpl({ event, onSeek }: EventLineProps) {
  // Memoised lines follow a language switch: each subscribes itself.
  const t = useT()
  const time = formatSimTime(event.atMs)
  const alarming = isAlarming(event)
  return (
    <li className={alarming ? 'whitespace-pre text-danger' : 'whitespace-pre'}>
      {onSeek === undefined ? (
        <span className="text-muted">{time}</span>
      ) : (
        <button
          type="button"
          className="text-muted underline decoration-dotted"
          aria-label={t('events.seek', { time })}
          onClick={() => onSeek(event.atMs)}
        >
          {time}
        </button>
      )}
      {'  '}
      {alarming && (
        <>
          <span aria-hidden="true">⚠ </span>
          <span className="sr-only">{`${t('events.alert')} `}</span>
        </>
      )}
      <span className="font-semibold">{event.type}</span>
      {'  '}
      {eventDetail(event)}
    </li>
  )
}

/** Memoised: events are immutable, so a line renders once however long the log grows. */
export const EventLine = memo(EventLineImpl)
