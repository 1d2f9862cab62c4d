/** The topics: name, partition count, replication factor, min ISR and unclean election. */
import type { ConfigForm, FieldProblems, TopicForm, UncleanChoice } from './config-form'
import { Field, INPUT_CLASS } from './Field'

interface TopicsFieldsetProps {
  form: ConfigForm
  errors: FieldProblems
  onChange: (edit: (draft: ConfigForm) => void) => void
}

const NEW_TOPIC: TopicForm = {
  name: '',
  partitions: '6',
  replicationFactor: '3',
  minIsr: '2',
  unclean: 'inherit',
}

type TextKey = 'name' | 'partitions' | 'replicationFactor' | 'minIsr'
const TEXT_FIELDS: { key: TextKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'partitions', label: 'Partitions' },
  { key: 'replicationFactor', label: 'RF' },
  { key: 'minIsr', label: 'min.insync.replicas' },
]

export function TopicsFieldset({ form, errors, onChange }: TopicsFieldsetProps) {
  return (
    <fieldset className="flex flex-col gap-2 rounded border border-border p-2">
      <legend className="px-1 font-semibold">Topics</legend>
      {form.topics.map((topic, i) => (
        <fieldset
          key={i}
          className="grid grid-cols-[repeat(auto-fill,minmax(8rem,1fr))] items-start gap-2 border-t border-border pt-2"
        >
          <legend className="sr-only">
            Topic {i + 1}
            {topic.name === '' ? '' : `: ${topic.name}`}
          </legend>
          {TEXT_FIELDS.map(({ key, label }) => (
            <Field key={key} label={label} problems={errors[`topics.${i}.${key}`]}>
              {(a11y) => (
                <input
                  {...a11y}
                  inputMode={key === 'name' ? 'text' : 'numeric'}
                  className={INPUT_CLASS}
                  value={topic[key]}
                  onChange={(e) =>
                    onChange((f) => {
                      f.topics[i]![key] = e.target.value
                    })
                  }
                />
              )}
            </Field>
          ))}
          <Field label="unclean.leader.election.enable" problems={undefined}>
            {(a11y) => (
              <select
                {...a11y}
                className={INPUT_CLASS}
                value={topic.unclean}
                onChange={(e) =>
                  onChange((f) => {
                    f.topics[i]!.unclean = e.target.value as UncleanChoice
                  })
                }
              >
                <option value="inherit">broker default</option>
                <option value="false">false</option>
                <option value="true">true</option>
              </select>
            )}
          </Field>
          <button
            type="button"
            className="self-end rounded border border-border px-2 py-1"
            aria-label={`Remove topic ${topic.name === '' ? i + 1 : topic.name}`}
            onClick={() => onChange((f) => void f.topics.splice(i, 1))}
          >
            Remove
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="self-start rounded border border-border px-2 py-1"
        onClick={() => onChange((f) => void f.topics.push({ ...NEW_TOPIC }))}
      >
        Add topic
      </button>
    </fieldset>
  )
}
