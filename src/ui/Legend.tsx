/**
 * The key to the replica chips: each role's shape and colour, named in words, each name with its
 * glossary definition on hover and focus. The glossary entry is found from the role's English
 * name (`ROLE_NAMES`, stable in every language); the name shown is the catalogue's.
 */
import { REPLICA_ROLES, ROLE_COLOURS, ROLE_NAMES, rolePath, roleIsStroked } from '../viz/theme'
import { useT } from './i18n/react'
import { termFor } from './teach/glossary'
import { Term } from './teach/Term'

export function Legend() {
  const t = useT()
  return (
    <ul
      aria-label={t('legend.label')}
      data-region="legend"
      className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted"
    >
      {REPLICA_ROLES.map((role) => {
        const id = termFor(ROLE_NAMES[role])
        const name = t(`role.${role}`)
        return (
          <li key={role} className="flex items-center gap-1.5">
            <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">
              <path
                d={rolePath(role, 11)}
                style={{
                  fill: roleIsStroked(role) ? 'none' : ROLE_COLOURS[role],
                  stroke: ROLE_COLOURS[role],
                  strokeWidth: roleIsStroked(role) ? 2 : 0,
                }}
              />
            </svg>
            {id === undefined ? name : <Term id={id}>{name}</Term>}
          </li>
        )
      })}
      <li className="flex items-center gap-1.5">
        <svg width="22" height="6" aria-hidden="true">
          <rect width="22" height="3" y="1.5" rx="1.5" className="legend-lag-track" />
          <rect width="9" height="3" y="1.5" rx="1.5" className="legend-lag-bar" />
        </svg>
        <Term id="follower-lag">{t('legend.followerLag')}</Term>
      </li>
    </ul>
  )
}
