/**
 * The page's reader worker: runs one reader job (reader-jobs.ts) and posts its result, or why it
 * failed. The page starts one for each job and terminates it when the job is answered or no
 * longer wanted (a newer paste), so a stale parse never runs on.
 */
import { runReaderJob, type ReaderJob } from './reader-jobs'

export type ReaderAnswer = { ok: true; result: unknown } | { ok: false; message: string }

self.onmessage = (event: MessageEvent<ReaderJob>) => {
  let answer: ReaderAnswer
  try {
    answer = { ok: true, result: runReaderJob(event.data) }
  } catch (error) {
    answer = { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  self.postMessage(answer)
}
