/**
 * The one fault script both designs run: the current scenario's faults (as recorded so far), a
 * single zone failing (stopZone) or a single broker failing (crashBroker) at a chosen time, or
 * none. Zones and brokers are the current scenario's; a design without them is refused, saying so.
 */
import type { FaultScript } from '../../analysis/compare-designs'
import type { SimulationSpec } from '../../engine/spec'

export interface CompareFaultsProps {
  spec: SimulationSpec
  script: FaultScript
  onChange: (script: FaultScript) => void
}

const FIELD = 'rounded border border-border bg-panel px-2 py-1'
const DEFAULT_AT_MS = 10_000

function zonesWithBrokers(spec: SimulationSpec): string[] {
  return spec.cluster.zones.filter((z) => spec.cluster.brokers.some((b) => b.zone === z))
}

function scriptOfKind(kind: FaultScript['kind'], spec: SimulationSpec, atMs: number): FaultScript {
  switch (kind) {
    case 'scenario':
    case 'none':
      return { kind }
    case 'zone':
      return { kind, zone: zonesWithBrokers(spec)[0] ?? '', atMs }
    case 'broker':
      return { kind, broker: spec.cluster.brokers[0]?.id ?? 0, atMs }
  }
}

function AtInput({ atMs, onAt }: { atMs: number; onAt: (atMs: number) => void }) {
  return (
    <label className="flex items-center gap-2">
      <span>At (s)</span>
      <input
        type="number"
        min={0}
        className={`${FIELD} w-20`}
        value={atMs / 1000}
        onChange={(event) => onAt(Math.max(0, Math.round(Number(event.target.value) || 0)) * 1000)}
      />
    </label>
  )
}

export function CompareFaults({ spec, script, onChange }: CompareFaultsProps) {
  const atMs = 'atMs' in script ? script.atMs : DEFAULT_AT_MS
  const faults = spec.faults.length
  return (
    <fieldset className="flex flex-wrap items-center gap-3 rounded border border-border p-2">
      <legend className="px-1 font-semibold">Fault script (both designs)</legend>
      <label className="flex items-center gap-2">
        <span>Fault script</span>
        <select
          className={FIELD}
          value={script.kind}
          onChange={(event) =>
            onChange(scriptOfKind(event.target.value as FaultScript['kind'], spec, atMs))
          }
        >
          <option value="scenario">
            The current scenario&apos;s faults ({faults} {faults === 1 ? 'fault' : 'faults'})
          </option>
          <option value="zone">A zone fails (stopZone)</option>
          <option value="broker">A broker fails (crashBroker)</option>
          <option value="none">No faults</option>
        </select>
      </label>
      {script.kind === 'zone' && (
        <>
          <label className="flex items-center gap-2">
            <span>Zone</span>
            <select
              className={FIELD}
              value={script.zone}
              onChange={(event) => onChange({ ...script, zone: event.target.value })}
            >
              {zonesWithBrokers(spec).map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          </label>
          <AtInput atMs={script.atMs} onAt={(at) => onChange({ ...script, atMs: at })} />
        </>
      )}
      {script.kind === 'broker' && (
        <>
          <label className="flex items-center gap-2">
            <span>Broker</span>
            <select
              className={FIELD}
              value={script.broker}
              onChange={(event) => onChange({ ...script, broker: Number(event.target.value) })}
            >
              {spec.cluster.brokers.map((b) => (
                <option key={b.id} value={b.id}>
                  Broker {b.id} ({b.zone})
                </option>
              ))}
            </select>
          </label>
          <AtInput atMs={script.atMs} onAt={(at) => onChange({ ...script, atMs: at })} />
        </>
      )}
    </fieldset>
  )
}
