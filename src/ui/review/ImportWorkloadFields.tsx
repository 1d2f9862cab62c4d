/**
 * The import's workload: one acks=all producer and one consumer group per topic, so that the
 * failures injected into an imported cluster show what the clients feel. Empty fields take the
 * defaults (import-workload.ts): at most 100 records/s a producer, within 1 MiB/s of produce per
 * broker, and 1,024-byte records.
 */
import type { ImportInputs } from './import-cluster'

export interface ImportWorkloadFieldsProps {
  workload: ImportInputs['workload']
  onChange: (workload: ImportInputs['workload']) => void
}

const INPUT = 'w-32 rounded border border-border bg-panel px-2 py-1 font-mono text-xs'

export function ImportWorkloadFields({ workload, onChange }: ImportWorkloadFieldsProps) {
  return (
    <fieldset className="flex flex-col gap-2 rounded border border-border p-2">
      <legend className="px-1 font-semibold">Workload</legend>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={workload.enabled}
          onChange={(e) => onChange({ ...workload, enabled: e.target.checked })}
        />
        <span>Add a workload: one acks=all producer and one consumer group per topic</span>
      </label>
      {workload.enabled && (
        <div className="flex flex-wrap gap-3">
          <label className="flex flex-col gap-1">
            <span>Records/s per producer</span>
            <input
              inputMode="numeric"
              className={INPUT}
              placeholder="default"
              value={workload.recordsPerSecond}
              onChange={(e) => onChange({ ...workload, recordsPerSecond: e.target.value })}
            />
          </label>
          <label className="flex flex-col gap-1">
            <span>Record size (bytes)</span>
            <input
              inputMode="numeric"
              className={INPUT}
              placeholder="1024"
              value={workload.recordBytes}
              onChange={(e) => onChange({ ...workload, recordBytes: e.target.value })}
            />
          </label>
          <p className="basis-full text-xs text-muted">
            Default rate: 100 records/s, lowered so that the cluster takes at most 1 MiB/s of
            produce per broker, well below what the smallest MSK broker carries.
          </p>
        </div>
      )}
    </fieldset>
  )
}
