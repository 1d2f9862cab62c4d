/**
 * The incident timeline in English: the recap line ("00:20.0 broker 1 crashed → clients could
 * not write to orders-0 for 9.2 s → 00:29.0 broker 1 fenced, broker 2 elected (clean) → writes
 * resumed at 00:29.4; 0 records retried; 0 records failed; 0 acknowledged records lost"), each
 * mark's sentence for its tooltip and its short visible label. The data comes from
 * `src/analysis/incident.ts`; this is the only place that words it, so a translation replaces
 * this file alone.
 */
import type {
  DetectionCause,
  ElectionClass,
  IncidentMark,
  IncidentMarkKind,
  IncidentRecap,
} from '../analysis/incident'
import { describeFault } from '../analysis/fault-text'
import { plural } from '../analysis/plural'
import type { TimedFault } from '../engine/spec'
import { formatSimTime } from '../scenario/sim-time'
import { formatDuration } from './panels/FailoversTable'

/** Sim time to a tenth of a second, as a recap reads it: "00:03.1". */
export function shortTime(ms: number): string {
  return formatSimTime(ms).slice(0, -2)
}

function brokersText(brokers: readonly number[]): string {
  return brokers.length === 1 ? `broker ${brokers[0]}` : `brokers ${brokers.join(', ')}`
}

/** At most `max` names, then "and N more": a zone outage touches hundreds of partitions. */
export function partitionList(names: readonly string[], max = 3): string {
  if (names.length <= max) return names.join(', ')
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`
}

function scopes(fault: { from?: readonly string[] }): string {
  return (fault.from ?? ['controllers', 'brokers', 'clients']).join(', ')
}

/** What the fault did, as a clause: "broker 1 crashed", "zone use1-az1 stopped". */
export function faultPhrase(fault: TimedFault): string {
  switch (fault.type) {
    case 'crashBroker':
    case 'crashController':
    case 'crashClient':
      return `${describeFault(fault)} crashed`
    case 'shutdownBroker':
      return `${describeFault(fault)} shut down cleanly`
    case 'startBroker':
    case 'startController':
    case 'startClient':
    case 'startZone':
      return `${describeFault(fault)} started`
    case 'stopZone':
      return `${describeFault(fault)} stopped`
    case 'isolateBroker':
      return `broker ${fault.broker} cut off from ${scopes(fault)}`
    case 'isolateZone':
      return `zone ${fault.zone} cut off from ${scopes(fault)}`
    case 'healBroker':
    case 'healZone':
      return `${describeFault(fault)} reconnected`
    case 'slowBroker':
      return `broker ${fault.broker} slowed (fetch delay ${fault.fetchDelayMs} ms)`
    case 'unslowBroker':
      return `broker ${fault.broker} back to normal speed`
    case 'replaceVolume':
      return `broker ${fault.broker}'s volume replaced`
    case 'rollingRestart':
      return fault.brokers === undefined
        ? 'rolling restart of every broker'
        : `rolling restart of ${brokersText(fault.brokers)}`
    case 'upgradeCluster':
      return `rolling upgrade ${describeFault(fault)}`
    case 'electLeaders':
      return `${describeFault(fault)} leader election requested`
  }
}

const DETECTION_VERB: Record<DetectionCause, string> = {
  BrokerFenced: 'fenced',
  BrokerSessionExpired: 'lost its ZooKeeper session',
  ControlledShutdownRequested: 'asked for a controlled shutdown',
  GroupMemberRemoved: 'removed from its group',
}

const CLASS_WORD: Record<ElectionClass, string> = {
  clean: 'clean',
  unclean: 'unclean',
  elr: 'from the ELR',
}

/** "(clean)", or with several elections "(3 clean, 1 unclean)". */
function electionCounts(elections: IncidentRecap['elections']): string {
  const total = elections.clean + elections.unclean + elections.elr
  const kinds = (['clean', 'unclean', 'elr'] as const).filter((k) => elections[k] > 0)
  if (total === 1) return `(${CLASS_WORD[kinds[0] as ElectionClass]})`
  return `(${kinds.map((k) => `${elections[k]} ${CLASS_WORD[k]}`).join(', ')})`
}

function stallClause(recap: IncidentRecap): string {
  const worst = recap.worst
  if (recap.partitionsTouched === 0 || worst === null) return 'no partition with a producer touched'
  if (worst.stallMs === null)
    return `clients have not written to ${worst.partition} since ${shortTime(recap.atMs)}`
  // Under a second is a retry or a leader hand-over, not an outage a user notices.
  if (worst.stallMs < 1000) return `writes to ${worst.partition} waited at most ${worst.stallMs} ms`
  return `clients could not write to ${worst.partition} for ${formatDuration(worst.stallMs)}`
}

function movedClause(recap: IncidentRecap): string | null {
  const parts: string[] = []
  if (recap.detectedAtMs !== null && recap.detection !== null) {
    const who = recap.brokers.length > 0 ? `${brokersText(recap.brokers)} ` : ''
    parts.push(`${shortTime(recap.detectedAtMs)} ${who}${DETECTION_VERB[recap.detection]}`)
  }
  const elected = recap.elections.clean + recap.elections.unclean + recap.elections.elr
  if (elected > 0 && recap.newLeaders.length > 0) {
    const at =
      parts.length === 0 && recap.leadersMovedAtMs !== null
        ? `${shortTime(recap.leadersMovedAtMs)} `
        : ''
    parts.push(`${at}${brokersText(recap.newLeaders)} elected ${electionCounts(recap.elections)}`)
  } else if (recap.partitionsTouched > 0) parts.push('no leader moved')
  return parts.length === 0 ? null : parts.join(', ')
}

function outcomeClause(recap: IncidentRecap): string {
  const counts = [
    plural(recap.retriedRecords, 'record retried', 'records retried'),
    plural(recap.failedRecords, 'record failed', 'records failed'),
    plural(recap.lostAckedRecords, 'acknowledged record lost', 'acknowledged records lost'),
  ].join('; ')
  if (recap.writes === 'unaffected') return counts
  const head =
    recap.writes === 'resumed' && recap.recoveredAtMs !== null
      ? `writes resumed at ${shortTime(recap.recoveredAtMs)}`
      : 'writes not resumed yet'
  return `${head}; ${counts}`
}

/**
 * The recap as its steps, in order; `recapLine` joins them with arrows.
 *
 * @example
 * recapSentences(incident.recap)
 * // ['00:20.0 broker 1 crashed', 'clients could not write to orders-0 for 9.2 s',
 * //  '00:29.0 broker 1 fenced, broker 2 elected (clean)',
 * //  'writes resumed at 00:29.4; 0 records retried; 0 records failed; 0 acknowledged records lost']
 */
export function recapSentences(recap: IncidentRecap): string[] {
  const out = [`${shortTime(recap.atMs)} ${faultPhrase(recap.fault)}`]
  if (recap.steps !== null)
    out.push(
      `${recap.steps.started}${recap.steps.total === null ? '' : ` of ${recap.steps.total}`} brokers stopped in turn`,
    )
  out.push(stallClause(recap))
  const moved = movedClause(recap)
  if (moved !== null) out.push(moved)
  out.push(outcomeClause(recap))
  return out
}

export function recapLine(recap: IncidentRecap): string {
  return recapSentences(recap).join(' → ')
}

/** A fault in a few words, for its mark: "broker 1 crashed", "zone use1-az1 isolated". */
export function faultLabel(fault: TimedFault): string {
  switch (fault.type) {
    case 'isolateBroker':
    case 'isolateZone':
      return `${fault.type === 'isolateBroker' ? `broker ${fault.broker}` : `zone ${fault.zone}`} isolated`
    case 'slowBroker':
      return `broker ${fault.broker} slowed`
    case 'rollingRestart':
      return 'rolling restart'
    case 'upgradeCluster':
      return 'rolling upgrade'
    case 'electLeaders':
      return `${fault.election} election`
    default:
      return faultPhrase(fault)
  }
}

/** A mark's short visible label, beside its icon; a fault mark names its fault when given. */
export function markLabel(mark: IncidentMark, fault?: TimedFault): string {
  switch (mark.kind) {
    case 'fault':
      return fault === undefined ? 'fault' : faultLabel(fault)
    case 'step':
      return mark.step === null ? 'restart' : `restart ${mark.step.index}`
    case 'detected':
      return mark.detection === 'ControlledShutdownRequested'
        ? 'shutdown'
        : mark.detection === 'GroupMemberRemoved'
          ? 'removed'
          : 'fenced'
    case 'isrShrunk':
      return 'ISR shrunk'
    case 'offline':
      return 'offline'
    case 'elected':
      return mark.election === 'clean'
        ? 'elected'
        : `elected (${CLASS_WORD[mark.election ?? 'clean']})`
    case 'controllerElected':
      return 'controller'
    case 'recovered':
      return 'writes resumed'
  }
}

/** An icon per kind, so a mark never depends on its colour (shown aria-hidden). */
export const MARK_ICON: Record<IncidentMarkKind, string> = {
  fault: '⚡',
  step: '↻',
  detected: '⊘',
  isrShrunk: '−',
  offline: '✕',
  elected: '★',
  controllerElected: '◆',
  recovered: '✓',
}

function detectionSentence(mark: IncidentMark, fault: TimedFault): string {
  const who = mark.brokers.length > 0 ? brokersText(mark.brokers) : 'the member'
  switch (mark.detection) {
    case 'BrokerFenced':
      return fault.type === 'rollingRestart' ||
        fault.type === 'upgradeCluster' ||
        fault.type === 'shutdownBroker'
        ? `the controller fenced ${who} as it stopped`
        : `the controller fenced ${who}: no heartbeat within broker.session.timeout.ms`
    case 'BrokerSessionExpired':
      return `${who} lost its ZooKeeper session (zookeeper.session.timeout.ms)`
    case 'ControlledShutdownRequested':
      return `${who} asked the controller for a controlled shutdown: its leaders move first`
    case 'GroupMemberRemoved':
      return 'the group coordinator removed the member: no heartbeat within session.timeout.ms'
    case null:
      return `${who} detected`
  }
}

/** The sentence a mark's tooltip and accessible name give. */
export function markSentence(mark: IncidentMark, fault: TimedFault): string {
  const at = shortTime(mark.atMs)
  const parts = partitionList(mark.partitions)
  switch (mark.kind) {
    case 'fault':
      return `${at} ${faultPhrase(fault)}`
    case 'step': {
      const of =
        mark.step === null
          ? ''
          : ` (${mark.step.index}${mark.step.total === null ? '' : ` of ${mark.step.total}`})`
      return `${at} rolling restart: ${brokersText(mark.brokers)} stopped${of}`
    }
    case 'detected':
      return `${at} ${detectionSentence(mark, fault)}`
    case 'isrShrunk':
      return `${at} ${brokersText(mark.brokers)} removed from the ISR of ${parts}`
    case 'offline':
      return `${at} ${parts} offline: no replica eligible to lead`
    case 'elected': {
      const leaders = mark.brokers.length === 1 ? 'leader' : 'leaders'
      const kind = `${CLASS_WORD[mark.election ?? 'clean']}, ${mark.electionKind ?? 'ONLINE'}`
      return `${at} ${brokersText(mark.brokers)} elected ${leaders} of ${parts} (${kind})`
    }
    case 'controllerElected':
      return `${at} node ${mark.controller} became the active controller`
    case 'recovered':
      return `${at} writes resumed: every partition the fault touched acknowledged a write again`
  }
}
