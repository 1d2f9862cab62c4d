/**
 * Pure helpers of the matrix's "By topic" view (`topicRollup`): its columns, the order (failing
 * topics first unless a column is sorted) and each failure class's cell text, in words and a
 * symbol as well as colour.
 */
import type { FailureKind, TopicClassRollup, TopicRollup } from '../../analysis/index'
import { formatCount, type SortDirection } from './matrix'

export type RollupColumn = 'topic' | 'partitions' | FailureKind

export interface RollupSort {
  column: RollupColumn
  direction: SortDirection
}

export const FAILURE_CLASSES: readonly { kind: FailureKind; label: string }[] = [
  { kind: 'broker', label: 'Single brokers' },
  { kind: 'zone', label: 'Single zones' },
  { kind: 'brokers', label: 'Broker pairs' },
  { kind: 'zone+broker', label: 'Zone plus a broker' },
]

export const ROLLUP_COLUMNS: readonly { column: RollupColumn; label: string }[] = [
  { column: 'topic', label: 'Topic' },
  { column: 'partitions', label: 'Partitions' },
  ...FAILURE_CLASSES.map(({ kind, label }) => ({ column: kind, label })),
]

/** Some case of the class takes a partition of the topic offline, or needs acks=all or unclean. */
export function classFails(c: TopicClassRollup): boolean {
  return c.offlineCases + c.unwritableCases + c.uncleanCases > 0
}

export function topicFails(rollup: TopicRollup): boolean {
  return FAILURE_CLASSES.some(({ kind }) => classFails(rollup.byKind[kind]))
}

/** Offline cases weigh most, then unwritable, then unclean (compared in that order). */
function compareClass(a: TopicClassRollup, b: TopicClassRollup): number {
  return (
    a.offlineCases - b.offlineCases ||
    a.unwritableCases - b.unwritableCases ||
    a.uncleanCases - b.uncleanCases
  )
}

function totals(rollup: TopicRollup): TopicClassRollup {
  const sum: TopicClassRollup = {
    cases: 0,
    offlineCases: 0,
    unwritableCases: 0,
    uncleanCases: 0,
    worst: null,
  }
  for (const { kind } of FAILURE_CLASSES) {
    const c = rollup.byKind[kind]
    sum.cases += c.cases
    sum.offlineCases += c.offlineCases
    sum.unwritableCases += c.unwritableCases
    sum.uncleanCases += c.uncleanCases
  }
  return sum
}

/**
 * Sorted copy. Unsorted, failing topics come first, those failing in the most cases (offline,
 * then unwritable, then unclean, over all classes) before the rest; ties keep the scenario's
 * order. A class column sorts by its cases the same way; the topic column by name.
 */
export function sortRollups(
  rollups: readonly TopicRollup[],
  sort: RollupSort | null,
): TopicRollup[] {
  const indexed = rollups.map((rollup, index) => ({ rollup, index }))
  const compare = (a: TopicRollup, b: TopicRollup): number => {
    if (sort === null) return compareClass(totals(b), totals(a))
    const sign = sort.direction === 'ascending' ? 1 : -1
    switch (sort.column) {
      case 'topic':
        return sign * (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0)
      case 'partitions':
        return sign * (a.partitions - b.partitions)
      default:
        return sign * compareClass(a.byKind[sort.column], b.byKind[sort.column])
    }
  }
  indexed.sort((a, b) => compare(a.rollup, b.rollup) || a.index - b.index)
  return indexed.map((x) => x.rollup)
}

/** Names sort A to Z first; counts and classes worst first. */
export function nextRollupSort(current: RollupSort | null, column: RollupColumn): RollupSort {
  if (current?.column !== column)
    return { column, direction: column === 'topic' ? 'ascending' : 'descending' }
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
}

export interface ClassCell {
  status: 'ok' | 'bad' | 'none'
  /** "✖ unwritable in 870 of 4,005 cases, offline in 0", "✓ writable in all 90 cases". */
  text: string
  /** The worst case's name and what it does, or null when no case fails. */
  worst: { name: string; text: string } | null
}

export function classCell(c: TopicClassRollup): ClassCell {
  if (c.cases === 0) return { status: 'none', text: 'no cases', worst: null }
  if (!classFails(c)) {
    const all = c.cases === 1 ? 'the only case' : `all ${formatCount(c.cases)} cases`
    return { status: 'ok', text: `✓ writable in ${all}`, worst: null }
  }
  const cases = c.cases === 1 ? 'case' : 'cases'
  let text = `✖ unwritable in ${formatCount(c.unwritableCases)} of ${formatCount(c.cases)} ${cases}, offline in ${formatCount(c.offlineCases)}`
  if (c.uncleanCases > 0) text += `, unclean election needed in ${formatCount(c.uncleanCases)}`
  const worst = c.worst
  if (worst === null) return { status: 'bad', text, worst: null }
  const parts = [
    worst.offline > 0 ? `${formatCount(worst.offline)} offline` : '',
    worst.unwritable > 0 ? `${formatCount(worst.unwritable)} unwritable` : '',
  ].filter((p) => p !== '')
  return { status: 'bad', text, worst: { name: worst.name, text: parts.join(', ') } }
}
