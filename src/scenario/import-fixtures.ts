/**
 * Test inputs for the importers, written as the real tools print them: `kafka-topics --describe`
 * (TopicCommand.printDescription / PartitionDescription), `kafka-configs --describe
 * --entity-type brokers --all` (ConfigCommand.describeResourceConfig) and the AWS CLI's
 * `aws kafka list-nodes` / `aws ec2 describe-subnets` JSON. Used by the unit, CLI and
 * end-to-end tests only.
 */

/** Describe output for `topics` topics of `partitions` partitions, RF 3, over brokers 1..n. */
export function describeOutput(
  brokers: number,
  topics: { name: string; partitions: number; configs?: string }[],
): string {
  const lines: string[] = []
  let next = 0
  for (const t of topics) {
    lines.push(
      `Topic: ${t.name}\tTopicId: 6kTR0jHnQq2G9u8jZf3gYQ\tPartitionCount: ${t.partitions}\tReplicationFactor: 3\tConfigs: ${t.configs ?? ''}`,
    )
    for (let p = 0; p < t.partitions; p++) {
      const replicas = [0, 1, 2].map((k) => ((next + k) % brokers) + 1).join(',')
      next++
      lines.push(
        `\tTopic: ${t.name}\tPartition: ${p}\tLeader: ${replicas.split(',')[0]}\tReplicas: ${replicas}\tIsr: ${replicas}\tElr: \tLastKnownElr: `,
      )
    }
  }
  return `${lines.join('\n')}\n`
}

/** One config entry line, as ConfigCommand prints it. */
export function configLine(
  key: string,
  value: string,
  source = 'STATIC_BROKER_CONFIG',
  kafkaDefault?: string,
): string {
  const synonyms = [`${source}:${key}=${value}`]
  if (kafkaDefault !== undefined) synonyms.push(`DEFAULT_CONFIG:${key}=${kafkaDefault}`)
  return `  ${key}=${value} sensitive=false synonyms={${synonyms.join(', ')}}`
}

/**
 * `kafka-configs --describe --entity-type brokers --all` for brokers with these racks (null: no
 * broker.rack) and broker-wide configs, KRaft brokers as MSK runs them.
 */
export function kafkaConfigsOutput(
  racks: Record<number, string | null>,
  configs: Record<string, string> = {},
): string {
  const defaults: Record<string, string> = {
    'min.insync.replicas': '1',
    'default.replication.factor': '1',
    'unclean.leader.election.enable': 'false',
  }
  const lines: string[] = []
  for (const [id, rack] of Object.entries(racks)) {
    lines.push(`All configs for broker ${id} are:`)
    lines.push('  advertised.listeners=null sensitive=false synonyms={}')
    lines.push(configLine('broker.id', id))
    lines.push(
      rack === null
        ? '  broker.rack=null sensitive=false synonyms={}'
        : configLine('broker.rack', rack),
    )
    for (const [key, kafkaDefault] of Object.entries(defaults)) {
      const value = configs[key]
      lines.push(
        value === undefined
          ? configLine(key, kafkaDefault, 'DEFAULT_CONFIG')
          : configLine(key, value, 'STATIC_BROKER_CONFIG', kafkaDefault),
      )
    }
    lines.push(configLine('process.roles', 'broker'))
    lines.push('  ssl.keystore.password=null sensitive=true synonyms={}')
  }
  lines.push('Default configs for brokers in the cluster are:')
  return `${lines.join('\n')}\n`
}

/** `aws kafka list-nodes` JSON: each broker's client subnet. */
export function listNodesJson(subnetByBroker: Record<number, string>): string {
  const nodes = Object.entries(subnetByBroker).map(([id, subnet]) => ({
    AddedToClusterTime: '2024-05-02T10:00:00.000Z',
    BrokerNodeInfo: {
      AttachedENIId: `eni-0${id}`,
      BrokerId: Number(id),
      ClientSubnet: subnet,
      ClientVpcIpAddress: `10.0.0.${id}`,
      CurrentBrokerSoftwareInfo: { KafkaVersion: '3.6.0' },
      Endpoints: [`b-${id}.demo.kafka.us-east-1.amazonaws.com`],
    },
    InstanceType: 'kafka.m5.large',
    NodeARN: `arn:aws:kafka:us-east-1:123456789012:broker/demo/${id}`,
    NodeType: 'BROKER',
  }))
  return `${JSON.stringify({ NodeInfoList: nodes }, null, 4)}\n`
}

/** `aws ec2 describe-subnets` JSON: each subnet's zone name and zone id. */
export function describeSubnetsJson(zones: Record<string, [string, string]>): string {
  const subnets = Object.entries(zones).map(([id, [name, zoneId]]) => ({
    AvailabilityZone: name,
    AvailabilityZoneId: zoneId,
    CidrBlock: '10.0.0.0/24',
    State: 'available',
    SubnetId: id,
    VpcId: 'vpc-0abc',
  }))
  return `${JSON.stringify({ Subnets: subnets }, null, 4)}\n`
}
