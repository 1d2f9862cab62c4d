/**
 * Where the incident lane draws its marks: marks of all incidents on one time axis (the
 * scrubber's), those too close to tell apart merged into one group (a fencing, its ISR shrink and
 * its election share a millisecond), and groups stacked into rows so their labels never overlap.
 * Pure: labels and sentences come from `incident-text.ts`, positions from the extent alone.
 */
import type { Incident, IncidentMark } from '../analysis/incident'
import type { TimedFault } from '../engine/spec'
import { MARK_ICON, markLabel, markSentence } from './incident-text'

export interface LaneMark {
  mark: IncidentMark
  fault: TimedFault
  incident: number
}

export interface LaneGroup {
  key: string
  atMs: number
  /** 0..1 along the track. */
  x: number
  row: number
  /** Near the right end the label extends leftwards from its mark. */
  alignEnd: boolean
  icon: string
  label: string
  sentences: string[]
}

/** Marks closer than this fraction of the track are one group. */
const MERGE_FRACTION = 0.004
/** A label's width as a fraction of the track, per character (about 6.5 px on 1000 px). */
const CHAR_FRACTION = 0.0068
export const LANE_ROWS = 3

function groupsOf(marks: readonly LaneMark[], extentMs: number): LaneMark[][] {
  const sorted = [...marks].sort((a, b) => a.mark.atMs - b.mark.atMs)
  const groups: LaneMark[][] = []
  for (const m of sorted) {
    const last = groups[groups.length - 1]
    const first = last?.[0]
    if (last !== undefined && first !== undefined) {
      if ((m.mark.atMs - first.mark.atMs) / extentMs <= MERGE_FRACTION) {
        last.push(m)
        continue
      }
    }
    groups.push([m])
  }
  return groups
}

/**
 * @example
 * laneGroups(incidents, 60_000)[0] // { atMs: 20_000, x: 0.333, row: 0, label: 'fault', ... }
 */
export function laneGroups(incidents: readonly Incident[], extentMs: number): LaneGroup[] {
  const marks = incidents.flatMap((incident) =>
    incident.marks.map((mark) => ({ mark, fault: incident.recap.fault, incident: incident.index })),
  )
  const rowEnds = new Array<number>(LANE_ROWS).fill(-1)
  return groupsOf(marks, Math.max(1, extentMs)).map((group) => {
    const first = group[0] as LaneMark
    const atMs = first.mark.atMs
    const x = Math.min(1, atMs / Math.max(1, extentMs))
    const labels = [...new Set(group.map((m) => markLabel(m.mark, m.fault)))]
    const label = labels.join(' · ')
    const width = (label.length + 3) * CHAR_FRACTION
    const alignEnd = x + width > 1
    const start = alignEnd ? x - width : x
    // The first row whose last label ends before this one starts; else the least crowded.
    let row = rowEnds.findIndex((end) => end < start)
    if (row < 0) row = rowEnds.indexOf(Math.min(...rowEnds))
    rowEnds[row] = alignEnd ? x : x + width
    return {
      key: `${first.incident}:${first.mark.kind}@${atMs}`,
      atMs,
      x,
      row,
      alignEnd,
      icon: MARK_ICON[first.mark.kind],
      label,
      sentences: group.map((m) => markSentence(m.mark, m.fault)),
    }
  })
}
