/**
 * Every client process and what it feels: a producer's records and produce latency, a consumer
 * member's partitions and reads. Each row can crash its process or start it again (the
 * `crashClient` / `startClient` faults, injected at the current time like the topology's
 * faults, so they are recorded and replay).
 */
import { ColumnHeads } from './ColumnHeads'
import { formatDuration } from './FailoversTable'
import type { ClientView, LatencySummary } from '../../engine/types'
import type { Fault } from '../../engine/spec'
import { useT } from '../i18n/react'
import { t } from '../i18n/runtime'

export interface ClientsTableProps {
  clients: readonly ClientView[]
  /** Injects a crashClient or startClient fault; its `label` names the process for a notice. */
  onFault: (fault: Fault, label: string) => void
}

const cell = 'border-b border-border px-2 py-1 align-top'
// The button beside the process state, so both stay in view where the table scrolls (phones).
// i18n-exempt: English names, which the glossary looks terms up by; LABEL_KEYS are shown
const HEADERS = ['Client', 'Process', 'Action', 'Records', 'Produce latency', 'Partitions']
const LABEL_KEYS = [
  'clients.col.client',
  'clients.col.process',
  'clients.col.action',
  'clients.col.records',
  'clients.col.latency',
  'clients.col.partitions',
] as const

/** One process: a producer, a standalone consumer, or one member of a group. */
interface ProcessRow {
  key: string
  name: string
  role: string
  alive: boolean
  records: string
  latency: string
  partitions: string
  client: string
  member: number | undefined
}

function acksText(acks: number): string {
  // i18n-exempt: the producer config value, as Kafka writes it
  return acks === -1 ? 'all' : String(acks)
}

/** "p99 6 ms, max 8.2 s", or "—" before the first acknowledgement. */
function latencyText(latency: LatencySummary): string {
  if (latency.p99 === null || latency.max === null) return '—'
  return t('clients.latency', {
    p99: formatDuration(latency.p99),
    max: formatDuration(latency.max),
  })
}

function partitionsText(partitions: readonly number[]): string {
  return partitions.length === 0 ? t('clients.idle') : partitions.join(', ')
}

function rows(clients: readonly ClientView[]): ProcessRow[] {
  const out: ProcessRow[] = []
  for (const c of clients) {
    if (c.kind === 'producer') {
      const lost = c.lostAtCrash > 0 ? t('clients.lostInCrash', { count: c.lostAtCrash }) : ''
      out.push({
        key: `p:${c.id}`,
        name: c.id,
        role: t('clients.producer', { topic: c.topic, acks: acksText(c.acks) }),
        alive: c.alive,
        records: t('clients.producerRecords', { acked: c.acked, failed: c.failed, lost }),
        latency: latencyText(c.latencyMs),
        partitions: t('clients.sticky'),
        client: c.id,
        member: undefined,
      })
    } else if (c.members === undefined) {
      out.push({
        key: `c:${c.id}`,
        name: c.id,
        role: t('clients.consumer', { topic: c.topic }),
        alive: c.alive,
        records: t('clients.read', { count: c.consumed }),
        latency: '—',
        partitions: t('clients.all'),
        client: c.id,
        member: undefined,
      })
    } else {
      for (const m of c.members)
        out.push({
          key: `m:${c.id}:${m.member}`,
          name: m.clientId,
          role: t('clients.member', {
            member: m.member + 1,
            total: c.members.length,
            group: c.group ?? '?',
            topic: c.topic,
          }),
          alive: m.alive,
          records: t('clients.read', { count: m.consumed }),
          latency: '—',
          partitions: m.alive ? partitionsText(m.partitions) : '—',
          client: c.id,
          member: m.member,
        })
    }
  }
  return out
}

export function ClientsTable({ clients, onFault }: ClientsTableProps) {
  useT()
  if (clients.length === 0) return null
  return (
    <section aria-labelledby="clients-heading" className="mb-4">
      <h3 id="clients-heading" className="mb-1 text-sm font-semibold">
        {t('clients.title')}
      </h3>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse font-mono text-xs">
          <caption className="sr-only">{t('clients.caption')}</caption>
          <ColumnHeads headers={HEADERS} labels={LABEL_KEYS.map((key) => t(key))} />
          <tbody>
            {rows(clients).map((r) => {
              const type = r.alive ? 'crashClient' : 'startClient'
              const fault: Fault =
                r.member === undefined
                  ? { type, client: r.client }
                  : { type, client: r.client, member: r.member }
              return (
                <tr key={r.key}>
                  <th scope="row" className={`${cell} text-left font-normal`}>
                    {r.name}
                    <span className="block text-muted">{r.role}</span>
                  </th>
                  <td className={cell}>
                    {r.alive ? (
                      t('clients.running')
                    ) : (
                      <span className="font-semibold text-danger">{t('clients.crashed')}</span>
                    )}
                  </td>
                  <td className={cell}>
                    <button
                      type="button"
                      className="btn text-xs"
                      onClick={() => onFault(fault, r.name)}
                    >
                      {t(r.alive ? 'clients.crash' : 'clients.start', { client: r.name })}
                    </button>
                  </td>
                  <td className={cell}>{r.records}</td>
                  <td className={cell}>{r.latency}</td>
                  <td className={cell}>{r.partitions}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
