/**
 * Import notes that describe no risk are info, not warnings: a column the importer does not know,
 * configs the simulator does not model, the controller mode it had to assume. A note about data
 * the import leaves out that matters for availability (offline replicas) stays a warning.
 */
import { describe, expect, it } from 'vitest'
import { importDescribe } from './import-describe'

const ZONES = '1=use1-az1,2=use1-az2,3=use1-az3'

function warningsOf(text: string) {
  const result = importDescribe(text, { zones: ZONES })
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '))
  return result.warnings
}

describe('import note levels', () => {
  it('marks ignored configs, unknown columns and an assumed controller mode as info', () => {
    const warnings = warningsOf(
      [
        'Topic: orders\tTopicId: x\tPartitionCount: 1\tReplicationFactor: 3\tConfigs: segment.bytes=1073741824',
        '\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3\tShiny: yes',
      ].join('\n'),
    )
    const byText = (part: string) => warnings.find((w) => w.message.includes(part))
    expect(byText('ignored configs')?.level).toBe('info')
    expect(byText('"Shiny"')?.level).toBe('info')
    expect(byText('assumed KRaft')?.level).toBe('info')
  })

  it('keeps offline replicas a warning', () => {
    const warnings = warningsOf(
      [
        'Topic: orders\tTopicId: x\tPartitionCount: 1\tReplicationFactor: 3\tConfigs:',
        '\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2\tOffline: 3',
      ].join('\n'),
    )
    const offline = warnings.find((w) => w.message.includes('offline replicas'))
    expect(offline).toBeDefined()
    expect(offline?.level).toBeUndefined()
  })
})
