/**
 * Edits the cluster, topics, producers and key broker configs of a SimulationSpec, and applies
 * them as a new spec through `onApply` (`ScenarioTab`
 * restarts the simulation with it). The form is checked by
 * the scenario reader itself; every problem is shown at its field, and problems of no field in a
 * list above Apply, which stays disabled until there are none. Faults and consumers that would no
 * longer fit the cluster are listed before applying, since applying drops them.
 */
import { useMemo, useState } from 'react'
import type { SimulationSpec } from '../../engine/spec'
import { BrokerConfigFieldset } from './BrokerConfigFieldset'
import { ClusterFieldset } from './ClusterFieldset'
import { renderProblem } from '../../scenario/messages'
import { type ConfigForm, checkForm, describeFault, specToForm } from './config-form'
import { ProducersFieldset } from './ProducersFieldset'
import { TopicsFieldset } from './TopicsFieldset'

export interface ConfigEditorProps {
  spec: SimulationSpec
  onApply: (next: SimulationSpec) => void
}

export function ConfigEditor({ spec, onApply }: ConfigEditorProps) {
  const [base, setBase] = useState(spec)
  const [form, setForm] = useState(() => specToForm(spec))
  const [applied, setApplied] = useState<string | null>(null)
  // A new spec from outside (a scenario loaded, or our own apply) resets the form to it.
  if (spec !== base) {
    setBase(spec)
    setForm(specToForm(spec))
  }

  const check = useMemo(() => checkForm(form, spec), [form, spec])
  const errors = check.fields
  const { dropped, general, notes: consumerNotes } = check
  const problemCount = Object.keys(errors).length + general.length

  // Handlers read the event synchronously, so an edit is applied to a copy of the current form.
  const edit = (change: (draft: ConfigForm) => void) => {
    const next = structuredClone(form)
    change(next)
    setForm(next)
    setApplied(null)
  }

  const apply = () => {
    if (check.spec === null) return
    const droppedText =
      dropped.length === 0
        ? ''
        : ` ${dropped.length} fault${dropped.length === 1 ? '' : 's'} dropped.`
    setApplied(`Applied; the simulation restarts.${droppedText}`)
    onApply(check.spec)
  }

  return (
    <form
      aria-label="Cluster configuration"
      className="flex flex-col gap-3 text-sm"
      onSubmit={(e) => {
        e.preventDefault()
        if (problemCount === 0) apply()
      }}
    >
      <ClusterFieldset form={form} base={spec} errors={errors} onChange={edit} />
      <TopicsFieldset form={form} errors={errors} onChange={edit} />
      <ProducersFieldset form={form} errors={errors} onChange={edit} />
      <BrokerConfigFieldset form={form} errors={errors} onChange={edit} />
      {(dropped.length > 0 || consumerNotes.length > 0) && (
        <section
          aria-label="Changes to the fault script"
          className="rounded border border-out-of-sync p-2"
        >
          <h3 className="font-semibold">Applying will drop what no longer fits the cluster:</h3>
          <ul className="list-disc pl-5">
            {dropped.map((d, i) => (
              <li key={i}>
                {describeFault(d.fault)}: {d.problems.map(renderProblem).join('; ')}
              </li>
            ))}
            {consumerNotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      )}
      {general.length > 0 && (
        <section aria-label="Other problems" className="text-danger">
          <ul className="list-disc pl-5">
            {general.map((p, i) => (
              <li key={i}>
                <span aria-hidden="true">⚠ </span>
                <span className="font-mono">{p.path}</span>: {renderProblem(p)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={problemCount > 0}
          className="rounded border border-border bg-panel px-3 py-1 font-semibold disabled:opacity-50"
        >
          Apply and restart
        </button>
        <span role="status" className={problemCount > 0 ? 'text-danger' : 'text-muted'}>
          {problemCount > 0
            ? `Fix ${problemCount} problem${problemCount === 1 ? '' : 's'} to apply.`
            : (applied ?? '')}
        </span>
      </div>
    </form>
  )
}
