/** Picks the one change an edited copy makes: which setting, and its value. */
import type { MskBrokerType } from '../../engine/capacity/broker-type-names'
import type { Acks, SimulationSpec } from '../../engine/spec'
import {
  BROKER_TYPE_CHOICES,
  CHANGE_KINDS,
  type ChangeKind,
  type ConfigChange,
  suggestedChange,
} from '../../analysis/compare'

export interface ChangeControlsProps {
  spec: SimulationSpec
  change: ConfigChange
  onChange: (change: ConfigChange) => void
}

const FIELD = 'rounded border border-border bg-panel px-2 py-1'

function ValueControl({ spec, change, onChange }: ChangeControlsProps) {
  switch (change.kind) {
    case 'unclean':
      return (
        <select
          className={FIELD}
          value={String(change.enabled)}
          onChange={(event) =>
            onChange({ kind: 'unclean', enabled: event.target.value === 'true' })
          }
        >
          <option value="true">true (allow unclean election)</option>
          <option value="false">false (clean elections only)</option>
        </select>
      )
    case 'acks':
      return (
        <select
          className={FIELD}
          value={String(change.value)}
          onChange={(event) =>
            onChange({ kind: 'acks', value: Number(event.target.value) as Acks })
          }
        >
          <option value="-1">all</option>
          <option value="1">1</option>
          <option value="0">0</option>
        </select>
      )
    case 'brokerType':
      return (
        <select
          className={FIELD}
          value={change.value}
          onChange={(event) =>
            onChange({ kind: 'brokerType', value: event.target.value as MskBrokerType })
          }
        >
          {BROKER_TYPE_CHOICES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      )
    case 'minIsr':
    case 'rf': {
      const max = change.kind === 'rf' ? spec.cluster.brokers.length : 5
      return (
        <input
          type="number"
          className={`${FIELD} w-20`}
          min={1}
          max={max}
          value={change.value}
          onChange={(event) => {
            const value = Math.max(1, Math.min(max, Math.round(Number(event.target.value) || 1)))
            onChange({ kind: change.kind, value })
          }}
        />
      )
    }
  }
}

export function ChangeControls({ spec, change, onChange }: ChangeControlsProps) {
  return (
    <>
      <label className="flex items-center gap-2">
        <span>Change</span>
        <select
          className={FIELD}
          value={change.kind}
          onChange={(event) => onChange(suggestedChange(spec, event.target.value as ChangeKind))}
        >
          {CHANGE_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2">
        <span>Value</span>
        <ValueControl spec={spec} change={change} onChange={onChange} />
      </label>
    </>
  )
}
