/**
 * The topics: name, partition count, replication factor, min ISR, unclean election and the
 * throttled-replica lists.
 */
import type { ConfigForm, FieldProblems, TopicForm, UncleanChoice } from './config-form'
import { Field, INPUT_CLASS, fieldGridStyle, longestLabel } from './Field'

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
  leaderThrottled: '',
  followerThrottled: '',
}

type TextKey =
  'name' | 'partitions' | 'replicationFactor' | 'minIsr' | 'leaderThrottled' | 'followerThrottled'
const UNCLEAN_OPTIONS: { value: UncleanChoice; label: string }[] = [
  { value: 'inherit', label: 'broker default' },
  { value: 'false', label: 'false' },
  { value: 'true', label: 'true' },
]
/** Every column fits the widest select, the unclean-election choice. */
const GRID_STYLE = fieldGridStyle(longestLabel(UNCLEAN_OPTIONS.map((o) => o.label)))

const TEXT_FIELDS: { key: TextKey; label: string; placeholder?: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'partitions', label: 'Partitions' },
  { key: 'replicationFactor', label: 'RF' },
  { key: 'minIsr', label: 'min.insync.replicas' },
  {
    key: 'leaderThrottled',
    label: 'leader.replication.throttled.replicas',
    placeholder: 'none',
  },
  {
    key: 'followerThrottled',
    label: 'follower.replication.throttled.replicas',
    placeholder: 'none',
  },
]

export function TopicsFieldset({ form, errors, onChange }: TopicsFieldsetProps) {
  return (
    <fieldset className="flex flex-col gap-2 rounded border border-border p-2">
      <legend className="px-1 font-semibold">Topics</legend>
      {form.topics.map((topic, i) => (
        <fieldset
          key={i}
          className="grid items-start gap-2 border-t border-border pt-2"
          style={GRID_STYLE}
        >
          <legend className="sr-only">
            Topic {i + 1}
            {topic.name === '' ? '' : `: ${topic.name}`}
          </legend>
          {TEXT_FIELDS.map(({ key, label, placeholder }) => (
            <Field key={key} label={label} problems={errors[`topics.${i}.${key}`]}>
              {(a11y) => (
                <input
                  {...a11y}
                  inputMode={key === 'name' || placeholder !== undefined ? 'text' : 'numeric'}
                  placeholder={placeholder}
                  className={placeholder === undefined ? INPUT_CLASS : `${INPUT_CLASS} font-mono`}
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
                {UNCLEAN_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
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
