/** The broker configs that matter most for availability, by Kafka's own keys. */
import {
  BOOLEAN_BROKER_KEYS,
  type ConfigForm,
  type FieldProblems,
  NUMERIC_BROKER_KEYS,
  OPTIONAL_BROKER_KEYS,
} from './config-form'
import { Field, INPUT_CLASS, breakAtDots, fieldGridStyle } from './Field'

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
        <Field key={key} label={key} problems={errors[`numeric.${key}`]}>
          {(a11y) => (
            <input
              {...a11y}
              inputMode="numeric"
              className={`${INPUT_CLASS} font-mono`}
              value={form.numeric[key]}
              onChange={(e) =>
                onChange((f) => {
                  f.numeric[key] = e.target.value
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
