/**
 * Writes the bench's reference cluster (bench/clusters.ts REFERENCE: 3 zones x 30 brokers,
 * 10 topics x 1,000 partitions at RF 3, 30 producers, an AZ outage) as a scenario file for the
 * dashboard's Scenarios picker: public/scenarios/clusters/reference-cluster.json.
 *
 * The file is the compact form of the bench's spec: `brokersPerZone` instead of 90 brokers, no
 * replica lists (the reader draws the same ones with Kafka's rack-aware assignment from the same
 * seed), and only the settings that differ from the defaults. Before writing, the script checks
 * that the scenario reader turns the compact file back into exactly the bench's spec (apart from
 * the name and description); if it does not, it writes nothing and exits 1.
 *
 * Usage: npx tsx scripts/reference-cluster.ts [--check]
 *   --check  writes nothing; exits 1 when the committed file differs from what would be written.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { fileURLToPath } from 'node:url'
import { REFERENCE, buildSpec } from '../bench/clusters'
import { compactJsonText } from '../src/cli/io'
import type { SimulationSpec } from '../src/engine/spec'
import { parseScenario, specToScenario, type ScenarioFile } from '../src/scenario'
import {
  defaultControllers,
  expandBrokers,
  mergedClusterConfig,
  producerConfig,
  scenarioKafkaVersion,
} from '../src/scenario/normalize'

const OUT = fileURLToPath(
  new URL('../public/scenarios/clusters/reference-cluster.json', import.meta.url),
)

const NAME = 'Reference cluster: 90 brokers, 10,000 partitions'
const DESCRIPTION =
  'The cluster the performance budget is measured on: 90 brokers in 3 AZs (30 each), 10 topics' +
  ' of 1,000 partitions at replication factor 3 and min.insync.replicas 2, and 30 producers' +
  ' writing 1,000 records/s each with acks=all. At 02:00 every broker and controller in use1-az1' +
  ' stops (an AZ outage); at 05:00 they start again and catch up. The same cluster as the' +
  " benchmark's REFERENCE (bench/clusters.ts)."

/** The explicit scenario file of the spec, with everything the reader would add by itself removed. */
function compactScenario(spec: SimulationSpec): ScenarioFile {
  const file = specToScenario(spec)
  const { brokers, controllers, config, ...cluster } = file.cluster
  const zones = cluster.zones
  const perZone = spec.cluster.brokers.length / zones.length
  const compactBrokers =
    Number.isInteger(perZone) && isDeepStrictEqual(brokers, expandBrokers(zones, perZone))
  const version = scenarioKafkaVersion(cluster.kafkaVersion)
  const defaults = mergedClusterConfig(undefined, version, cluster.brokerType) as unknown as Record<
    string,
    unknown
  >
  const changed = Object.entries(config ?? {}).filter(([key, value]) => value !== defaults[key])
  const compactCluster: ScenarioFile['cluster'] = {
    ...cluster,
    ...(compactBrokers ? { brokersPerZone: perZone } : { brokers }),
    ...(isDeepStrictEqual(controllers, defaultControllers(zones)) ? {} : { controllers }),
    ...(changed.length === 0 ? {} : { config: Object.fromEntries(changed) }),
  }
  const allBrokers = spec.cluster.brokers.map((b) => b.id).sort((a, b) => a - b)
  const topics = (file.topics ?? []).map(({ assignment: _assignment, config, ...topic }) =>
    config === undefined || Object.keys(config).length === 0 ? topic : { ...topic, config },
  )
  const clients = (file.clients ?? []).map((client) => {
    if (client.kind !== 'producer' || client.config === undefined) return client
    const { acks, 'bootstrap.servers': servers } = client.config
    const minimal = { acks, ...(servers === undefined ? {} : { 'bootstrap.servers': servers }) }
    const implied = producerConfig(minimal, allBrokers, version) as unknown as Record<
      string,
      unknown
    >
    const kept = Object.entries(client.config).filter(
      ([key, value]) => key in minimal || !isDeepStrictEqual(value, implied[key]),
    )
    return { ...client, config: Object.fromEntries(kept) }
  })
  return {
    $schema: '../../scenario.schema.json',
    ...file,
    name: NAME,
    description: DESCRIPTION,
    cluster: compactCluster,
    topics,
    clients,
  }
}

function main(): void {
  const spec = buildSpec(REFERENCE)
  const text = compactJsonText(compactScenario(spec))
  const read = parseScenario(text)
  if (!read.ok) {
    console.error(read.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
    process.exit(1)
  }
  if (read.warnings.length > 0) {
    console.error(read.warnings.map((p) => `${p.path}: warning: ${p.message}`).join('\n'))
    process.exit(1)
  }
  if (!isDeepStrictEqual(read.spec, { ...spec, name: NAME, description: DESCRIPTION })) {
    console.error('The compact file does not read back as the bench spec; nothing written.')
    process.exit(1)
  }
  if (process.argv.includes('--check')) {
    let committed = ''
    try {
      committed = readFileSync(OUT, 'utf8')
    } catch {
      // A missing file differs.
    }
    if (committed !== text) {
      console.error(`${OUT} is out of date: run npx tsx scripts/reference-cluster.ts`)
      process.exit(1)
    }
    console.log(`${OUT} is up to date (${text.length} bytes).`)
    return
  }
  mkdirSync(dirname(OUT), { recursive: true })
  writeFileSync(OUT, text)
  console.log(`Wrote ${OUT} (${text.length} bytes).`)
}

main()
