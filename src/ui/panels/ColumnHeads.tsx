/** The header row of the Metrics tab's record tables (failovers, consumer groups). */
export function ColumnHeads({ headers }: { headers: readonly string[] }) {
  return (
    <thead className="bg-panel text-left">
      <tr>
        {headers.map((h) => (
          <th key={h} scope="col" className="border-b border-border px-2 py-1">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  )
}
