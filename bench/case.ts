/** One bench case, run in its own process: builds the spec, runs it, prints figures as JSON. */
import { createSimulation } from '../src/engine'
import { buildSpec, type ClusterShape } from './clusters'

const shape = JSON.parse(process.argv[2] ?? '{}') as ClusterShape
const spec = buildSpec(shape)
const start = performance.now()
const cpuStart = process.cpuUsage()
const sim = createSimulation(spec)
sim.runUntil(spec.durationMs)
const wallMs = performance.now() - start
// CPU time of the whole process (the main thread and V8's GC helpers) over the same span.
const cpu = process.cpuUsage(cpuStart)
const snapshot = sim.snapshot()
console.log(
  JSON.stringify({
    name: shape.name,
    simulatedMs: spec.durationMs,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    events: sim.events().length,
    partitions: snapshot.partitions.length,
    lost: snapshot.durability.lostAckedRecords,
    acked: snapshot.durability.ackedRecords,
    // With a volume replaced: when the broker's last replica rejoined its ISR (its catch-up).
    rejoinedMs: sim
      .events()
      .reduce(
        (m, e) =>
          e.type === 'IsrExpanded' && e.added.includes(shape.volumeReplacement?.broker ?? -1)
            ? e.atMs
            : m,
        -1,
      ),
  }),
)
