/**
 * The consumer groups as their coordinators hold them (the run report's `groups`, docs/cli.md):
 * state, generation, which broker coordinates, how many members it knows, and what the members
 * read twice or skipped. A group that cannot form says why.
 */
import { ColumnHeads } from './ColumnHeads'
import type { ClientView, GroupView } from '../../engine/types'
import { useT } from '../i18n/react'
import { t } from '../i18n/runtime'

export interface GroupsTableProps {
  groups: readonly GroupView[]
  clients: readonly ClientView[]
}

const cell = 'border-b border-border px-2 py-1 align-top'
// i18n-exempt: English names, which the glossary looks terms up by; LABEL_KEYS are shown
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
const LABEL_KEYS = [
  'groups.col.group',
  'groups.col.state',
  'groups.col.generation',
  'groups.col.coordinator',
  'groups.col.members',
  'groups.col.lag',
  'groups.col.readTwice',
  'groups.col.skipped',
] as const

/** "Stable", or why it is not. */
function stateText(group: GroupView): string {
  if (group.offsetsPartition < 0) return t('groups.cannotForm')
  if (group.coordinator === null) return t('groups.noCoordinator', { state: group.state })
  return group.state
}

export function GroupsTable({ groups, clients }: GroupsTableProps) {
  useT()
  if (groups.length === 0) return null
  return (
    <section aria-labelledby="groups-heading" className="mb-4">
      <h3 id="groups-heading" className="mb-1 text-sm font-semibold">
        {t('groups.title')}
      </h3>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse font-mono text-xs">
          <caption className="sr-only">{t('groups.caption')}</caption>
          <ColumnHeads headers={HEADERS} labels={LABEL_KEYS.map((key) => t(key))} />
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
                      : t('groups.coordinator', {
                          broker: g.coordinator,
                          partition: `__consumer_offsets-${g.offsetsPartition}`,
                        })}
                  </td>
                  <td className={cell}>
                    {t('groups.members', { known: g.knownMembers, total: g.members })}
                    {g.leavingMembers > 0 && (
                      <span className="block text-muted">
                        {t('groups.leaving', { count: g.leavingMembers })}
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
