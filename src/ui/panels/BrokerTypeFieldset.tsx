/**
 * The capacity part of the cluster: the Amazon MSK broker type with its published limits beside
 * it, a custom type's own limits, and each broker's volume for the types that have one (Standard
 * and custom; MSK manages Express storage). Fields a type does not take are hidden, and the form
 * keeps what was typed in them.
 */
import { Fragment } from 'react'
import type { Problem } from '../../scenario/messages'
import {
  EXPRESS_BROKER_TYPES,
  MAX_VOLUME_GIB,
  MIN_VOLUME_GIB,
  STANDARD_BROKER_TYPES,
} from '../../analysis/capacity-figures'
import { provisionedThroughputHint, publishedLimits } from './broker-type-limits'
import {
  type BrokerTypeChoice,
  type ConfigForm,
  type FieldProblems,
  type LimitKey,
  type StorageKey,
  takesStorage,
} from './config-form'
import { Field, INPUT_CLASS, fieldGridStyle, longestLabel } from './Field'

interface BrokerTypeFieldsetProps {
  form: ConfigForm
  errors: FieldProblems
  onChange: (edit: (draft: ConfigForm) => void) => void
}

const LIMIT_FIELDS: { key: LimitKey; label: string; hint?: string }[] = [
  { key: 'vcpus', label: 'vCPUs' },
  { key: 'networkMiBps', label: 'Network (MiB/s, each direction)' },
  {
    key: 'volumeThroughputMiBps',
    label: 'Volume throughput (MiB/s)',
    hint: 'Optional; empty: not limited',
  },
  { key: 'recommendedPartitions', label: 'Recommended partitions per broker', hint: 'Optional' },
  { key: 'maxPartitions', label: 'Max partitions per broker', hint: 'Optional' },
]

/** The select's hint where no published limits stand beside it. */
const CHOICE_HINTS: Partial<Record<BrokerTypeChoice, string>> = {
  none: 'Without a broker type the run models no broker limits',
  custom: "Set each broker's limits below",
}

const NONE_LABEL = 'None (no capacity model)'
/** Every column fits the broker-type select's longest option. */
const GRID_STYLE = fieldGridStyle(
  longestLabel([NONE_LABEL, ...STANDARD_BROKER_TYPES, ...EXPRESS_BROKER_TYPES]),
)

export function BrokerTypeFieldset({ form, errors, onChange }: BrokerTypeFieldsetProps) {
  const type = form.brokerType
  const limits = type === 'none' || type === 'custom' ? null : publishedLimits(type)
  const storageField = (key: StorageKey, label: string, hint: string) => (
    <NumberField
      label={label}
      hint={hint}
      problems={errors[`storage.${key}`]}
      value={form.storage[key]}
      onText={(text) =>
        onChange((f) => {
          f.storage[key] = text
        })
      }
    />
  )

  return (
    <fieldset className="col-span-full grid gap-2 border-t border-border pt-2" style={GRID_STYLE}>
      <legend className="px-1 text-xs font-semibold">Capacity</legend>
      <Field label="Broker type" problems={errors.brokerType} hint={CHOICE_HINTS[type]}>
        {(a11y) => (
          <select
            {...a11y}
            className={INPUT_CLASS}
            value={type}
            onChange={(e) => {
              const next = e.target.value as BrokerTypeChoice
              onChange((f) => {
                f.brokerType = next
              })
            }}
          >
            <option value="none">{NONE_LABEL}</option>
            <optgroup label="Standard">
              {STANDARD_BROKER_TYPES.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Express">
              {EXPRESS_BROKER_TYPES.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </optgroup>
            <option value="custom">Custom</option>
          </select>
        )}
      </Field>
      {limits !== null && (
        <section aria-label={`Published limits of ${type}`} className="text-xs sm:col-span-2">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3">
            {limits.lines.map((line) => (
              <Fragment key={line.term}>
                <dt className="text-muted">{line.term}</dt>
                <dd>{line.value}</dd>
              </Fragment>
            ))}
          </dl>
          <p className="mt-1 text-muted">
            Per broker. Sources:{' '}
            {limits.sources.map((source, i) => (
              <Fragment key={source.url}>
                {i > 0 && '; '}
                <a className="underline" href={source.url} target="_blank" rel="noreferrer">
                  {source.title}
                </a>
              </Fragment>
            ))}
          </p>
        </section>
      )}
      {type === 'custom' &&
        LIMIT_FIELDS.map(({ key, label, hint }) => (
          <NumberField
            key={key}
            label={label}
            hint={hint}
            problems={errors[`brokerLimits.${key}`]}
            value={form.brokerLimits[key]}
            onText={(text) =>
              onChange((f) => {
                f.brokerLimits[key] = text
              })
            }
          />
        ))}
      {takesStorage(type) && (
        <>
          {storageField(
            'volumeGiB',
            'Volume (GiB)',
            `Per broker, ${MIN_VOLUME_GIB}–${MAX_VOLUME_GIB}; empty: large enough for the run`,
          )}
          {storageField(
            'provisionedThroughputMiBps',
            'Provisioned storage throughput (MiB/s)',
            provisionedThroughputHint(type),
          )}
        </>
      )}
    </fieldset>
  )
}

interface NumberFieldProps {
  label: string
  hint: string | undefined
  problems: readonly Problem[] | undefined
  value: string
  onText: (text: string) => void
}

function NumberField({ label, hint, problems, value, onText }: NumberFieldProps) {
  return (
    <Field label={label} problems={problems} hint={hint}>
      {(a11y) => (
        <input
          {...a11y}
          inputMode="numeric"
          className={INPUT_CLASS}
          value={value}
          onChange={(e) => onText(e.target.value)}
        />
      )}
    </Field>
  )
}
