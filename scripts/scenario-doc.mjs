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

/**
 * The work budgets (src/scenario/budget.ts), kept by hand because this script runs in plain
 * Node and cannot import TypeScript: [what, the limit as a number, how the limit reads, where
 * the problem points]. src/scenario/docs.test.ts checks every number against budget.ts.
 */
export const BUDGETS = [
  [
    'The text of a file',
    16777216,
    '16,777,216 characters (16 MiB); the CLI reads at most that many bytes',
    '`$`',
  ],
  [
    'One string',
    100000,
    '100,000 characters (the longest field, `description`)',
    'its line and column',
  ],
  ['One object key', 200, '200 characters', 'its line and column'],
  [
    "A name: zone, client id, the scenario's `name`, a narration title",
    200,
    '200 characters (topic names and groups: 249)',
    'the field',
  ],
  ['`durationMs`', 86400000, '86,400,000 ms (24 h)', '`durationMs`'],
  [
    'Partitions over all topics, with the `__consumer_offsets` consumer groups make',
    50000,
    '50,000 (and 10,000 in one topic)',
    '`topics`',
  ],
  ['Replicas over all topics (partitions × replication factor)', 150000, '150,000', '`topics`'],
  ['Faults', 10000, '10,000', '`faults`'],
  ['Client instances: each producer, each member of a consumer', 1000, '1,000', '`clients`'],
  ['Records per second over all producers', 1000000, '1,000,000', '`clients`'],
  ['Narration steps', 1000, '1,000', '`narration.steps`'],
  ['Items of a list of ids or names', 1000, '1,000', 'the list'],
  ['Entries of a partition map (`assignment`, `initial`)', 10000, '10,000', 'the map'],
  [
    "The run's work: simulated seconds × (1,000 + replicas + brokers + client instances)",
    100000000,
    '100,000,000 units',
    '`durationMs`',
  ],
]

/** What the largest runs cost, measured on the CLI (see the section's text for how). */
export const BUDGET_MEASUREMENTS = [
  [
    'The reference cluster (`public/scenarios/clusters/reference-cluster.json`): 90 brokers, 30,000 replicas, 30 producers, 600 s, `run`',
    '18,672,000',
    '4.6 s',
    '327 MiB',
  ],
  ['The same, `analyze` with its four 70 s client runs', '', '5.0 s', '338 MiB'],
  [
    '150,000 replicas (50 topics of 1,000 partitions at RF 3) on 90 brokers, 30 producers, a zone outage, 650 s, `run --allow-long-run`',
    '98,228,000',
    '8.0 s',
    '1,138 MiB',
  ],
  [
    '6 brokers, 144 replicas, a producer and a consumer, a zone outage, 24 h, `run --allow-long-run`',
    '99,532,800',
    '6.9 s',
    '733 MiB',
  ],
  [
    '3 brokers, 9 replicas, a producer, one broker down all day, 24 h, `run --allow-long-run`',
    '87,523,200',
    '4.3 s',
    '567 MiB',
  ],
]

function budgetSection() {
  const lines = [
    '## Work budgets',
    '',
    'Every number in a file multiplies into work somewhere, so the reader refuses a file past any of these limits before it simulates anything, in well under a second whatever the file holds (text size first, then each string and key as the JSON is read, then each list counted before its items), with a problem naming the field and the limit: `topics: 60,000 partitions in total; the limit is 50,000`. The limits are in `src/scenario/budget.ts`; the CLI and the browser share them.',
    '',
    '| Budget | Limit | Problem at |',
    '| --- | --- | --- |',
    ...BUDGETS.map(([what, , limit, where]) => `| ${what} | ${limit} | ${where} |`),
    '',
    "Names (zones, client ids, groups, topic references, the scenario's name, versions, labels) may not hold control characters (U+0000 to U+001F, U+007F to U+009F), bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), zero-width characters (U+200B to U+200D, U+2060, U+FEFF) or lone surrogates: they can make one name look like another, or send a terminal a control sequence. Free text (`description`, a step's `text`, `rule` and `predict`, `tryIt`) may hold newlines and tabs, and none of the others. The problem shows the character as U+XXXX and where it is.",
    '',
    'At most 100 problems of each kind are listed (the first ones), then one line says how many more there were: `… and 99,900 more warnings of this kind (fault-after-end)`. Messages show at most 60 characters of a value or key, then an ellipsis and its length.',
    '',
    '**Long runs.** A run of more than 20,000,000 units of work (a fifth of the hard limit) is a long run: `kafka-ha-lab run` and `analyze` refuse it unless `--allow-long-run` is given ([docs/cli.md](cli.md#long-runs)); `longRunReason(spec)` in `src/scenario/budget.ts` says why a run is long, for the page too. No shipped scenario is long: the largest, the reference cluster, is 18,672,000.',
    '',
    'What the budget buys, measured with `/usr/bin/time -v` on the CLI (Node 20, a shared 2-core machine; CPU is user plus system time, memory the peak resident set):',
    '',
    '| Run | Work (units) | CPU | Peak memory |',
    '| --- | ---: | ---: | ---: |',
    ...BUDGET_MEASUREMENTS.map(
      ([run, work, cpu, memory]) => `| ${run} | ${work} | ${cpu} | ${memory} |`,
    ),
    '',
    'What a run costs follows what happens in it as much as its size (a broker down all day keeps its producers retrying), so these are measurements, not bounds.',
    '',
  ]
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
    budgetSection(),
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
