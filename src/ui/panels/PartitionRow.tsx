/**
 * One row of the partition table. The partition number is a button so the row can be selected
 * with the keyboard; selection shows as a marker and aria-pressed as well as a background.
 */
import { memo } from 'react'
import type { PartitionView } from '../../engine/types'
import { type StatusBadge, statusBadges } from './partition-status'

const BADGE_CLASS: Record<StatusBadge, string> = {
  offline: 'border-danger text-danger',
  'under min ISR': 'border-danger text-danger',
  'under-replicated': 'border-out-of-sync text-out-of-sync',
  recovering: 'border-elr text-elr',
  ok: 'border-ok text-ok',
}

interface PartitionRowProps {
  partition: PartitionView
  selected: boolean
  onSelect: ((topic: string, partition: number) => void) | undefined
}

function PartitionRowImpl({ partition: p, selected, onSelect }: PartitionRowProps) {
  const cell = 'border-b border-border px-2 py-0.5 whitespace-nowrap'
  return (
    <tr className={selected ? 'bg-bg font-semibold' : undefined}>
      <td className={cell}>{p.topic}</td>
      <td className={cell}>
        {onSelect === undefined ? (
          p.partition
        ) : (
          <button
            type="button"
            aria-pressed={selected}
            aria-label={`Select partition ${p.topic}-${p.partition}`}
            className="underline decoration-dotted"
            onClick={() => onSelect(p.topic, p.partition)}
          >
            {selected ? '▸ ' : ''}
            {p.partition}
          </button>
        )}
      </td>
      <td className={p.leader === -1 ? `${cell} text-danger` : `${cell} text-leader`}>
        {p.leader === -1 ? 'none' : p.leader}
      </td>
      <td className={cell}>{p.replicas.join(',')}</td>
      <td className={cell}>{p.isr.join(',')}</td>
      <td className={cell}>{p.elr.join(',')}</td>
      <td className={cell}>{p.lastKnownElr.join(',')}</td>
      <td className={cell}>
        <span className="flex gap-1 font-sans">
          {statusBadges(p).map((b) => (
            <span key={b} className={`rounded border px-1 ${BADGE_CLASS[b]}`}>
              {b}
            </span>
          ))}
        </span>
      </td>
    </tr>
  )
}

/** Memoised: snapshots reuse unchanged partition objects, so unchanged rows skip re-rendering. */
export const PartitionRow = memo(PartitionRowImpl)
