/**
 * The header row of a table: the partition table and the Metrics tab's record tables (failovers,
 * consumer groups, clients). A head the glossary knows (Leader, Isr, Elr, Lag …) carries its
 * definition on hover and focus.
 */
import { termFor } from '../teach/glossary'
import { Term } from '../teach/Term'

export function ColumnHeads({ headers }: { headers: readonly string[] }) {
  return (
    <thead className="bg-panel text-left">
      <tr>
        {headers.map((h) => {
          const id = termFor(h)
          return (
            <th key={h} scope="col" className="border-b border-border px-2 py-1">
              {id === undefined ? h : <Term id={id}>{h}</Term>}
            </th>
          )
        })}
      </tr>
    </thead>
  )
}
