/**
 * The header row of a table: the partition table and the Metrics tab's record tables (failovers,
 * consumer groups, clients). A head the glossary knows (Leader, Isr, Elr, Lag …) carries its
 * definition on hover and focus. `headers` are the English names (the glossary's and the keys);
 * `labels`, when given, are what shows: Kafka's column names stay as Kafka prints them, ours are
 * in the language on screen.
 */
import { termFor } from '../teach/glossary'
import { Term } from '../teach/Term'

export function ColumnHeads({
  headers,
  labels = headers,
}: {
  headers: readonly string[]
  labels?: readonly string[]
}) {
  return (
    <thead className="bg-panel text-left">
      <tr>
        {headers.map((h, i) => {
          const id = termFor(h)
          const label = labels[i] ?? h
          return (
            <th key={h} scope="col" className="border-b border-border px-2 py-1">
              {id === undefined ? label : <Term id={id}>{label}</Term>}
            </th>
          )
        })}
      </tr>
    </thead>
  )
}
