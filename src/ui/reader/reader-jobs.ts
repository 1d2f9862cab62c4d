/**
 * What the page's reader worker does (reader.worker.ts), and, where workers are unavailable, what
 * the page does itself in their place: read untrusted or large input, off the page's thread.
 *
 * - `shareLink`: decode and validate a share link (decompress, parse, check limits). A link at
 *   the 10,000-fault limit took 1.4 s on the page's thread, and refusing a 1,000,000-partition
 *   one 1.5 s.
 * - `importFacts`: what the Import panel shows about its fields as they are typed (importFacts).
 * - `importPlan`: the import itself (planFromInputs), its problem lists capped (capOutcome), so a
 *   paste with 100,000 errors sends 50 of them and the count, not 100,000 objects.
 */
import { parseScenario } from '../../scenario/validate'
import { decodeShareLink, type DecodedLink } from '../../store/share-link'
import {
  capOutcome,
  importFacts,
  planFromInputs,
  type ImportFacts,
  type ImportInputs,
  type ImportOutcome,
} from '../review/import-cluster'

export type ReaderJob =
  | { kind: 'shareLink'; hash: string }
  | { kind: 'importFacts'; inputs: ImportInputs }
  | { kind: 'importPlan'; inputs: ImportInputs }

/** Each job's result, by kind. */
export interface ReaderResults {
  shareLink: DecodedLink
  importFacts: ImportFacts
  importPlan: ImportOutcome
}

export type ReaderResult<J extends ReaderJob> = ReaderResults[J['kind']]

/**
 * Runs a job to its end on the calling thread.
 *
 * @example
 * runReaderJob({ kind: 'importPlan', inputs }) // { ok: false, problems: [...50], totals: {...} }
 */
export function runReaderJob<J extends ReaderJob>(job: J): ReaderResult<J> {
  const run = (): ReaderResults[ReaderJob['kind']] => {
    switch (job.kind) {
      case 'shareLink':
        return decodeShareLink(job.hash, parseScenario)
      case 'importFacts':
        return importFacts(job.inputs)
      case 'importPlan':
        return capOutcome(planFromInputs(job.inputs))
    }
  }
  return run() as ReaderResult<J>
}
