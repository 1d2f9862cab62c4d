/**
 * "If this zone fails", for the topology's zone-header preview: the partitions the loss of the
 * zone's brokers takes offline or leaves unwritable for acks=all, by the survivability matrix's
 * rules (analysis/survivability-detail.ts failureDetail), keyed "topic-partition" as the chips are.
 */
import { failureDetail } from '../analysis/survivability-detail'
import type { SimulationSpec } from '../engine/spec'
import type { ZonePreview } from '../viz/scene'

let cached: { spec: SimulationSpec; zone: string; preview: ZonePreview } | null = null

export function zonePreviewOf(spec: SimulationSpec, zone: string): ZonePreview {
  if (cached !== null && cached.spec === spec && cached.zone === zone) return cached.preview
  const brokers = spec.cluster.brokers.filter((b) => b.zone === zone).map((b) => b.id)
  const outcomes = new Map<string, 'offline' | 'unwritable'>()
  for (const p of failureDetail(spec, brokers).partitions) {
    if (p.offline) outcomes.set(`${p.topic}-${p.partition}`, 'offline')
    else if (p.unwritable) outcomes.set(`${p.topic}-${p.partition}`, 'unwritable')
  }
  const preview = { zone, outcomes }
  cached = { spec, zone, preview }
  return preview
}
