/**
 * The key to the replica chips: each role's shape and colour, named in words, each name with its
 * glossary definition on hover and focus.
 */
import { REPLICA_ROLES, ROLE_COLOURS, ROLE_NAMES, rolePath, roleIsStroked } from '../viz/theme'
import { type TermId, termFor } from './teach/glossary'
import { Term } from './teach/Term'

function Named({ label }: { label: string }) {
  const id: TermId | undefined = termFor(label)
  return id === undefined ? <>{label}</> : <Term id={id}>{label}</Term>
}

export function Legend() {
  return (
    <ul
      aria-label="Legend"
      className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted"
    >
      {REPLICA_ROLES.map((role) => (
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
          <Named label={ROLE_NAMES[role]} />
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <svg width="22" height="6" aria-hidden="true">
          <rect width="22" height="3" y="1.5" rx="1.5" className="legend-lag-track" />
          <rect width="9" height="3" y="1.5" rx="1.5" className="legend-lag-bar" />
        </svg>
        <Term id="follower-lag">Follower lag</Term>
      </li>
    </ul>
  )
}
