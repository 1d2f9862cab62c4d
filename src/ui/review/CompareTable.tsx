/**
 * The difference table: one row per measure, A and B side by side, and which design did better
 * said in words ("✓ B better: 12.0 s less"), so the verdict never rests on colour alone.
 */
import type { Comparison, CompareRow, Side } from '../../analysis/compare'

export interface CompareTableProps {
  comparison: Comparison
  /** Short names for the column heads, e.g. "Current" and "Reassignment". */
  names: { a: string; b: string }
  /** What A and B are, for the caption. */
  caption: string
}

/** A value as the table prints it: seconds to 0.1 s, ms, percent or a count. */
export function shown(value: number, unit: CompareRow['unit']): string {
  switch (unit) {
    case 'seconds':
      return `${(value / 1000).toFixed(1)} s`
    case 'ms':
      return `${Math.round(value).toLocaleString('en-US')} ms`
    case 'percent':
      return `${Math.round(value * 100)}%`
    case 'count':
      return value.toLocaleString('en-US')
  }
}

function cellText(row: CompareRow, side: 'a' | 'b'): string {
  const value = row[side]
  const why = row.missing?.[side]
  if (value === null) return `— (${why ?? 'not measured'})`
  if (why !== undefined && value === 0) return `none (${why})`
  const atLeast = row.atLeast?.[side] === true
  return `${atLeast ? '≥ ' : ''}${shown(value, row.unit)}`
}

function differenceWords(row: CompareRow, diff: number): string {
  if (row.unit === 'percent') {
    const points = `${Math.round(diff * 100)} percentage points`
    return `${points} ${row.better === 'lower' ? 'lower' : 'higher'}`
  }
  const amount = shown(diff, row.unit)
  if (row.better === 'higher') return `${amount} more`
  return `${amount} ${row.unit === 'count' ? 'fewer' : 'less'}`
}

/** "✓ B better: 412 fewer", "= same", "Not comparable: A: nothing acknowledged". */
export function verdict(row: CompareRow): string {
  if (row.winner === 'n/a') {
    const why = (['a', 'b'] as const).flatMap((s) =>
      row.missing?.[s] === undefined ? [] : [`${s.toUpperCase()}: ${row.missing[s]}`],
    )
    return `Not comparable (${why.join('; ')})`
  }
  if (row.winner === 'same') return '= same'
  const diff = Math.abs((row.b ?? 0) - (row.a ?? 0))
  const ongoing = (['a', 'b'] as const).filter((s) => row.atLeast?.[s] === true)
  const note =
    ongoing.length === 0
      ? ''
      : ` (${ongoing.map((s) => s.toUpperCase()).join(' and ')} still stalled at the end)`
  return `✓ ${row.winner satisfies Side} better: ${differenceWords(row, diff)}${note}`
}

const VERDICT_CLASS: Record<CompareRow['winner'], string> = {
  A: 'text-ok font-semibold',
  B: 'text-ok font-semibold',
  same: 'text-muted',
  'n/a': 'text-muted',
}

export function CompareTable({ comparison, names, caption }: CompareTableProps) {
  return (
    <table className="w-full border-collapse text-sm">
      <caption className="text-left text-xs text-muted">
        After {(comparison.durationMs / 1000).toFixed(0)} s of simulated time. {caption}{' '}
        Partition-time is summed over partitions.
      </caption>
      <thead>
        <tr className="border-b border-border">
          <th scope="col" className="px-2 py-1 text-left">
            Measure
          </th>
          <th scope="col" className="px-2 py-1 text-right">
            A: {names.a}
          </th>
          <th scope="col" className="px-2 py-1 text-right">
            B: {names.b}
          </th>
          <th scope="col" className="px-2 py-1 text-left">
            Which is better
          </th>
        </tr>
      </thead>
      <tbody>
        {comparison.rows.map((row) => (
          <tr key={row.key} className="border-b border-border">
            <th scope="row" className="px-2 py-1 text-left font-normal">
              {row.label}
              <span className="ml-1 text-xs text-muted">
                ({row.better === 'lower' ? 'lower is better' : 'higher is better'})
              </span>
            </th>
            <td className="px-2 py-1 text-right tabular-nums">{cellText(row, 'a')}</td>
            <td className="px-2 py-1 text-right tabular-nums">{cellText(row, 'b')}</td>
            <td className={`px-2 py-1 ${VERDICT_CLASS[row.winner]}`}>{verdict(row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
