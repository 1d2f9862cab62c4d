/**
 * One design's controls: what it is (the current scenario, an edited copy, the generated
 * reassignment, `kafka-topics --describe` output with a zone map, or a scenario file) and what
 * that kind needs, with a line saying what the design is. Files are only read as text here; the
 * worker parses and validates them when the comparison runs.
 */
import { useState } from 'react'
import type { SimulationSpec } from '../../engine/spec'
import { fileSizeLine } from '../open-file/scenario-file'
import { ChangeControls } from './ChangeControls'
import { draftLabel, newDraft, SIDE_KINDS, type SideDraft, type SideKind } from './compare-sides'

export interface CompareSideProps {
  side: 'A' | 'B'
  spec: SimulationSpec
  draft: SideDraft
  onChange: (draft: SideDraft) => void
}

const FIELD = 'rounded border border-border bg-panel px-2 py-1'

/** Reads a chosen file as text, refusing what no scenario could need. */
async function readChosen(
  input: HTMLInputElement,
  onRead: (file: { name: string; text: string }) => void,
  onRefused: (line: string) => void,
) {
  const file = input.files?.[0]
  if (file === undefined) return
  const refused = fileSizeLine(file.name, file.size)
  if (refused !== null) onRefused(refused)
  else onRead({ name: file.name, text: await file.text() })
}

function DescribeInputs({
  side,
  draft,
  onChange,
}: CompareSideProps & { draft: Extract<SideDraft, { kind: 'describe' }> }) {
  const [refused, setRefused] = useState<string | null>(null)
  return (
    <>
      <label className="flex flex-col gap-1">
        <span>kafka-topics --describe output</span>
        <textarea
          aria-label={`kafka-topics --describe output for ${side}`}
          rows={5}
          spellCheck={false}
          value={draft.text}
          onChange={(event) => onChange({ ...draft, text: event.target.value, name: null })}
          className={`${FIELD} font-mono text-xs`}
        />
      </label>
      <label className="flex flex-col gap-1">
        <span>Broker → zone map (broker.rack)</span>
        <input
          aria-label={`Broker to zone map for ${side}`}
          value={draft.zoneMap}
          placeholder="1=use1-az1,2=use1-az2,3=use1-az3"
          onChange={(event) => onChange({ ...draft, zoneMap: event.target.value })}
          className={`${FIELD} font-mono text-xs`}
        />
      </label>
      <label className="flex flex-col gap-1 text-xs">
        <span>Or read the output from a file</span>
        <input
          type="file"
          aria-label={`Describe output file for ${side}`}
          onChange={(event) =>
            void readChosen(
              event.currentTarget,
              (file) => {
                setRefused(null)
                onChange({ ...draft, text: file.text, name: file.name })
              },
              setRefused,
            )
          }
        />
      </label>
      {refused !== null && (
        <p role="alert" className="text-danger">
          {refused}
        </p>
      )}
    </>
  )
}

function FileInput({ side, draft, onChange }: CompareSideProps) {
  const [refused, setRefused] = useState<string | null>(null)
  return (
    <>
      <input
        type="file"
        accept=".json,application/json"
        aria-label={`Scenario file for ${side}`}
        onChange={(event) =>
          void readChosen(
            event.currentTarget,
            (file) => {
              setRefused(null)
              onChange({ kind: 'file', file })
            },
            (line) => {
              setRefused(line)
              if (draft.kind === 'file') onChange({ kind: 'file', file: null })
            },
          )
        }
      />
      {refused !== null && (
        <p role="alert" className="text-danger">
          {refused}
        </p>
      )}
    </>
  )
}

export function CompareSide(props: CompareSideProps) {
  const { side, spec, draft, onChange } = props
  return (
    <fieldset className="flex min-w-0 flex-col gap-2 rounded border border-border p-2">
      <legend className="px-1 font-semibold">Design {side}</legend>
      <select
        aria-label={`Design ${side}`}
        className={FIELD}
        value={draft.kind}
        onChange={(event) => onChange(newDraft(event.target.value as SideKind, spec))}
      >
        {SIDE_KINDS.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </select>
      {draft.kind === 'edited' && (
        <div className="flex flex-wrap items-center gap-3">
          <ChangeControls
            spec={spec}
            change={draft.change}
            onChange={(change) => onChange({ kind: 'edited', change })}
          />
        </div>
      )}
      {draft.kind === 'describe' && <DescribeInputs {...props} draft={draft} />}
      {draft.kind === 'file' && <FileInput {...props} />}
      <p className="text-xs text-muted">{draftLabel(draft, spec)}</p>
    </fieldset>
  )
}
