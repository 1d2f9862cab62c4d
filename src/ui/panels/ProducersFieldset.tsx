/**
 * The producers: client id, topic, acks, rate, record size and bootstrap.servers. Consumers are
 * kept as they are.
 */
import { DEFAULT_RECORD_BYTES } from '../../analysis/capacity-figures'
import type { AcksChoice, ConfigForm, FieldProblems, ProducerForm } from './config-form'
import { Field, INPUT_CLASS, fieldGridStyle, longestLabel } from './Field'

interface ProducersFieldsetProps {
  form: ConfigForm
  errors: FieldProblems
  onChange: (edit: (draft: ConfigForm) => void) => void
}

type TextKey = 'id' | 'recordsPerSecond' | 'recordBytes' | 'bootstrapServers'

export function ProducersFieldset({ form, errors, onChange }: ProducersFieldsetProps) {
  const topicNames = form.topics.map((t) => t.name).filter((n) => n !== '')
  // Every column fits the widest select: a topic name (a producer's unknown one is listed too).
  const gridStyle = fieldGridStyle(
    longestLabel([...topicNames, ...form.producers.map((p) => p.topic), 'all']),
  )
  const set = (i: number, key: TextKey | 'topic', value: string) =>
    onChange((f) => {
      f.producers[i]![key] = value
    })
  const addProducer = () =>
    onChange((f) => {
      const producer: ProducerForm = {
        id: `producer-${f.producers.length + 1}`,
        topic: topicNames[0] ?? '',
        acks: 'all',
        recordsPerSecond: '100',
        bootstrapServers: '1, 2, 3',
        recordBytes: '',
      }
      f.producers.push(producer)
    })

  return (
    <fieldset className="flex flex-col gap-2 rounded border border-border p-2">
      <legend className="px-1 font-semibold">Producers</legend>
      {form.producers.map((p, i) => (
        <fieldset
          key={i}
          className="grid items-start gap-2 border-t border-border pt-2"
          style={gridStyle}
        >
          <legend className="sr-only">Producer {p.id === '' ? i + 1 : p.id}</legend>
          <Field label="Client id" problems={errors[`producers.${i}.id`]}>
            {(a11y) => (
              <input
                {...a11y}
                className={INPUT_CLASS}
                value={p.id}
                onChange={(e) => set(i, 'id', e.target.value)}
              />
            )}
          </Field>
          <Field label="Topic" problems={errors[`producers.${i}.topic`]}>
            {(a11y) => (
              <select
                {...a11y}
                className={INPUT_CLASS}
                value={p.topic}
                onChange={(e) => set(i, 'topic', e.target.value)}
              >
                {!topicNames.includes(p.topic) && <option value={p.topic}>{p.topic || '—'}</option>}
                {topicNames.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="acks" problems={undefined}>
            {(a11y) => (
              <select
                {...a11y}
                className={INPUT_CLASS}
                value={p.acks}
                onChange={(e) =>
                  onChange((f) => {
                    f.producers[i]!.acks = e.target.value as AcksChoice
                  })
                }
              >
                <option value="all">all</option>
                <option value="1">1</option>
                <option value="0">0</option>
              </select>
            )}
          </Field>
          <Field label="Records per second" problems={errors[`producers.${i}.recordsPerSecond`]}>
            {(a11y) => (
              <input
                {...a11y}
                inputMode="numeric"
                className={INPUT_CLASS}
                value={p.recordsPerSecond}
                onChange={(e) => set(i, 'recordsPerSecond', e.target.value)}
              />
            )}
          </Field>
          <Field
            label="Record size (bytes)"
            problems={errors[`producers.${i}.recordBytes`]}
            hint={`Optional; empty: ${DEFAULT_RECORD_BYTES}`}
          >
            {(a11y) => (
              <input
                {...a11y}
                inputMode="numeric"
                className={INPUT_CLASS}
                value={p.recordBytes}
                onChange={(e) => set(i, 'recordBytes', e.target.value)}
              />
            )}
          </Field>
          <Field
            label="bootstrap.servers (broker ids)"
            problems={errors[`producers.${i}.bootstrapServers`]}
          >
            {(a11y) => (
              <input
                {...a11y}
                className={INPUT_CLASS}
                value={p.bootstrapServers}
                onChange={(e) => set(i, 'bootstrapServers', e.target.value)}
              />
            )}
          </Field>
          <button
            type="button"
            className="self-end rounded border border-border px-2 py-1"
            aria-label={`Remove producer ${p.id === '' ? i + 1 : p.id}`}
            onClick={() => onChange((f) => void f.producers.splice(i, 1))}
          >
            Remove
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="self-start rounded border border-border px-2 py-1"
        onClick={addProducer}
      >
        Add producer
      </button>
    </fieldset>
  )
}
