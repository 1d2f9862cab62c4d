/**
 * Reading a scenario file's text for the page: in a worker when the browser has them (a large
 * cluster's file takes tens of milliseconds to read and expand, which must not stall the page),
 * otherwise on the calling thread with the reader loaded on demand (jsdom tests, or a policy that
 * forbids workers). Either way it is `parseScenario`, the reader the CLI uses, so the problems
 * are the CLI's.
 */
import type { ScenarioParseResult } from '../scenario/types'
import { readScenarioInWorker } from './worker-host'

export interface ReadScenarioOptions {
  /** Use a worker (default: when `Worker` exists). */
  worker?: boolean
}

/**
 * @example
 * const result = await readScenarioText(await file.text())
 * if (result.ok) store.getState().loadScenario(result.spec)
 */
export async function readScenarioText(
  text: string,
  options: ReadScenarioOptions = {},
): Promise<ScenarioParseResult> {
  if (options.worker ?? typeof Worker === 'function') {
    try {
      return await readScenarioInWorker(text)
    } catch {
      // The worker could not start or crashed: read on this thread instead.
    }
  }
  const { parseScenario } = await import('../scenario/validate')
  return parseScenario(text)
}
