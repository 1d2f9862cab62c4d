// Renders docs/scenario-format.md from public/scenario.schema.json: one table per object with
// every field, its type and its description (which states the default). Run with `--write` to
// update the file; without it, prints the Markdown. A unit test keeps the file in step.
import { readFileSync, writeFileSync } from 'node:fs'

const schema = JSON.parse(
  readFileSync(new URL('../public/scenario.schema.json', import.meta.url), 'utf8'),
)

function typeOf(node) {
  if (node.$ref)
    return `[${node.$ref.split('/').pop()}](#${node.$ref.split('/').pop().toLowerCase()})`
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``
  if (node.enum) return node.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ')
  if (node.oneOf) return node.oneOf.map(typeOf).join(' \\| ')
  if (node.anyOf) return node.anyOf.map(typeOf).join(' \\| ')
  if (node.type === 'array') return `array of ${node.items ? typeOf(node.items) : 'any'}`
  if (Array.isArray(node.type)) return node.type.join(' \\| ')
  return node.type ?? 'any'
}

function table(title, node) {
  const lines = [`### ${title}`, '']
  if (node.description) lines.push(node.description, '')
  const props = node.properties ?? {}
  const keys = Object.keys(props)
  if (keys.length === 0) {
    lines.push(`Type: ${typeOf(node)}`, '')
    return lines.join('\n')
  }
  const required = new Set(node.required ?? [])
  lines.push('| Field | Type | Required | Description |', '| --- | --- | --- | --- |')
  for (const key of keys) {
    const p = props[key]
    const desc = (p.description ?? '').replaceAll('|', '\\|').replaceAll('\n', ' ')
    lines.push(`| \`${key}\` | ${typeOf(p)} | ${required.has(key) ? 'yes' : ''} | ${desc} |`)
  }
  lines.push('')
  return lines.join('\n')
}

/**
 * What each `cluster.kafkaVersion` changes, in the order of the versions. Kept by hand: the rules
 * themselves are in src/engine/versions.ts and the test in src/scenario/docs.test.ts checks that
 * every supported version has an entry here.
 */
export const VERSION_CHANGES = [
  [
    '3.6',
    [
      'The oldest version modelled. The leader advances the high watermark even while the ISR is under min.insync.replicas (no HW freeze).',
      'min.insync.replicas is used as configured: a topic with min.insync.replicas > replication factor refuses every acks=all write with NOT_ENOUGH_REPLICAS.',
      '`eligible.leader.replicas.enable: true` is a validation error (ELR does not exist before 3.9 here).',
    ],
  ],
  [
    '3.7',
    [
      'The leader holds the high watermark while the ISR is under min.insync.replicas, so acks=all writes wait instead of being acknowledged short (KAFKA-15583, `Partition.maybeIncrementLeaderHW`).',
      'The effective min ISR is `min(min.insync.replicas, RF)` (`Partition.effectiveMinIsr`): min.insync.replicas > RF is accepted with a warning and the topic is writable while all replicas are in sync.',
      'NOT_LEADER_OR_FOLLOWER and FENCED_LEADER_EPOCH responses name the current leader, and the producer retries there at once, without a metadata round trip or backoff (KIP-951). Before 3.7 it waits `retry.backoff.ms` and refreshes metadata first.',
      'Retries and metadata refreshes back off exponentially from `retry.backoff.ms` to `retry.backoff.max.ms` with 20 % jitter (KIP-580); before 3.7 every wait is `retry.backoff.ms`.',
    ],
  ],
  ['3.8', ['Nothing the engine models changes from 3.7.']],
  [
    '3.9',
    [
      'The last version with ZooKeeper mode. **A file without `kafkaVersion` means 3.9.**',
      '`eligible.leader.replicas.enable` may be set (Kafka 3.9 itself needs the unreleased metadata version 4.0-IV0 for it; the engine accepts it as it did before versions were a choice). An election from the ELR counts as unclean.',
    ],
  ],
  [
    '4.0',
    [
      'No ZooKeeper mode (KIP-833): `cluster.controller` `"zookeeper"` is a validation error, and a ZooKeeper cluster cannot `upgradeCluster` to 4.x (ZooKeeper-to-KRaft migration is not modelled).',
      'An election from the ELR is clean: not counted in UncleanLeaderElectionsPerSec (KAFKA-18940).',
      'The producer’s `linger.ms` default is 5 ms (KIP-1030).',
    ],
  ],
  [
    '4.1',
    [
      'ELR is on unless `eligible.leader.replicas.enable` is set to false (KIP-966). The newest version Amazon MSK offers for new KRaft clusters: the dashboard writes it into every new scenario.',
      'A broker that shut down cleanly keeps its ELR membership when it registers again; only an unclean shutdown removes it from every ISR and ELR (KAFKA-18635).',
    ],
  ],
]

function versionSection() {
  const lines = [
    '## What each Kafka version changes',
    '',
    '`cluster.kafkaVersion` chooses the version (MSK strings such as `"3.7.x"` or `"3.7.x.kraft"` are read as their major.minor). Each version keeps what the versions before it changed unless it says otherwise. The rules, their Kafka sources and what is simplified are in [docs/engine.md](engine.md#kafka-versions). A rolling upgrade is the fault `{ "type": "upgradeCluster", "toVersion": "4.0" }`.',
    '',
  ]
  for (const [version, changes] of VERSION_CHANGES) {
    lines.push(`### Kafka ${version}`, '')
    for (const change of changes) lines.push(`- ${change}`)
    lines.push('')
  }
  return lines.join('\n')
}

export function renderScenarioDoc() {
  const parts = [
    '# Scenario file format, version 1',
    '',
    '<!-- Generated by scripts/scenario-doc.mjs from public/scenario.schema.json; do not edit. -->',
    '',
    `The JSON Schema is [public/scenario.schema.json](../public/scenario.schema.json) (also served with the static site as \`scenario.schema.json\`). ${schema.description ?? ''}`,
    '',
    "Defaults are Apache Kafka's unless a description says otherwise.",
    '',
    versionSection(),
    table('scenario (top level)', schema),
  ]
  for (const [name, node] of Object.entries(schema.$defs ?? {})) parts.push(table(name, node))
  return parts.join('\n').trimEnd() + '\n'
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const doc = renderScenarioDoc()
  if (process.argv.includes('--write'))
    writeFileSync(new URL('../docs/scenario-format.md', import.meta.url), doc)
  else process.stdout.write(doc)
}
