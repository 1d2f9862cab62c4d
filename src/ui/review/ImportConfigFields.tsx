/**
 * The import's cluster-wide broker configs: min.insync.replicas, default.replication.factor and
 * unclean.leader.election.enable, with one click for MSK's or Apache Kafka's defaults. Each field
 * shows the value the import will use and, as its description, where that value comes from;
 * typing into one makes that value the user's own.
 */
import { useId } from 'react'
import {
  IMPORT_CONFIG_KEYS,
  sourceText,
  type ConfigPreset,
  type ImportConfigKey,
  type ResolvedConfig,
} from '../../scenario/import-cluster-config'
import type { ImportInputs } from './import-cluster'

export interface ImportConfigFieldsProps {
  inputs: ImportInputs
  resolved: ResolvedConfig
  onPreset: (preset: ConfigPreset) => void
  onType: (key: ImportConfigKey, text: string) => void
}

const INPUT = 'rounded border border-border bg-panel px-2 py-1 font-mono text-xs'
const MSK_PAGE =
  'https://docs.aws.amazon.com/msk/latest/developerguide/msk-default-configuration.html'

interface ConfigFieldProps {
  name: ImportConfigKey
  value: string
  source: string
  onType: (text: string) => void
}

/** One config, labelled by its Kafka key, with where its value comes from as its description. */
function ConfigField({ name, value, source, onType }: ConfigFieldProps) {
  const id = useId()
  const control = { id, 'aria-describedby': `${id}-source`, className: INPUT, value }
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="font-mono text-xs [overflow-wrap:anywhere]">
        {name}
      </label>
      {name === 'unclean.leader.election.enable' ? (
        <select {...control} onChange={(e) => onType(e.target.value)}>
          <option value="false">false</option>
          <option value="true">true</option>
        </select>
      ) : (
        <input {...control} inputMode="numeric" onChange={(e) => onType(e.target.value)} />
      )}
      <span id={`${id}-source`} className="text-xs text-muted">
        {source}
      </span>
    </div>
  )
}

export function ImportConfigFields({
  inputs,
  resolved,
  onPreset,
  onType,
}: ImportConfigFieldsProps) {
  return (
    <fieldset className="flex flex-col gap-2 rounded border border-border p-2">
      <legend className="px-1 font-semibold">Cluster-wide broker configs</legend>
      <p className="text-xs text-muted">
        What the brokers run for every topic without its own value. Describe output does not show
        them; without a choice here or kafka-configs output, Apache Kafka&apos;s defaults apply.
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="btn"
          aria-pressed={inputs.preset === 'msk'}
          onClick={() => onPreset('msk')}
        >
          MSK defaults
        </button>
        <button
          type="button"
          className="btn"
          aria-pressed={inputs.preset === 'apache'}
          onClick={() => onPreset('apache')}
        >
          Apache defaults
        </button>
        {inputs.preset === 'msk' && (
          <a
            className="self-center text-xs underline"
            href={MSK_PAGE}
            target="_blank"
            rel="noreferrer"
          >
            Amazon MSK&apos;s default configuration (2 or 3 zones)
          </a>
        )}
      </div>
      <div className="grid gap-2 sm:grid-cols-3">
        {IMPORT_CONFIG_KEYS.map((key) => (
          <ConfigField
            key={key}
            name={key}
            value={inputs.typed[key] ?? String(resolved.values[key])}
            source={
              inputs.typed[key] === undefined ? sourceText(resolved.sources[key]) : 'given here'
            }
            onType={(text) => onType(key, text)}
          />
        ))}
      </div>
    </fieldset>
  )
}
