/**
 * Checks `readBrokerConfigs` on kafka-configs output as ConfigCommand prints it: the racks and
 * cluster configs of a valid `--all` run (KRaft recognised from process.roles), the cluster
 * default section, and a precise problem, with its line, for output without `--all`, another
 * entity type, a bad broker id, contradictory racks, a bad config value; stray lines are skipped
 * with a warning; brokers that disagree on a config give the majority value and a warning.
 */
import { describe, expect, it } from 'vitest'
import { readBrokerConfigs } from './import-broker-configs'
import { configLine, kafkaConfigsOutput } from './import-fixtures'
import { renderProblem } from './messages'
import type { Problem } from './types'

const shown = (problems: Problem[]) => problems.map((p) => `${p.path}: ${renderProblem(p)}`)

function ok(text: string) {
  const result = readBrokerConfigs(text)
  if (!result.ok) throw new Error(shown(result.problems).join('\n'))
  return result
}

function problems(text: string): string[] {
  const result = readBrokerConfigs(text)
  expect(result.ok).toBe(false)
  return result.ok ? [] : shown(result.problems)
}

const THREE = kafkaConfigsOutput(
  { 1: 'use1-az1', 2: 'use1-az2', 3: 'use1-az3' },
  { 'min.insync.replicas': '2', 'unclean.leader.election.enable': 'true' },
)

describe('readBrokerConfigs', () => {
  it('reads each broker.rack and the cluster configs of an --all run', () => {
    const { read, warnings } = ok(THREE)
    expect([...read.racks]).toEqual([
      [1, { rack: 'use1-az1', line: 4 }],
      [2, { rack: 'use1-az2', line: 13 }],
      [3, { rack: 'use1-az3', line: 22 }],
    ])
    expect(read.config.values).toEqual({
      'min.insync.replicas': 2,
      'default.replication.factor': 1,
      'unclean.leader.election.enable': true,
    })
    expect(read.config.places['min.insync.replicas']).toBe('line 5 of the kafka-configs output')
    expect(read.controller).toBe('kraft')
    expect(warnings).toEqual([])
  })

  it('takes a config from the cluster default section when no broker shows it', () => {
    const text = [
      'All configs for broker 1 are:',
      configLine('broker.rack', 'a'),
      'Default configs for brokers in the cluster are:',
      configLine('min.insync.replicas', '2', 'DYNAMIC_DEFAULT_BROKER_CONFIG'),
    ].join('\n')
    const { read } = ok(text)
    expect(read.config.values).toEqual({ 'min.insync.replicas': 2 })
    expect(read.controller).toBeUndefined()
  })

  it('reads ZooKeeper mode from a set zookeeper.connect', () => {
    const text = [
      'All configs for broker 1 are:',
      configLine('broker.rack', 'a'),
      configLine('zookeeper.connect', 'z-1.demo:2181,z-2.demo:2181'),
    ].join('\n')
    expect(ok(text).read.controller).toBe('zookeeper')
  })

  it('skips lines that are not output, with a warning naming them', () => {
    const { read, warnings } = ok(`$ kafka-configs.sh --describe --all\n${THREE}`)
    expect(read.racks.size).toBe(3)
    expect(shown(warnings)).toEqual([
      'zoneMap, line 1: skipped, not kafka-configs output: "$ kafka-configs.sh --describe --all"',
    ])
  })

  it('warns when the brokers disagree, and uses the value most have', () => {
    const text = kafkaConfigsOutput(
      { 1: 'a', 2: 'b', 3: 'c' },
      { 'min.insync.replicas': '2' },
    ).replace(
      configLine('min.insync.replicas', '2', 'STATIC_BROKER_CONFIG', '1'),
      configLine('min.insync.replicas', '1', 'DEFAULT_CONFIG'),
    )
    const { read, warnings } = ok(text)
    expect(read.config.values['min.insync.replicas']).toBe(2)
    expect(shown(warnings)).toEqual([
      'zoneMap, line 14: the brokers disagree on min.insync.replicas: 2 on broker 2,3 (line 14); 1 on broker 1 (line 5). The simulator has one value for the cluster and uses 2',
    ])
  })

  it('keeps a broker described twice when the racks agree', () => {
    const one = kafkaConfigsOutput({ 1: 'a' })
    expect(ok(`${one}${one}`).read.racks.get(1)?.rack).toBe('a')
  })

  it.each([
    [
      'output without --all',
      'Dynamic configs for broker 1 are:\n  log.cleaner.threads=2 sensitive=false synonyms={DYNAMIC_BROKER_CONFIG:log.cleaner.threads=2}\n',
      'zoneMap, line 1: broker 1: without --all kafka-configs lists only dynamic configs, and broker.rack is a static one; run it with --all (Kafka 2.5 or later)',
    ],
    [
      'output of kafka-configs before 2.5',
      'Configs for broker 1 are:\n',
      'zoneMap, line 1: broker 1: without --all kafka-configs lists only dynamic configs, and broker.rack is a static one; run it with --all (Kafka 2.5 or later)',
    ],
    [
      'another entity type',
      'All configs for topic orders are:\n  cleanup.policy=delete sensitive=false synonyms={}\n',
      'zoneMap, line 1: this section describes a topic, not a broker; run kafka-configs with --entity-type brokers',
    ],
    [
      'a broker id that is not a number',
      'All configs for broker b-1 are:\n',
      'zoneMap, line 1: "b-1" is not a broker id',
    ],
    [
      'contradictory racks for one broker',
      `${kafkaConfigsOutput({ 1: 'use1-az1' })}${kafkaConfigsOutput({ 1: 'use1-az2' })}`,
      'zoneMap, line 14: broker 1 has broker.rack=use1-az2 here but broker.rack=use1-az1 at line 4',
    ],
    [
      'a config value the simulator cannot take',
      kafkaConfigsOutput({ 1: 'a' }, { 'min.insync.replicas': 'two' }),
      'zoneMap, line 5: min.insync.replicas="two" is not a whole number',
    ],
    [
      'a boolean that is not one',
      kafkaConfigsOutput({ 1: 'a' }, { 'unclean.leader.election.enable': 'yes' }),
      'zoneMap, line 7: unclean.leader.election.enable="yes" is not true or false',
    ],
    [
      'text with no broker section',
      'Topic: orders\tPartitionCount: 1\n',
      'zoneMap: found no "All configs for broker N are:" section; paste the output of kafka-configs.sh --bootstrap-server <broker:port> --describe --entity-type brokers --all',
    ],
  ])('rejects %s', (_what, text, message) => {
    expect(problems(text)).toContain(message)
  })

  it('reports a min.insync.replicas of 0 with the reader’s rule, at its line', () => {
    const [first] = problems(kafkaConfigsOutput({ 1: 'a' }, { 'min.insync.replicas': '0' }))
    expect(first).toMatch(/^zoneMap, line 5: /)
    expect(first).toMatch(/at least 1|from 1/)
  })

  it('places problems under the root it is given', () => {
    const result = readBrokerConfigs('All configs for broker x are:', '--zones-from b.txt')
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual([
      '--zones-from b.txt, line 1',
    ])
  })
})
