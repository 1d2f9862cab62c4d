/**
 * The broker → zone map of an import: typed (1=use1-az1,…), or pasted from kafka-configs
 * (broker.rack) or from aws kafka list-nodes with aws ec2 describe-subnets; the box says which
 * it recognised. With nothing in it, and brokers numbered as MSK numbers them, it offers to
 * assume MSK's round-robin numbering, saying plainly that this is a guess. What the box holds
 * and the offer are read by the import panel (`importFacts`, in a worker for a large paste).
 */
import { numberedZones } from '../../scenario/zone-source'
import type { ImportFacts } from './import-cluster'

export interface ImportZoneFieldProps {
  zones: string
  numbering: 2 | 3 | null
  /** What the zone box was read as (null: empty, or not read yet). */
  state: ImportFacts['zoneState']
  /** MSK numbering's offer for the describe text's brokers (null: none to make). */
  offers: ImportFacts['offers']
  onZones: (zones: string) => void
  onNumbering: (numbering: 2 | 3 | null) => void
}

export function ImportZoneField({
  zones,
  numbering,
  state,
  offers,
  onZones,
  onNumbering,
}: ImportZoneFieldProps) {
  return (
    <div className="flex flex-col gap-1">
      <label className="flex flex-col gap-1">
        <span>Broker → zone map (broker.rack)</span>
        <textarea
          rows={3}
          value={zones}
          spellCheck={false}
          disabled={numbering !== null}
          placeholder="1=use1-az1,2=use1-az2,3=use1-az3"
          onChange={(event) => onZones(event.target.value)}
          className="rounded border border-border bg-panel p-2 font-mono text-xs disabled:opacity-50"
        />
      </label>
      <p className="text-xs text-muted">
        Type a map, or paste the output of kafka-configs --bootstrap-server … --describe
        --entity-type brokers --all, or aws kafka list-nodes JSON followed by aws ec2
        describe-subnets JSON.
      </p>
      {state !== null && numbering === null && (
        <p className={state.ok ? 'text-xs' : 'text-xs text-danger'}>Read as {state.text}.</p>
      )}
      {numbering !== null && (
        <div
          role="note"
          className="flex flex-wrap items-center gap-2 rounded border border-out-of-sync p-2 text-xs"
        >
          <span>
            Zones assumed from MSK&apos;s broker numbering over {numbering} zones (
            {numberedZones(numbering).join(', ')}): broker b is in zone ((b − 1) mod {numbering}) +
            1. This is an assumption, not read from the cluster.
          </span>
          <button type="button" className="btn" onClick={() => onNumbering(null)}>
            Stop assuming
          </button>
        </div>
      )}
      {offers !== null && offers.counts.length > 0 && (
        <div className="flex flex-wrap items-center gap-2 rounded border border-border p-2 text-xs">
          <span>
            No zone map yet. Brokers 1–{offers.brokers} fit MSK&apos;s numbering, which spreads
            brokers 1..N over the cluster&apos;s zones in turn. Assuming it is a guess;
            kafka-configs or list-nodes output is better.
          </span>
          {offers.counts.map((n) => (
            <button key={n} type="button" className="btn" onClick={() => onNumbering(n)}>
              Assume {n} zones
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
