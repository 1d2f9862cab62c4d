// Checks the CLI's work budgets as a user meets them (docs/cli.md, "Limits" and "Long runs"): a
// long run is refused without --allow-long-run and shows progress on stderr with it, leaving the
// report on stdout the same bytes; --duration is held to the same budgets as durationMs; --out
// never replaces an input, by any path, and writes atomically; inputs are read with a byte cap
// and must be UTF-8 text; malformed --zones maps get the expected form, not "cannot read".
// In-process with an in-memory io, and with the real file system in a temp dir for links.
import {
  chmodSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { execFileSync } from 'node:child_process'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSimulation, buildReport } from '../engine/index'
import { parseScenario } from '../scenario/validate'
import { runWithProgress } from './commands/run'
import {
  decodeText,
  firstInvalidUtf8,
  readTextFile,
  readTextStream,
  writeFileAtomic,
} from './files'
import type { CliIo } from './io'
import { main, nodeIo } from './main'
import { DESCRIBE_3X, goodScenario, memoryIo, runMain, text } from './testing'

const good = text(goodScenario())

/** One broker, one partition, 20,000 s: 20,040,000 units of work, just past a normal run's. */
const LONG = text({
  version: 1,
  name: 'lone',
  durationMs: 20_000_000,
  cluster: { zones: ['a'], brokersPerZone: 1 },
  topics: [{ name: 't', partitions: 1, replicationFactor: 1 }],
})

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '')
}

describe('long runs', () => {
  it('refuses a long run without --allow-long-run, saying what is long and how to allow it', async () => {
    const result = await runMain(['run', 'long.json'], { 'long.json': LONG })
    expect(result).toMatchObject({ code: 2, stdout: '' })
    expect(lines(result.stderr)).toEqual([
      'long.json: this is a long run: it simulates 5 h 33 min of 1 replica on 1 broker with 0 clients: 20,040,000 units of work (simulated seconds × (1,000 + replicas + brokers + clients)), above the 20,000,000 of a normal run; give --allow-long-run to run it anyway, or shorten durationMs (or give a shorter --duration)',
    ])
  })

  it('counts --duration too: a short scenario made long is refused', async () => {
    const result = await runMain(['run', 's.json', '--duration', '86400000'], { 's.json': good })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^s\.json: this is a long run: it simulates 24 h of 9 replicas/)
  })

  it('holds --duration to the hard budgets of durationMs', async () => {
    const big = text({
      ...goodScenario(),
      topics: [{ name: 'orders', partitions: 1000, replicationFactor: 3 }],
    })
    const result = await runMain(['run', 's.json', '--duration', '86400000', '--allow-long-run'], {
      's.json': big,
    })
    expect(result.code).toBe(2)
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(
        /^--duration: 24 h of 3,000 replicas on 3 brokers with 1 client is [\d,]+ units of work .*the limit is 100,000,000/,
      ),
    ])
    const tooLong = await runMain(['run', 's.json', '--duration', '86400001'], { 's.json': good })
    expect(tooLong.stderr).toMatch(/^--duration: must be an integer from 1 to 86400000 /)
  })

  it('runs a long run with --allow-long-run, with progress lines on stderr only', async () => {
    let clock = 0
    const io = memoryIo(new Map([['long.json', LONG]]), { now: () => (clock += 400) })
    const code = await main(['run', 'long.json', '--allow-long-run'], io)
    expect(code).toBe(0)
    const progress = lines(io.err.join(''))
    expect(progress.length).toBeGreaterThan(10)
    for (const line of progress) expect(line).toMatch(/^run: simulated .+ of 5 h 33 min \(\d+%\)$/)
    expect(progress[0]).toBe('run: simulated 5 min of 5 h 33 min (1%)')
    const report = JSON.parse(io.out.join('')) as { durationMs: number }
    expect(report.durationMs).toBe(20_000_000)
  })

  it('gives the same report in steps as in one go, and a line at most every second', () => {
    const parsed = parseScenario(good)
    if (!parsed.ok) throw new Error('good scenario')
    const whole = createSimulation(parsed.spec)
    whole.runUntil(parsed.spec.durationMs)
    const stepped = createSimulation(parsed.spec)
    let clock = 0
    const written: string[] = []
    runWithProgress(stepped, parsed.spec.durationMs, {
      now: () => (clock += 300),
      line: (line) => written.push(line),
    })
    const json = (sim: typeof whole) => JSON.stringify(buildReport(sim, parsed.spec.durationMs))
    expect(json(stepped)).toBe(json(whole))
    // 20 steps of 1 s, the clock 300 ms on per step: a line every fourth step.
    expect(written).toEqual([
      'run: simulated 4 s of 20 s (20%)',
      'run: simulated 8 s of 20 s (40%)',
      'run: simulated 12 s of 20 s (60%)',
      'run: simulated 16 s of 20 s (80%)',
    ])
  })

  it('refuses a long design review without --allow-long-run', async () => {
    const wide = text({
      version: 1,
      name: 'wide',
      cluster: { zones: ['a', 'b', 'c'], brokersPerZone: 100 },
      topics: Array.from({ length: 5 }, (_, i) => ({
        name: `t${i}`,
        partitions: 10_000,
        replicationFactor: 3,
      })),
    })
    const result = await runMain(['analyze', 'w.json', '--no-client-runs'], { 'w.json': wide })
    expect(result).toMatchObject({ code: 2, stdout: '' })
    expect(result.stderr).toMatch(
      /^w\.json: this is a long run: its survivability matrix has 46,053 failure cases over 150,000 replicas: .*; give --allow-long-run to run it anyway, or review a smaller cluster\n$/,
    )
  })
})

describe('a long design review with --allow-long-run', () => {
  it('says which client run it is on, on stderr only', async () => {
    const big = text({
      version: 1,
      name: 'big',
      cluster: { zones: ['a', 'b', 'c'], brokersPerZone: 2 },
      topics: Array.from({ length: 5 }, (_, i) => ({
        name: `t${i}`,
        partitions: 10_000,
        replicationFactor: 3,
      })),
      clients: [{ kind: 'producer', id: 'p', topic: 't0', recordsPerSecond: 10 }],
    })
    const result = await runMain(['analyze', 'b.json', '--allow-long-run'], { 'b.json': big })
    expect(result.code).toBe(0)
    const lines = result.stderr.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^analyze: a long review: /)
    expect(lines.slice(1)).toEqual([
      'analyze: client run 1 of 4 (failure class broker)',
      'analyze: client run 2 of 4 (failure class zone)',
      'analyze: client run 3 of 4 (failure class brokers)',
      'analyze: client run 4 of 4 (failure class zone+broker)',
    ])
    expect(JSON.parse(result.stdout)).toHaveProperty('verdict')
  }, 120_000)
})

describe('--out', () => {
  it('refuses to overwrite the scenario it reads, before running anything', async () => {
    const result = await runMain(['run', 's.json', '--out', 's.json'], { 's.json': good })
    expect(result).toMatchObject({ code: 2, stdout: '' })
    expect(result.stderr).toBe(
      '--out: s.json is the scenario file s.json itself; refusing to overwrite an input with the report: choose another file\n',
    )
    expect(result.files.get('s.json')).toBe(good)
  })
})

describe('real files', () => {
  let dir = ''
  const path = (name: string) => join(dir, name)
  /** nodeIo with stdout and stderr captured. */
  const captured = (): CliIo & { out: string[]; err: string[] } => {
    const out: string[] = []
    const err: string[] = []
    return {
      ...nodeIo(),
      out,
      err,
      stdout: (t) => void out.push(t),
      stderr: (t) => void err.push(t),
    }
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kafka-ha-lab-limits-'))
    writeFileSync(path('s.json'), good)
    symlinkSync(path('s.json'), path('link.json'))
    linkSync(path('s.json'), path('hard.json'))
  })

  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true })
  })

  it.each([
    ['the same path', 's.json', 's.json'],
    ['another spelling of the path', 's.json', './s.json'],
    ['a symlink to it', 's.json', 'link.json'],
    ['a hard link to it', 'link.json', 'hard.json'],
  ])('--out refuses %s as the scenario', async (_, input, out) => {
    const io = captured()
    const code = await main(['run', path(input), '--out', join(dir, out)], io)
    expect(code).toBe(2)
    expect(io.out).toEqual([])
    expect(io.err.join('')).toMatch(
      /^--out: .* is the scenario file .* itself; refusing to overwrite/,
    )
    expect(readFileSync(path('s.json'), 'utf8')).toBe(good)
  })

  it('--out writes the report atomically, and leaves no temp file', async () => {
    const io = captured()
    writeFileSync(path('r.json'), 'old')
    expect(
      await main(['run', path('s.json'), '--duration', '5000', '--out', path('r.json')], io),
    ).toBe(0)
    expect(JSON.parse(readFileSync(path('r.json'), 'utf8'))).toMatchObject({ durationMs: 5000 })
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('writes through a symlink (the link stays a link) and keeps the permission bits', async () => {
    writeFileSync(path('target.txt'), 'old')
    chmodSync(path('target.txt'), 0o600)
    symlinkSync(path('target.txt'), path('to-target.txt'))
    await writeFileAtomic(path('to-target.txt'), 'new')
    expect(readFileSync(path('target.txt'), 'utf8')).toBe('new')
    expect(statSync(path('target.txt')).mode & 0o777).toBe(0o600)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('leaves what was there and no temp file when the write fails', async () => {
    // Renaming a file over a directory fails (EISDIR), after the temp file was written.
    mkdirSync(path('adir'))
    writeFileSync(path('adir/keep.txt'), 'kept')
    await expect(writeFileAtomic(path('adir'), 'new')).rejects.toMatchObject({ code: 'EISDIR' })
    expect(readFileSync(path('adir/keep.txt'), 'utf8')).toBe('kept')
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    await expect(writeFileAtomic(path('missing/r.json'), 'x')).rejects.toMatchObject({
      code: 'ENOENT',
    })
  })

  it('refuses a regular file over the cap before reading it', async () => {
    writeFileSync(path('big.json'), 'x'.repeat(101))
    await expect(readTextFile(path('big.json'), 100)).rejects.toThrow(
      'it holds 101 bytes; the limit of an input is 100 bytes',
    )
    expect(await readTextFile(path('s.json'))).toBe(good)
  })

  it('stops reading /dev/zero at the cap instead of growing without end', async () => {
    await expect(readTextFile('/dev/zero', 1000)).rejects.toThrow(
      'it holds more than 1,000 bytes; the limit of an input is 1,000 bytes',
    )
  })

  it('stops reading a FIFO at the first byte past the cap, though its writer never closes', async () => {
    execFileSync('mkfifo', [path('fifo')])
    const reading = readTextFile(path('fifo'), 1000)
    const writer = await open(path('fifo'), 'w')
    try {
      await writer.write(Buffer.alloc(1001, 0x20))
      await expect(reading).rejects.toThrow('it holds more than 1,000 bytes')
    } finally {
      await writer.close()
    }
  })

  it('stops reading a stream (stdin) at the cap', async () => {
    const endless = Readable.from(
      (function* () {
        for (;;) yield Buffer.alloc(4096, 0x20)
      })(),
    )
    await expect(readTextStream(endless, 10_000)).rejects.toThrow('more than 10,000 bytes')
    expect(await readTextStream(Readable.from([Buffer.from('{"a": '), Buffer.from('"é"}')]))).toBe(
      '{"a": "é"}',
    )
  })

  it('says where random bytes stop being UTF-8 text, through the CLI', async () => {
    writeFileSync(path('random.bin'), Buffer.from([0x7b, 0x22, 0x61, 0xff, 0x22, 0x7d]))
    const io = captured()
    expect(await main(['validate', path('random.bin')], io)).toBe(2)
    expect(io.err.join('')).toBe(
      `${path('random.bin')}: cannot read the scenario: not UTF-8 text: the byte at offset 3 (0xFF) starts no UTF-8 character; expected a text file such as a JSON scenario\n`,
    )
  })
})

describe('UTF-8 checking', () => {
  it.each([
    ['ASCII', [0x61, 0x62], -1],
    ['é, €, 😀', [0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80], -1],
    ['a stray continuation byte', [0x61, 0x80], 1],
    ['an overlong "/"', [0xc0, 0xaf], 0],
    ['an overlong 3-byte form', [0xe0, 0x80, 0xaf], 0],
    ['an encoded surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a character cut short at the end', [0x61, 0xe2, 0x82], 1],
    ['0xFF', [0xff], 0],
  ])('%s', (_, bytes, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(offset)
  })

  it('calls a NUL byte binary, and drops nothing else', () => {
    expect(() => decodeText(Uint8Array.from([0x7b, 0x00]))).toThrow(
      'the byte at offset 1 (0x00) is NUL',
    )
    expect(decodeText(new TextEncoder().encode('{"zone": "use1-az1"}'))).toBe(
      '{"zone": "use1-az1"}',
    )
  })
})

describe('--zones values that look like a map', () => {
  it.each([
    ['=', '"=" has no broker id before "="; write broker=zone, e.g. 1=use1-az1'],
    ['=a', '"=a" has no broker id before "="; write broker=zone, e.g. 1=use1-az1'],
    [
      '-1=a',
      '"-1" in "-1=a" is not a broker id (a whole number from 0 to 2147483647); write broker=zone, e.g. 1=use1-az1',
    ],
    [
      'a=',
      '"a" in "a=" is not a broker id (a whole number from 0 to 2147483647); write broker=zone, e.g. 1=use1-az1',
    ],
    ['1=', '"1=" has no zone after "="; write broker=zone, e.g. 1=use1-az1'],
  ])('--zones %j says what form a map takes, not "cannot read"', async (value, message) => {
    const result = await runMain(['import', 'd.txt', '--zones', value], { 'd.txt': DESCRIBE_3X })
    expect(result).toMatchObject({ code: 2, stdout: '' })
    expect(result.stderr).toBe(`--zones[0]: ${message}\n`)
  })

  it('still reads a file named without "="', async () => {
    const result = await runMain(['import', 'd.txt', '--zones', 'zones.txt'], {
      'd.txt': DESCRIBE_3X,
      'zones.txt': '1=use1-az1,2=use1-az2,3=use1-az3',
    })
    expect(result.code).toBe(0)
  })
})
