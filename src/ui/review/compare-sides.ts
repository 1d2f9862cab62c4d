/**
 * What the Compare tab's controls hold for each design before a run, the pure part: the kinds a
 * design may be, the line saying what a design is, and the request the worker runs (or what is
 * still missing). Reading the designs — parsing, the reassignment, the advisor — happens in the
 * worker; here only what the user typed or chose is kept.
 */
import { type ConfigChange, describeChange, suggestedChange } from '../../analysis/compare'
import type { DesignSource, FaultScript } from '../../analysis/compare-designs'
import type { SimulationSpec } from '../../engine/spec'
import type { CompareDesignsRequest } from '../../host/compare'

export type SideDraft =
  | { kind: 'current' }
  | { kind: 'edited'; change: ConfigChange }
  | { kind: 'reassignment' }
  | { kind: 'describe'; text: string; zoneMap: string; name: string | null }
  | { kind: 'file'; file: { name: string; text: string } | null }

export type SideKind = SideDraft['kind']

export const SIDE_KINDS: readonly { kind: SideKind; label: string }[] = [
  { kind: 'current', label: 'The current scenario' },
  { kind: 'edited', label: 'An edited copy' },
  { kind: 'reassignment', label: 'The generated reassignment' },
  { kind: 'describe', label: 'kafka-topics --describe output' },
  { kind: 'file', label: 'A scenario file' },
]

/** A fresh draft of `kind`, starting from the current scenario where that helps. */
export function newDraft(kind: SideKind, spec: SimulationSpec): SideDraft {
  switch (kind) {
    case 'current':
    case 'reassignment':
      return { kind }
    case 'edited':
      return { kind, change: suggestedChange(spec, 'minIsr') }
    case 'describe':
      return { kind, text: '', zoneMap: '', name: null }
    case 'file':
      return { kind, file: null }
  }
}

/** What a design is, before the run reads it (the run's own label adds what it found). */
export function draftLabel(draft: SideDraft, spec: SimulationSpec): string {
  switch (draft.kind) {
    case 'current':
      return `Current: ${spec.name}`
    case 'edited':
      return `Edited copy: ${describeChange(draft.change)}`
    case 'reassignment':
      return "Reassignment: the advisor's zone-aware reassignment of the current layout"
    case 'describe':
      return draft.text.trim() === ''
        ? 'Describe: paste kafka-topics --describe output'
        : `Describe: ${draft.name ?? 'pasted text'}`
    case 'file':
      return draft.file === null ? 'File: none chosen yet' : `File: ${draft.file.name}`
  }
}

/** The design to send, or what is missing (a sentence naming the side). */
export function sourceOf(draft: SideDraft, side: 'A' | 'B'): DesignSource | string {
  switch (draft.kind) {
    case 'current':
    case 'reassignment':
      return { kind: draft.kind }
    case 'edited':
      return { kind: 'edited', change: draft.change }
    case 'describe':
      if (draft.text.trim() === '')
        return `Design ${side}: paste kafka-topics --describe output first.`
      return {
        kind: 'describe',
        text: draft.text,
        zoneMap: draft.zoneMap,
        ...(draft.name === null ? {} : { name: draft.name }),
      }
    case 'file':
      if (draft.file === null) return `Design ${side}: choose a scenario file first.`
      return { kind: 'file', name: draft.file.name, text: draft.file.text }
  }
}

/** The first fault script to offer: the scenario's own faults, else its first zone failing. */
export function defaultFaultScript(spec: SimulationSpec): FaultScript {
  if (spec.faults.length > 0) return { kind: 'scenario' }
  const zone = spec.cluster.brokers[0]?.zone
  return zone === undefined ? { kind: 'none' } : { kind: 'zone', zone, atMs: 10_000 }
}

/**
 * The request for the worker, or the sentences saying what is missing.
 *
 * @example
 * const request = compareRequest(spec, { kind: 'current' }, { kind: 'reassignment' },
 *   { kind: 'zone', zone: 'use1-az1', atMs: 10_000 }, 120_000)
 */
export function compareRequest(
  spec: SimulationSpec,
  a: SideDraft,
  b: SideDraft,
  faults: FaultScript,
  durationMs: number,
): CompareDesignsRequest | string[] {
  const sourceA = sourceOf(a, 'A')
  const sourceB = sourceOf(b, 'B')
  const missing = [sourceA, sourceB].filter((s): s is string => typeof s === 'string')
  if (typeof sourceA === 'string' || typeof sourceB === 'string') return missing
  return { current: spec, a: sourceA, b: sourceB, faults, durationMs }
}
