/**
 * The incident timeline in words: the recap line ("00:20.0 broker 1 crashed → clients could
 * not write to orders-0 for 9.2 s → 00:29.0 broker 1 fenced, broker 2 elected (clean) → writes
 * resumed at 00:29.4; 0 records retried; 0 records failed; 0 acknowledged records lost"), each
 * mark's sentence for its tooltip and its short visible label. The data comes from
 * `src/analysis/incident.ts`; this is the only place that words it, with every word from the
 * catalogue (`incident.*`) in the language on screen. Kafka's names (ISR, the Election kinds,
 * the config keys) stay as Kafka writes them.
 */
import type {
  DetectionCause,
  ElectionClass,
  IncidentMark,
  IncidentMarkKind,
  IncidentRecap,
} from '../analysis/incident'
import type { TimedFault } from '../engine/spec'
import { formatSimTime } from '../scenario/sim-time'
import type { PlainKey } from './i18n/catalogue'
import { t } from './i18n/runtime'
import { formatDuration } from './panels/FailoversTable'

/** Sim time to a tenth of a second, as a recap reads it: "00:03.1". */
export function shortTime(ms: number): string {
  return formatSimTime(ms).slice(0, -2)
}

function brokersText(brokers: readonly number[]): string {
  return brokers.length === 1
    ? t('incident.broker', { id: brokers[0] ?? '' })
    : t('incident.brokers', { ids: brokers.join(', ') })
}

/** At most `max` names, then "and N more": a zone outage touches hundreds of partitions. */
export function partitionList(names: readonly string[], max = 3): string {
  if (names.length <= max) return names.join(', ')
  return t('incident.more', { list: names.slice(0, max).join(', '), count: names.length - max })
}

function scopes(fault: { from?: readonly ('controllers' | 'brokers' | 'clients')[] }): string {
  const from = fault.from ?? (['controllers', 'brokers', 'clients'] as const)
  return from.map((scope) => t(`incident.scope.${scope}`)).join(', ')
}

/** The fault's subject: "broker 1", "zone use1-az1", "client orders-app member 2". */
function subject(fault: TimedFault): string {
  switch (fault.type) {
    case 'crashController':
    case 'startController':
      return t('incident.controller', { id: fault.controller })
    case 'crashClient':
    case 'startClient':
      return fault.member === undefined
        ? t('incident.client', { client: fault.client })
        : t('incident.clientMember', { client: fault.client, member: fault.member })
    case 'stopZone':
    case 'startZone':
    case 'healZone':
    case 'isolateZone':
      return t('incident.zone', { zone: fault.zone })
    case 'rollingRestart':
      return fault.brokers === undefined ? t('incident.allBrokers') : brokersText(fault.brokers)
    case 'upgradeCluster':
    case 'electLeaders':
      return ''
    default:
      return t('incident.broker', { id: fault.broker })
  }
}

/** "PREFERRED orders-0": Kafka's Election kind, then the partition it was asked for. */
function electionTarget(fault: Extract<TimedFault, { type: 'electLeaders' }>): string {
  const topic = fault.topic === undefined ? '' : ` ${fault.topic}`
  const partition = fault.partition === undefined ? '' : `-${fault.partition}`
  return `${fault.election}${topic}${partition}`
}

/** What the fault did, as a clause: "broker 1 crashed", "zone use1-az1 stopped". */
export function faultPhrase(fault: TimedFault): string {
  const who = subject(fault)
  switch (fault.type) {
    case 'crashBroker':
    case 'crashController':
    case 'crashClient':
      return t('incident.crashed', { who })
    case 'shutdownBroker':
      return t('incident.shutDown', { who })
    case 'startBroker':
    case 'startController':
    case 'startClient':
    case 'startZone':
      return t('incident.started', { who })
    case 'stopZone':
      return t('incident.stopped', { who })
    case 'isolateBroker':
    case 'isolateZone':
      return t('incident.cutOff', { who, scopes: scopes(fault) })
    case 'healBroker':
    case 'healZone':
      return t('incident.reconnected', { who })
    case 'slowBroker':
      return t('incident.slowedBy', { who, delay: fault.fetchDelayMs })
    case 'unslowBroker':
      return t('incident.unslowed', { who })
    case 'replaceVolume':
      return t('incident.volumeReplaced', { who })
    case 'rollingRestart':
      return fault.brokers === undefined
        ? t('incident.restartAll')
        : t('incident.restartSome', { who })
    case 'upgradeCluster':
      return t('incident.upgrade', { version: fault.toVersion })
    case 'electLeaders':
      return t('incident.electionRequested', { target: electionTarget(fault) })
  }
}

const DETECTION_VERB: Record<DetectionCause, PlainKey> = {
  BrokerFenced: 'incident.detection.BrokerFenced',
  BrokerSessionExpired: 'incident.detection.BrokerSessionExpired',
  ControlledShutdownRequested: 'incident.detection.ControlledShutdownRequested',
  GroupMemberRemoved: 'incident.detection.GroupMemberRemoved',
}

function classWord(election: ElectionClass): string {
  return t(`incident.class.${election}`)
}

/** "(clean)", or with several elections "(3 clean, 1 unclean)". */
function electionCounts(elections: IncidentRecap['elections']): string {
  const total = elections.clean + elections.unclean + elections.elr
  const kinds = (['clean', 'unclean', 'elr'] as const).filter((k) => elections[k] > 0)
  if (total === 1) return `(${classWord(kinds[0] as ElectionClass)})`
  const counts = kinds.map((k) =>
    t('incident.classCount', { count: elections[k], kind: classWord(k) }),
  )
  return `(${counts.join(', ')})`
}

function stallClause(recap: IncidentRecap): string {
  const worst = recap.worst
  if (recap.partitionsTouched === 0 || worst === null) return t('incident.noProducer')
  const partition = worst.partition
  if (worst.stallMs === null)
    return t('incident.notWrittenSince', { partition, time: shortTime(recap.atMs) })
  // Under a second is a retry or a leader hand-over, not an outage a user notices.
  if (worst.stallMs < 1000) return t('incident.waited', { partition, ms: worst.stallMs })
  return t('incident.stalled', { partition, duration: formatDuration(worst.stallMs) })
}

function movedClause(recap: IncidentRecap): string | null {
  const parts: string[] = []
  if (recap.detectedAtMs !== null && recap.detection !== null) {
    const time = shortTime(recap.detectedAtMs)
    const verb = t(DETECTION_VERB[recap.detection])
    parts.push(
      recap.brokers.length > 0
        ? t('incident.detectedWho', { time, who: brokersText(recap.brokers), verb })
        : t('incident.detected', { time, verb }),
    )
  }
  const elected = recap.elections.clean + recap.elections.unclean + recap.elections.elr
  if (elected > 0 && recap.newLeaders.length > 0) {
    const who = brokersText(recap.newLeaders)
    const counts = electionCounts(recap.elections)
    parts.push(
      parts.length === 0 && recap.leadersMovedAtMs !== null
        ? t('incident.electedAt', { time: shortTime(recap.leadersMovedAtMs), who, counts })
        : t('incident.elected', { who, counts }),
    )
  } else if (recap.partitionsTouched > 0) parts.push(t('incident.noLeaderMoved'))
  return parts.length === 0 ? null : parts.join(', ')
}

function outcomeClause(recap: IncidentRecap): string {
  const counts = [
    t('incident.retried', { count: recap.retriedRecords }),
    t('incident.failed', { count: recap.failedRecords }),
    t('incident.lost', { count: recap.lostAckedRecords }),
  ].join('; ')
  if (recap.writes === 'unaffected') return counts
  const head =
    recap.writes === 'resumed' && recap.recoveredAtMs !== null
      ? t('incident.resumedAt', { time: shortTime(recap.recoveredAtMs) })
      : t('incident.notResumed')
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
  const out = [t('incident.at', { time: shortTime(recap.atMs), what: faultPhrase(recap.fault) })]
  if (recap.steps !== null) {
    const { started, total } = recap.steps
    out.push(
      total === null ? t('incident.steps', { started }) : t('incident.stepsOf', { started, total }),
    )
  }
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
      return t('incident.isolated', { who: subject(fault) })
    case 'slowBroker':
      return t('incident.slowed', { who: subject(fault) })
    case 'rollingRestart':
      return t('incident.rollingRestart')
    case 'upgradeCluster':
      return t('incident.rollingUpgrade')
    case 'electLeaders':
      return t('incident.election', { election: fault.election })
    default:
      return faultPhrase(fault)
  }
}

/** A mark's short visible label, beside its icon; a fault mark names its fault when given. */
export function markLabel(mark: IncidentMark, fault?: TimedFault): string {
  switch (mark.kind) {
    case 'fault':
      return fault === undefined ? t('incident.mark.fault') : faultLabel(fault)
    case 'step':
      return mark.step === null
        ? t('incident.mark.restart')
        : t('incident.mark.restartStep', { index: mark.step.index })
    case 'detected':
      return t(
        mark.detection === 'ControlledShutdownRequested'
          ? 'incident.mark.shutdown'
          : mark.detection === 'GroupMemberRemoved'
            ? 'incident.mark.removed'
            : 'incident.mark.fenced',
      )
    case 'isrShrunk':
      return t('incident.mark.isrShrunk')
    case 'offline':
      return t('incident.mark.offline')
    case 'elected':
      return mark.election === 'clean'
        ? t('incident.mark.elected')
        : t('incident.mark.electedAs', { kind: classWord(mark.election ?? 'clean') })
    case 'controllerElected':
      return t('incident.mark.controller')
    case 'recovered':
      return t('incident.mark.recovered')
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
  const who = mark.brokers.length > 0 ? brokersText(mark.brokers) : t('incident.theMember')
  switch (mark.detection) {
    case 'BrokerFenced':
      return fault.type === 'rollingRestart' ||
        fault.type === 'upgradeCluster' ||
        fault.type === 'shutdownBroker'
        ? t('incident.fencedStopping', { who })
        : t('incident.fencedNoHeartbeat', { who })
    case 'BrokerSessionExpired':
      return t('incident.sessionExpired', { who })
    case 'ControlledShutdownRequested':
      return t('incident.shutdownRequested', { who })
    case 'GroupMemberRemoved':
      return t('incident.memberRemoved')
    case null:
      return t('incident.whoDetected', { who })
  }
}

/** The sentence a mark's tooltip and accessible name give. */
export function markSentence(mark: IncidentMark, fault: TimedFault): string {
  const time = shortTime(mark.atMs)
  const partitions = partitionList(mark.partitions)
  const who = brokersText(mark.brokers)
  switch (mark.kind) {
    case 'fault':
      return t('incident.at', { time, what: faultPhrase(fault) })
    case 'step': {
      const step = mark.step
      if (step === null) return t('incident.stepMark', { time, who })
      return step.total === null
        ? t('incident.stepMarkIndex', { time, who, index: step.index })
        : t('incident.stepMarkOf', { time, who, index: step.index, total: step.total })
    }
    case 'detected':
      return t('incident.at', { time, what: detectionSentence(mark, fault) })
    case 'isrShrunk':
      return t('incident.isrShrunk', { time, who, partitions })
    case 'offline':
      return t('incident.offline', { time, partitions })
    case 'elected': {
      const kind = `${classWord(mark.election ?? 'clean')}, ${mark.electionKind ?? 'ONLINE'}`
      const key = mark.brokers.length === 1 ? 'incident.electedLeader' : 'incident.electedLeaders'
      return t(key, { time, who, partitions, kind })
    }
    case 'controllerElected':
      return t('incident.controllerElected', { time, id: mark.controller ?? '' })
    case 'recovered':
      return t('incident.recovered', { time })
  }
}
