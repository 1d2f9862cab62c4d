/**
 * The page's reader (what the reader worker runs, here on this thread as it runs where workers
 * are unavailable): a 4 MB paste with tens of thousands of errors comes back as the first 50 and
 * the count, so no more than that crosses to the page; a share link reads as the share-link
 * decoder reads it, refusals included; an aborted read rejects as an abort and its result is
 * never delivered.
 */
import { describe, expect, it } from 'vitest'
import { scenarioToJson } from '../../scenario/export'
import { parseScenario } from '../../scenario/validate'
import { decodeShareLink, encodeShareLink } from '../../store/share-link'
import { DEFAULT_SCENARIO } from '../../scenarios/default-scenario'
import { EMPTY_INPUTS, PROBLEMS_SHOWN } from '../review/import-cluster'
import { isAbort, readInReader } from './reader'
import { runReaderJob } from './reader-jobs'

/** About 4 MB of describe output whose every partition line has a word for its number. */
function badDescribe(): string {
  const line = '\tTopic: orders\tPartition: one\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3\n'
  const head = 'Topic: orders\tPartitionCount: 2\tReplicationFactor: 3\tConfigs: \n'
  return head + line.repeat(Math.floor(4_000_000 / line.length))
}

describe('the reader', () => {
  it('sends the first 50 errors of a 4 MB paste and how many there are', () => {
    const text = badDescribe()
    expect(text.length).toBeGreaterThan(3_900_000)
    const outcome = runReaderJob({ kind: 'importPlan', inputs: { ...EMPTY_INPUTS, text } })
    if (outcome.ok) throw new Error('the paste imported')
    expect(outcome.problems).toHaveLength(PROBLEMS_SHOWN)
    expect(outcome.totals?.problems).toBeGreaterThan(50_000)
    expect(outcome.problems[0]?.path).toBe('line 2')
  })

  it('reads a share link as the decoder does, and refuses what it refuses', () => {
    const hash = encodeShareLink(DEFAULT_SCENARIO, 31_500, scenarioToJson)
    expect(runReaderJob({ kind: 'shareLink', hash })).toEqual(decodeShareLink(hash, parseScenario))
    const refused = runReaderJob({ kind: 'shareLink', hash: '#scenario=%%%' })
    expect(refused).toMatchObject({ ok: false, failure: 'bad-characters' })
  })

  it('reads on this thread where there are no workers', async () => {
    const facts = await readInReader({
      kind: 'importFacts',
      inputs: { ...EMPTY_INPUTS, zones: '1=use1-az1,2=use1-az2' },
    })
    expect(facts.zoneState).toMatchObject({ ok: true, text: 'a typed map: 2 brokers in 2 zones' })
  })

  it('an aborted read rejects as an abort and delivers nothing', async () => {
    const controller = new AbortController()
    const read = readInReader(
      { kind: 'importPlan', inputs: { ...EMPTY_INPUTS, text: badDescribe() } },
      { signal: controller.signal },
    )
    controller.abort()
    const error: unknown = await read.then(
      () => null,
      (reason: unknown) => reason,
    )
    expect(isAbort(error)).toBe(true)
  })
})
