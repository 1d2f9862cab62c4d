/**
 * Test support for the CLI tests (not shipped in any command): an in-memory `CliIo` and small
 * scenario fixtures (3 brokers in 3 zones, short runs) so the suite stays fast.
 */
import type { CliIo } from './io'
import { main } from './main'

export interface MemoryRun {
  code: number
  stdout: string
  stderr: string
  /** Files after the run, including those the command wrote. */
  files: Map<string, string>
}

function fsError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code })
}

/** An io over a map of files; `dir/` entries stand for directories. */
export function memoryIo(files: Map<string, string>): CliIo & { out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  return {
    out,
    err,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readFile: (path) => {
      if (files.has(`${path}/`)) return Promise.reject(fsError('EISDIR', path))
      const text = files.get(path)
      return text === undefined ? Promise.reject(fsError('ENOENT', path)) : Promise.resolve(text)
    },
    writeFile: (path, text) => {
      if (path.startsWith('/readonly/')) return Promise.reject(fsError('EACCES', path))
      files.set(path, text)
      return Promise.resolve()
    },
  }
}

/** Runs `main` over in-memory files. */
export async function runMain(
  argv: readonly string[],
  files: Record<string, string> = {},
): Promise<MemoryRun> {
  const map = new Map(Object.entries(files))
  const io = memoryIo(map)
  const code = await main(argv, io)
  return { code, stdout: io.out.join(''), stderr: io.err.join(''), files: map }
}

export const ZONES = ['use1-az1', 'use1-az2', 'use1-az3']

/** A healthy 3-zone layout: RF 3, min ISR 2, a producer, broker 1 crashing at 5 s. */
export function goodScenario(): Record<string, unknown> {
  return {
    version: 1,
    name: 'three-az',
    seed: 7,
    durationMs: 20000,
    cluster: { zones: ZONES, brokersPerZone: 1, config: { 'min.insync.replicas': 2 } },
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
    clients: [{ kind: 'producer', id: 'p1', topic: 'orders', recordsPerSecond: 10 }],
    faults: [{ atMs: 5000, type: 'crashBroker', broker: 1 }],
  }
}

/** RF 1 and unclean election on: the advisor reports errors and warnings. */
export function riskyScenario(): Record<string, unknown> {
  return {
    version: 1,
    name: 'risky',
    durationMs: 10000,
    cluster: {
      zones: ZONES,
      brokersPerZone: 1,
      config: { 'unclean.leader.election.enable': true },
    },
    topics: [{ name: 'payments', partitions: 2, replicationFactor: 1 }],
    clients: [
      {
        kind: 'producer',
        id: 'p1',
        topic: 'payments',
        recordsPerSecond: 5,
        config: { acks: 1, 'bootstrap.servers': [1] },
      },
    ],
  }
}

/** JSON text as a person would write it. */
export function text(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}
