/// <reference lib="webworker" />
/** The design review's worker (review.ts): one scenario in, the review's stages out. */
import type { SimulationSpec } from '../engine/spec'
import { computeReview, type ReviewMessage } from './review'

self.onmessage = (event: MessageEvent<SimulationSpec>) => {
  const post = (message: ReviewMessage) => self.postMessage(message)
  try {
    computeReview(event.data, post)
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) })
  }
}
