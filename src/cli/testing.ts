/**
 * Test support for the CLI tests (not shipped in any command): an in-memory `CliIo`, helpers that
 * spawn the real executables, and small scenario fixtures (3 brokers in 3 zones, short runs) so
 * the suite stays fast.
 */
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
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

/**
 * An io over a map of files; `dir/` entries stand for directories. A file's identity is its
 * path (links are for the real-file tests); `now`, when given, is the clock of progress lines.
 */
export function memoryIo(
  files: Map<string, string>,
  options: { now?: () => number } = {},
): CliIo & { out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  return {
    out,
    err,
    fileId: (path) => Promise.resolve(files.has(path) ? `memory:${path}` : undefined),
    ...(options.now === undefined ? {} : { now: options.now }),
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

export const ROOT = resolve(import.meta.dirname, '../..')
export const BIN = join(ROOT, 'bin/kafka-ha-lab.mjs')

export interface Spawned {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a command to completion, optionally feeding `input` to its stdin. */
export function spawnText(
  command: string,
  args: readonly string[],
  options: { cwd: string; input?: string },
): Promise<Spawned> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: 'pipe' })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', fail)
    child.on('close', (code) =>
      done({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    )
    child.stdin.end(options.input ?? '')
  })
}

/** `node bin/kafka-ha-lab.mjs ...` in `cwd`. */
export function bin(cwd: string, args: readonly string[], input?: string): Promise<Spawned> {
  return spawnText(process.execPath, [BIN, ...args], { cwd, input })
}

/** `npm run --silent cli -- ...` from the repository root, with npm's own warnings dropped. */
export async function npmCli(args: readonly string[]): Promise<Spawned> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const result = await spawnText(npm, ['run', '--silent', 'cli', '--', ...args], { cwd: ROOT })
  const stderr = result.stderr
    .split('\n')
    .filter((line) => !line.startsWith('npm warn'))
    .join('\n')
  return { ...result, stderr }
}

/** `kafka-topics.sh --describe` output of Kafka 3.x: TopicId, tabs, one partition out of sync. */
export const DESCRIBE_3X = [
  'Topic: orders\tTopicId: 8SXdnk2CQcy2bDmZ2p1eTw\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: min.insync.replicas=2',
  '\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3',
  '\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3',
  '\tTopic: orders\tPartition: 2\tLeader: 3\tReplicas: 3,1,2\tIsr: 3,1,2',
  '',
].join('\n')

/** ZooKeeper-era output: no space after the colons. */
export const DESCRIBE_ZK = [
  'Topic:payments\tPartitionCount:2\tReplicationFactor:2\tConfigs:',
  '\tTopic: payments\tPartition: 0\tLeader: 1\tReplicas: 1,2\tIsr: 1,2',
  '\tTopic: payments\tPartition: 1\tLeader: 2\tReplicas: 2,3\tIsr: 2,3',
  '',
].join('\n')

/** Kafka 4.x output with ELR columns, tabs turned into spaces by a terminal. */
export const DESCRIBE_4X = [
  'Topic: clicks   TopicId: xYz0xYz0xYz0xYz0xYz0xA   PartitionCount: 2   ReplicationFactor: 3   Configs: min.insync.replicas=2',
  '    Topic: clicks   Partition: 0   Leader: 2   Replicas: 2,3,1   Isr: 2,3   Elr: 1   LastKnownElr: ',
  '    Topic: clicks   Partition: 1   Leader: none   Replicas: 3,1,2   Isr: 3   Elr:    LastKnownElr: ',
  '',
].join('\n')

/** A kafka-reassign-partitions.sh JSON file. */
export const REASSIGNMENT = `${JSON.stringify({
  version: 1,
  partitions: [
    { topic: 'orders', partition: 0, replicas: [1, 2, 3], log_dirs: ['any', 'any', 'any'] },
    { topic: 'orders', partition: 1, replicas: [2, 3, 1], log_dirs: ['any', 'any', 'any'] },
  ],
})}\n`

export const ZONE_MAP = '1=use1-az1,2=use1-az2,3=use1-az3'
