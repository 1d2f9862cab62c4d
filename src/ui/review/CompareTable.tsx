/** The comparison summary: one row per measure, A and B side by side, and who did better. */
import type { Comparison, CompareRow } from '../../analysis/compare'

export interface CompareTableProps {
  comparison: Comparison
  changeText: string
}

function shown(value: number, unit: CompareRow['unit']): string {
  return unit === 'seconds' ? `${(value / 1000).toFixed(1)} s` : value.toLocaleString('en-US')
}

const WINNER_CLASS: Record<CompareRow['winner'], string> = {
  A: 'text-ok font-semibold',
  B: 'text-ok font-semibold',
  same: 'text-muted',
}

function verdict(row: CompareRow): string {
  if (row.winner === 'same') return '= same'
  const diff = Math.abs(row.b - row.a)
  const amount = shown(diff, row.unit)
  const more = row.b > row.a
  return `${row.winner === 'B' ? '✓ B' : '✓ A'} better (B ${more ? '+' : '−'}${amount})`
}

export function CompareTable({ comparison, changeText }: CompareTableProps) {
  return (
    <table className="w-full border-collapse text-sm">
      <caption className="text-left text-xs text-muted">
        After {(comparison.durationMs / 1000).toFixed(0)} s of simulated time. A: the current
        configuration. B: {changeText}. Partition-time is summed over partitions.
      </caption>
      <thead>
        <tr className="border-b border-border">
          <th scope="col" className="px-2 py-1 text-left">
            Measure
          </th>
          <th scope="col" className="px-2 py-1 text-right">
            A: current
          </th>
          <th scope="col" className="px-2 py-1 text-right">
            B: with the change
          </th>
          <th scope="col" className="px-2 py-1 text-left">
            Difference
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
            <td className="px-2 py-1 text-right tabular-nums">{shown(row.a, row.unit)}</td>
            <td className="px-2 py-1 text-right tabular-nums">{shown(row.b, row.unit)}</td>
            <td className={`px-2 py-1 ${WINNER_CLASS[row.winner]}`}>{verdict(row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
