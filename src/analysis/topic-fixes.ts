/** Suggested fixes on one topic's config, shared by the advisor's rule families. */
import type { TopicSpec } from '../engine/spec'
import type { Fix } from './finding-messages'
import { makeFix } from './finding-messages'

export function setMinIsr(topic: Pick<TopicSpec, 'name'>, value: number): Fix {
  return makeFix(
    'set-min-isr',
    { topic: topic.name, minIsr: value },
    { op: 'setTopicConfig', topic: topic.name, key: 'min.insync.replicas', value },
  )
}

export function disableUncleanTopic(topic: Pick<TopicSpec, 'name'>): Fix {
  return makeFix(
    'disable-unclean-topic',
    { topic: topic.name },
    {
      op: 'setTopicConfig',
      topic: topic.name,
      key: 'unclean.leader.election.enable',
      value: false,
    },
  )
}
