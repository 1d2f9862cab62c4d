/**
 * Checks formatDescribe against the exact text Kafka 4.x `kafka-topics.sh --describe` prints
 * (TopicCommand.java): tab-separated fields, "none" for a missing leader, empty Elr lists, header
 * lines per topic, sorted output, and the fake TopicId's Uuid shape. Fixtures are hand-built views.
 */
import { describe, expect, it } from 'vitest'
import { fakeTopicId, formatDescribe, formatPartitionLine } from './describe-format'
import { partitionView } from './fixtures'

describe('formatDescribe', () => {
  it('prints a topic header and one line per partition, like kafka-topics --describe', () => {
    const text = formatDescribe([
      partitionView({ partition: 1, replicas: [2, 3, 1] }),
      partitionView({ partition: 0 }),
    ])
    const id = fakeTopicId('orders')
    expect(text).toBe(
      `Topic: orders\tTopicId: ${id}\tPartitionCount: 2\tReplicationFactor: 3\tConfigs: min.insync.replicas=2\n` +
        '\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3\tElr: \tLastKnownElr: \n' +
        '\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3,1\tElr: \tLastKnownElr: \n',
    )
  })

  it('prints Leader: none for a leaderless partition and fills Elr and LastKnownElr', () => {
    const line = formatPartitionLine(
      partitionView({ leader: -1, isr: [], elr: [2, 3], lastKnownElr: [1], partition: 4 }),
    )
    expect(line).toBe(
      '\tTopic: orders\tPartition: 4\tLeader: none\tReplicas: 1,2,3\tIsr: \tElr: 2,3\tLastKnownElr: 1',
    )
  })

  it('sorts topics by name and lists only non-default configs', () => {
    const text = formatDescribe([
      partitionView({ topic: 'payments', minIsr: 1, uncleanLeaderElectionEnable: true }),
      partitionView({ topic: 'audit', minIsr: 1 }),
    ])
    const headers = text.split('\n').filter((l) => l.startsWith('Topic:'))
    expect(headers).toHaveLength(2)
    expect(headers[0]).toMatch(/^Topic: audit\t.*\tConfigs: $/)
    expect(headers[1]).toMatch(
      /^Topic: payments\t.*\tConfigs: unclean\.leader\.election\.enable=true$/,
    )
  })

  it('omits topic headers when asked, as the report flags do', () => {
    const text = formatDescribe([partitionView()], { topicHeaders: false })
    expect(text.startsWith('\tTopic: orders\tPartition: 0')).toBe(true)
    expect(text.split('\n')).toHaveLength(2)
  })

  it('prints nothing for no partitions', () => {
    expect(formatDescribe([])).toBe('')
  })
})

describe('fakeTopicId', () => {
  it('is a stable 22-character base64url Uuid that never starts with a dash', () => {
    for (const name of ['orders', 'payments', '__consumer_offsets', 'a', 'é']) {
      const id = fakeTopicId(name)
      expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/)
      expect(fakeTopicId(name)).toBe(id)
    }
    expect(fakeTopicId('orders')).not.toBe(fakeTopicId('payments'))
  })
})
