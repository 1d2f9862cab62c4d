/**
 * The consumer groups as their coordinators hold them (the run report's `groups`, docs/cli.md):
 * state, generation, which broker coordinates, how many members it knows, and what the members
 * read twice or skipped. A group that cannot form says why.
 */
import { ColumnHeads } from './ColumnHeads'
import type { ClientView, GroupView } from '../../engine/types'

export interface GroupsTableProps {
  groups: readonly GroupView[]
  clients: readonly ClientView[]
}

const cell = 'border-b border-border px-2 py-1 align-top'
const HEADERS = [
  'Group',
  'State',
  'Generation',
  'Coordinator',
  'Members',
  'Lag',
  'Read twice',
  'Skipped',
]

/** "Stable", or why it is not. */
function stateText(group: GroupView): string {
  if (group.offsetsPartition < 0)
    return 'Cannot form: __consumer_offsets could not be created (fewer brokers than offsets.topic.replication.factor)'
  if (group.coordinator === null)
    return `${group.state}: no coordinator (its __consumer_offsets partition has no leader)`
  return group.state
}

export function GroupsTable({ groups, clients }: GroupsTableProps) {
  if (groups.length === 0) return null
  return (
    <section aria-labelledby="groups-heading" className="mb-4">
      <h3 id="groups-heading" className="mb-1 text-sm font-semibold">
        Consumer groups
      </h3>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse font-mono text-xs">
          <caption className="sr-only">
            One row per consumer group: its state, generation and coordinator broker, the members
            the coordinator knows of all its members, its lag, and the records its members read
            twice or skipped
          </caption>
          <ColumnHeads headers={HEADERS} />
          <tbody>
            {groups.map((g) => {
              let lag = 0
              for (const c of clients) if (c.kind === 'consumer' && c.group === g.name) lag += c.lag
              return (
                <tr key={g.name}>
                  <th scope="row" className={`${cell} text-left font-normal`}>
                    {g.name}
                    <span className="block text-muted">{g.topic}</span>
                  </th>
                  <td className={cell}>{stateText(g)}</td>
                  <td className={cell}>{g.generation}</td>
                  <td className={cell}>
                    {g.coordinator === null
                      ? '—'
                      : `broker ${g.coordinator} (__consumer_offsets-${g.offsetsPartition})`}
                  </td>
                  <td className={cell}>
                    {g.knownMembers} of {g.members}
                    {g.leavingMembers > 0 && (
                      <span className="block text-muted">
                        + {g.leavingMembers} old member id{g.leavingMembers === 1 ? '' : 's'} until
                        the session expires
                      </span>
                    )}
                  </td>
                  <td className={cell}>{lag}</td>
                  <td className={cell}>{g.duplicates}</td>
                  <td className={cell}>{g.skipped}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
