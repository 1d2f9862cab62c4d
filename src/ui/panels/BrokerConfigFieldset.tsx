/**
 * The broker configs that matter most for availability, by Kafka's own keys, among them the
 * cluster-wide min.insync.replicas and default.replication.factor that topics without their own
 * value run with (an imported cluster carries them). The editor writes each topic's
 * min.insync.replicas, so a topic showing the cluster's old value follows a change of it.
 */
import {
  BOOLEAN_BROKER_KEYS,
  type ConfigForm,
  type FieldProblems,
  NUMERIC_BROKER_KEYS,
  type NumericBrokerKey,
  OPTIONAL_BROKER_KEYS,
} from './config-form'
import { Field, INPUT_CLASS, breakAtDots, fieldGridStyle } from './Field'

const HINTS: Partial<Record<NumericBrokerKey, string>> = {
  'min.insync.replicas': 'For topics without their own; topics at the old value follow it',
  'default.replication.factor': 'For topics created without a replication factor',
}

interface BrokerConfigFieldsetProps {
  form: ConfigForm
  errors: FieldProblems
  onChange: (edit: (draft: ConfigForm) => void) => void
}

export function BrokerConfigFieldset({ form, errors, onChange }: BrokerConfigFieldsetProps) {
  return (
    <fieldset className="grid gap-2 rounded border border-border p-2" style={fieldGridStyle(0, 14)}>
      <legend className="px-1 font-semibold">Broker configs</legend>
      {NUMERIC_BROKER_KEYS.map((key) => (
        <Field key={key} label={key} problems={errors[`numeric.${key}`]} hint={HINTS[key]}>
          {(a11y) => (
            <input
              {...a11y}
              inputMode="numeric"
              className={`${INPUT_CLASS} font-mono`}
              value={form.numeric[key]}
              onChange={(e) =>
                onChange((f) => {
                  const old = f.numeric[key]
                  f.numeric[key] = e.target.value
                  if (key !== 'min.insync.replicas') return
                  for (const topic of f.topics)
                    if (topic.minIsr === old) topic.minIsr = e.target.value
                })
              }
            />
          )}
        </Field>
      ))}
      {OPTIONAL_BROKER_KEYS.map((key) => (
        <Field key={key} label={key} problems={errors[`optional.${key}`]}>
          {(a11y) => (
            <input
              {...a11y}
              inputMode="numeric"
              placeholder="none (bytes/s)"
              className={`${INPUT_CLASS} font-mono`}
              value={form.optional[key]}
              onChange={(e) =>
                onChange((f) => {
                  f.optional[key] = e.target.value
                })
              }
            />
          )}
        </Field>
      ))}
      {BOOLEAN_BROKER_KEYS.map((key) => (
        <label
          key={key}
          className="flex min-w-0 items-center gap-2 font-mono text-xs [overflow-wrap:anywhere]"
        >
          <input
            type="checkbox"
            checked={form.flags[key]}
            onChange={(e) =>
              onChange((f) => {
                f.flags[key] = e.target.checked
              })
            }
          />
          <span className="min-w-0">{breakAtDots(key)}</span>
        </label>
      ))}
    </fieldset>
  )
}
