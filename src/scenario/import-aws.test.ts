/**
 * Checks `zonesFromAws`: list-nodes and describe-subnets JSON, pasted one after the other or
 * given apart, give each broker its subnet's Availability Zone ID; problems name the document
 * and the JSON path (a subnet that is missing, with the describe-subnets command to run; a
 * second list-nodes; a bad or duplicate BrokerId; JSON syntax errors at their line in the whole
 * text); a subnet with only a zone name is used with a warning.
 */
import { describe, expect, it } from 'vitest'
import { jsonDocuments, zonesFromAws } from './import-aws'
import { describeSubnetsJson, listNodesJson } from './import-fixtures'
import { renderProblem } from './messages'
import type { Problem } from './types'

const shown = (problems: Problem[]) => problems.map((p) => `${p.path}: ${renderProblem(p)}`)

const NODES = listNodesJson({ 1: 'subnet-a', 2: 'subnet-b', 3: 'subnet-c', 4: 'subnet-a' })
const SUBNETS = describeSubnetsJson({
  'subnet-a': ['us-east-1a', 'use1-az4'],
  'subnet-b': ['us-east-1b', 'use1-az6'],
  'subnet-c': ['us-east-1c', 'use1-az1'],
})

function problemsOf(text: string, subnets?: string): string[] {
  const result = zonesFromAws(text, subnets)
  expect(result.ok).toBe(false)
  return result.ok ? [] : shown(result.problems)
}

describe('zonesFromAws', () => {
  it('maps each broker to its subnet’s zone ID, with both outputs in one text', () => {
    const result = zonesFromAws(`${NODES}\n${SUBNETS}`)
    expect(result.ok && [...result.zoneByBroker]).toEqual([
      [1, 'use1-az4'],
      [2, 'use1-az6'],
      [3, 'use1-az1'],
      [4, 'use1-az4'],
    ])
  })

  it('takes describe-subnets apart, and a BrokerId printed as 1.0', () => {
    const result = zonesFromAws(NODES.replace('"BrokerId": 1,', '"BrokerId": 1.0,'), SUBNETS)
    expect(result.ok && result.zoneByBroker.get(1)).toBe('use1-az4')
  })

  it('asks for describe-subnets, with the command, when only list-nodes is given', () => {
    expect(problemsOf(NODES)).toEqual([
      "zoneMap: list-nodes names the brokers' client subnets but not their zones: paste the output of aws ec2 describe-subnets --subnet-ids subnet-a subnet-b subnet-c",
    ])
  })

  it('names the broker whose subnet describe-subnets leaves out', () => {
    const two = describeSubnetsJson({
      'subnet-a': ['us-east-1a', 'use1-az4'],
      'subnet-b': ['us-east-1b', 'use1-az6'],
    })
    expect(problemsOf(NODES, two)).toEqual([
      "zoneMap, list-nodes NodeInfoList[2].BrokerNodeInfo.ClientSubnet: list-nodes names the brokers' client subnets but not their zones: no subnet subnet-c in the output of aws ec2 describe-subnets --subnet-ids subnet-c",
    ])
  })

  it('rejects a duplicate or fractional BrokerId, at its path', () => {
    const nodes = JSON.parse(NODES) as {
      NodeInfoList: { BrokerNodeInfo: { BrokerId: number } }[]
    }
    nodes.NodeInfoList[1]!.BrokerNodeInfo.BrokerId = 1
    nodes.NodeInfoList[2]!.BrokerNodeInfo.BrokerId = 2.5
    expect(problemsOf(JSON.stringify(nodes), SUBNETS)).toEqual([
      'zoneMap, list-nodes NodeInfoList[1].BrokerNodeInfo.BrokerId: broker 1 is listed twice (also at zoneMap, list-nodes NodeInfoList[0].BrokerNodeInfo.BrokerId)',
      'zoneMap, list-nodes NodeInfoList[2].BrokerNodeInfo.BrokerId: must be a broker id (got the number 2.5)',
    ])
  })

  it('gives a JSON syntax error the line of the whole text', () => {
    const broken = `${NODES}\n${SUBNETS.replace('"SubnetId": "subnet-b"', '"SubnetId": subnet-b')}`
    const [first] = problemsOf(broken)
    const line = broken
      .split('\n')
      .findIndex((l) => l.includes('subnet-b') && !l.includes('"subnet-b"'))
    expect(first).toMatch(new RegExp(`^zoneMap, line ${line + 1}, column \\d+: `))
  })

  it('rejects JSON that is neither output, and a second list-nodes', () => {
    expect(problemsOf('{"Clusters": []}')).toEqual([
      'zoneMap, line 1: is neither aws kafka list-nodes output (NodeInfoList) nor aws ec2 describe-subnets output (Subnets)',
    ])
    expect(problemsOf(`${NODES}${NODES}`, SUBNETS)[0]).toMatch(/a second list-nodes output/)
  })

  it('uses the zone name when a subnet has no zone ID, and says so', () => {
    const subnets = SUBNETS.replace('"AvailabilityZoneId": "use1-az1"', '"AvailabilityZoneId": ""')
    const result = zonesFromAws(NODES, subnets)
    expect(result.ok && result.zoneByBroker.get(3)).toBe('us-east-1c')
    expect(result.ok && shown(result.warnings)).toEqual([
      'subnets, describe-subnets: no AvailabilityZoneId for subnet subnet-c ("us-east-1c"), so its AvailabilityZone name is the zone; MSK\'s broker.rack is the zone ID (e.g. use1-az1)',
    ])
  })

  it('splits a text into its JSON documents, strings respected', () => {
    expect(jsonDocuments('x {"a": "}{"}\n\n{"b": [1]} y').map((d) => [d.text, d.line])).toEqual([
      ['{"a": "}{"}', 1],
      ['{"b": [1]}', 3],
    ])
  })
})
