/**
 * One partition in detail: its log picture (LogStrips), its replica sets (replicas, ISR, ELR,
 * last known ELR), epochs, high watermark and leader recovery state, then a row per replica with
 * its log end offset, high watermark and lag. Roles and membership are spelled out in words, not
 * only coloured.
 */
import type { PartitionLogView } from '../../engine/log-view'
import type { PartitionView, ReplicaView } from '../../engine/types'
import { LogStrips } from './LogStrips'
import { useT } from '../i18n/react'
import { t } from '../i18n/runtime'
import { badgeLabel, statusBadges } from './partition-status'

export interface PartitionDetailsProps {
  partition: PartitionView | null
  /** The host's log picture; shown when it is of this partition (it may lag a new selection). */
  log?: PartitionLogView | null
  /**
   * The clocks of the detection window: the sim time, the leader's session countdown while it is
   * unreachable but not fenced (viz/staleness.ts), and `replica.lag.time.max.ms`.
   */
  timing?: { nowMs: number; leaderCountdown: string | null; lagTimeMaxMs: number }
}

/**
 * A follower's ISR clock (Partition.maybeShrinkIsr): once it has not been caught up for a
 * second, how long until the leader drops it, e.g. "behind 4.2 s; leaves the ISR in 25.8 s".
 * None while its log end offset equals the leader's: Replica.isCaughtUp counts such a follower
 * as caught up whatever its lastCaughtUpTimeMs, so an idle partition's followers never leave.
 */
export function isrClock(
  p: PartitionView,
  r: ReplicaView,
  nowMs: number,
  lagTimeMaxMs: number,
): string | null {
  if (r.lastCaughtUpMs === undefined || !p.isr.includes(r.broker) || r.broker === p.leader)
    return null
  if (r.lag === 0) return null
  const behind = nowMs - r.lastCaughtUpMs
  if (behind < 1000) return null
  const left = lagTimeMaxMs - behind
  const seconds = (ms: number) => (ms / 1000).toFixed(1)
  return left > 0
    ? t('details.isrClock', { behind: seconds(behind), left: seconds(left) })
    : t('details.isrLeaving', { behind: seconds(behind) })
}

function list(ids: readonly number[]): string {
  return ids.length === 0 ? t('details.empty') : ids.join(',')
}

type ReplicaRole = 'leader' | 'in-sync' | 'elr' | 'out-of-sync'

function role(p: PartitionView, r: ReplicaView): ReplicaRole {
  if (r.broker === p.leader) return 'leader'
  if (p.isr.includes(r.broker)) return 'in-sync'
  if (p.elr.includes(r.broker)) return 'elr'
  return 'out-of-sync'
}

const ROLE_CLASS: Record<ReplicaRole, string> = {
  leader: 'text-leader font-semibold',
  'in-sync': 'text-in-sync',
  elr: 'text-elr',
  'out-of-sync': 'text-out-of-sync',
}

export function PartitionDetails({ partition: p, log = null, timing }: PartitionDetailsProps) {
  const t = useT()
  if (p === null) {
    return (
      <section aria-label={t('details.label')} className="text-sm text-muted">
        {t('details.none')}
      </section>
    )
  }
  const name = `${p.topic}-${p.partition}`
  // Kafka's names (kafka-topics columns, config keys) as Kafka prints them; ours translated.
  const facts: [string, string][] = [
    // i18n-exempt: kafka-topics prints a missing leader as "none"
    ['Leader', p.leader === -1 ? 'none' : String(p.leader)],
    [t('details.leaderEpoch'), String(p.leaderEpoch)],
    [t('details.partitionEpoch'), String(p.partitionEpoch)],
    [t('details.highWatermark'), String(p.highWatermark)],
    [t('details.leaderRecoveryState'), p.leaderRecoveryState],
    ['Replicas', list(p.replicas)],
    ['Isr', list(p.isr)],
    ['Elr', list(p.elr)],
    ['LastKnownElr', list(p.lastKnownElr)],
    ['min.insync.replicas', String(p.minIsr)],
    ['unclean.leader.election.enable', String(p.uncleanLeaderElectionEnable)],
  ]
  const cell = 'border-b border-border px-2 py-0.5 text-right'
  return (
    <section
      aria-label={t('details.partition', { partition: name })}
      className="flex flex-col gap-2 text-sm"
    >
      <h3 className="flex flex-wrap items-center gap-2 font-semibold">
        <span className="font-mono">{name}</span>
        {statusBadges(p, timing?.leaderCountdown != null ? new Set([p.leader]) : undefined).map(
          (b) => (
            <span key={b} className="rounded border border-border px-1 text-xs font-normal">
              {badgeLabel(b)}
            </span>
          ),
        )}
      </h3>
      {log !== null && log.topic === p.topic && log.partition === p.partition && (
        <LogStrips log={log} />
      )}
      {timing?.leaderCountdown != null && p.leader >= 0 && (
        <p className="rounded border border-danger px-2 py-1 text-xs">
          {t('details.unreachable', { leader: p.leader, countdown: timing.leaderCountdown })}
        </p>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-muted">{term}</dt>
            <dd className="font-mono">{value}</dd>
          </div>
        ))}
      </dl>
      <table className="border-collapse font-mono text-xs">
        <caption className="text-left font-sans text-sm font-semibold">
          {t('details.replicasOf', { partition: name })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="border-b border-border px-2 py-0.5 text-left">
              {t('details.broker')}
            </th>
            <th scope="col" className="border-b border-border px-2 py-0.5 text-left">
              {t('details.role')}
            </th>
            <th scope="col" className="border-b border-border px-2 py-0.5 text-left">
              {t('details.brokerState')}
            </th>
            <th scope="col" className={cell}>
              LEO
            </th>
            <th scope="col" className={cell}>
              HW
            </th>
            <th scope="col" className={cell}>
              {t('details.lag')}
            </th>
          </tr>
        </thead>
        <tbody>
          {p.replicaStates.map((r) => {
            const replicaRole = role(p, r)
            return (
              <tr key={r.broker}>
                <th scope="row" className="border-b border-border px-2 py-0.5 text-left">
                  {r.broker}
                </th>
                <td className={`border-b border-border px-2 py-0.5 ${ROLE_CLASS[replicaRole]}`}>
                  {t(`details.role.${replicaRole}`)}
                </td>
                <td
                  className={
                    r.online
                      ? 'border-b border-border px-2 py-0.5'
                      : 'border-b border-border px-2 py-0.5 text-offline'
                  }
                >
                  {t(r.online ? 'details.online' : 'details.offline')}
                  {timing !== undefined &&
                    (() => {
                      const clock = isrClock(p, r, timing.nowMs, timing.lagTimeMaxMs)
                      return clock === null ? null : (
                        <span className="block font-sans text-out-of-sync">{clock}</span>
                      )
                    })()}
                </td>
                <td className={cell}>{r.logEndOffset}</td>
                <td className={cell}>{r.highWatermark}</td>
                <td className={cell}>{r.lag}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
