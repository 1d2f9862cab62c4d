/**
 * One row of the partition table. The partition number is a button so the row can be selected
 * with the keyboard; selection shows as a marker and aria-pressed as well as a background.
 */
import { Fragment, memo } from 'react'
import type { PartitionView } from '../../engine/types'
import { useT } from '../i18n/react'
import { badgeLabel, type StatusBadge, statusBadges } from './partition-status'

/** Broker ids with a line-break opportunity after each comma (the text stays "1,2,3"). */
function idList(ids: readonly number[]) {
  return ids.map((id, i) => (
    <Fragment key={id}>
      {i > 0 && (
        <>
          ,<wbr />
        </>
      )}
      {id}
    </Fragment>
  ))
}

const BADGE_CLASS: Record<StatusBadge, string> = {
  offline: 'border-danger text-danger',
  'under min ISR': 'border-danger text-danger',
  'leader unreachable — not fenced yet': 'border-danger text-danger',
  'under-replicated': 'border-out-of-sync text-out-of-sync',
  recovering: 'border-elr text-elr',
  ok: 'border-ok text-ok',
}

interface PartitionRowProps {
  partition: PartitionView
  selected: boolean
  onSelect: ((topic: string, partition: number) => void) | undefined
  /** Its leader cannot be reached by clients but is not fenced yet. */
  leaderUnreachable?: boolean
}

function PartitionRowImpl({
  partition: p,
  selected,
  onSelect,
  leaderUnreachable = false,
}: PartitionRowProps) {
  // A memoised row still follows a language switch: it subscribes itself.
  const t = useT()
  const cell = 'border-b border-border px-2 py-0.5 whitespace-nowrap'
  // The table has fixed column widths (PartitionTable): lists wrap at commas, a long topic name
  // ends in an ellipsis with the whole name on hover.
  const list = 'border-b border-border px-2 py-0.5'
  return (
    <tr className={selected ? 'bg-bg font-semibold' : undefined}>
      <td className={`${cell} overflow-hidden text-ellipsis`} title={p.topic}>
        {p.topic}
      </td>
      <td className={cell}>
        {onSelect === undefined ? (
          p.partition
        ) : (
          <button
            type="button"
            aria-pressed={selected}
            aria-label={t('partitions.select', { partition: `${p.topic}-${p.partition}` })}
            className="underline decoration-dotted"
            onClick={() => onSelect(p.topic, p.partition)}
          >
            {selected ? '▸ ' : ''}
            {p.partition}
          </button>
        )}
      </td>
      <td className={p.leader === -1 ? `${cell} text-danger` : `${cell} text-leader`}>
        {/* i18n-exempt: kafka-topics prints a missing leader as "none" */}
        {p.leader === -1 ? 'none' : p.leader}
      </td>
      <td className={list}>{idList(p.replicas)}</td>
      <td className={list}>{idList(p.isr)}</td>
      <td className={list}>{idList(p.elr)}</td>
      <td className={list}>{idList(p.lastKnownElr)}</td>
      <td className={list}>
        <span className="flex flex-wrap gap-1 font-sans whitespace-nowrap">
          {statusBadges(p, leaderUnreachable ? new Set([p.leader]) : undefined).map((b) => (
            <span key={b} className={`rounded border px-1 ${BADGE_CLASS[b]}`}>
              {badgeLabel(b)}
            </span>
          ))}
        </span>
      </td>
    </tr>
  )
}

/** Memoised: snapshots reuse unchanged partition objects, so unchanged rows skip re-rendering. */
export const PartitionRow = memo(PartitionRowImpl)
