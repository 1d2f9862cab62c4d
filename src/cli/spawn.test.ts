// Checks the real executables end to end: `node bin/kafka-ha-lab.mjs ...` and
// `npm run --silent cli -- ...` are spawned as child processes on fixture files written to a temp
// dir, and their stdout, stderr and exit codes are compared with the contract in docs/cli.md
// (and with `main()` run in-process, which must give the same bytes). Each spawn costs about a
// second (tsx compiles on start), so the cases run concurrently and stay few.
//
// npm itself may print `npm warn ...` lines about the user's npm config on stderr before the
// script starts; those are npm's, not ours, and are dropped before stderr is compared.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bin, goodScenario, npmCli, riskyScenario, runMain, text, type Spawned } from './testing'

const TIMEOUT_MS = 60_000

let dir = ''
const path = (name: string) => join(dir, name)

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kafka-ha-lab-cli-'))
  writeFileSync(path('good.json'), text(goodScenario()))
  writeFileSync(path('risky.json'), text(riskyScenario()))
  writeFileSync(
    path('bad.json'),
    text({ ...goodScenario(), topics: [{ name: 'orders', partitions: 1, replicationFactor: 5 }] }),
  )
  writeFileSync(path('broken.json'), '{ "version": 1,\n  "name": }\n')
})

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true })
})

describe('node bin/kafka-ha-lab.mjs', () => {
  it(
    'runs every command and error path with the documented exit codes',
    async () => {
      const [help, run1, run2, analyze, validate, bad, broken, missing, unknown, flag, stdin] =
        await Promise.all([
          bin(dir, ['--help']),
          bin(dir, ['run', 'good.json']),
          bin(dir, ['run', 'good.json']),
          bin(dir, ['analyze', 'risky.json', '--format', 'markdown', '--fail-on', 'error']),
          bin(dir, ['validate', 'good.json']),
          bin(dir, ['validate', 'bad.json']),
          bin(dir, ['run', 'broken.json']),
          bin(dir, ['analyze', 'nope.json']),
          bin(dir, ['simulate', 'good.json']),
          bin(dir, ['run', 'good.json', '--seed', 'lots']),
          bin(dir, ['validate', '-'], text(goodScenario())),
        ])
      expect(help).toMatchObject({ code: 0, stderr: '' })
      expect(help.stdout).toMatch(/^kafka-ha-lab: /)

      expect(run1).toMatchObject({ code: 0, stderr: '' })
      expect(run2.stdout).toBe(run1.stdout)
      const inProcess = await runMain(['run', 'good.json'], {
        'good.json': readFileSync(path('good.json'), 'utf8'),
      })
      expect(run1.stdout).toBe(inProcess.stdout)

      expect(analyze.code).toBe(1)
      expect(analyze.stdout).toMatch(/^# Design review: risky\n/)
      expect(analyze.stderr).toBe('--fail-on error: failed with 1 error\n')

      expect(validate).toEqual({ code: 0, stdout: 'ok\n', stderr: '' })
      expect(stdin).toEqual({ code: 0, stdout: 'ok\n', stderr: '' })

      const badInput: [Spawned, RegExp][] = [
        [bad, /^bad\.json: topics\[0\]\.replicationFactor: replicationFactor 5 is larger than/],
        [broken, /^broken\.json: line 2, column 11: /],
        [missing, /^nope\.json: cannot read the scenario: no such file or directory\n$/],
        [unknown, /^command "simulate": is unknown; /],
        [flag, /^--seed: must be an integer from 0 to 4294967295 \(got "lots"\)/],
      ]
      for (const [result, line] of badInput) {
        expect(result.code).toBe(2)
        expect(result.stdout).toBe('')
        expect(result.stderr.split('\n')).toHaveLength(2)
        expect(result.stderr).toMatch(line)
      }
    },
    TIMEOUT_MS,
  )

  it(
    'writes --out and leaves stdout empty',
    async () => {
      const result = await bin(dir, ['run', 'good.json', '--duration', '5000', '--out', 'r.json'])
      expect(result).toEqual({ code: 0, stdout: '', stderr: '' })
      const report = JSON.parse(readFileSync(path('r.json'), 'utf8')) as { durationMs: number }
      expect(report.durationMs).toBe(5000)
    },
    TIMEOUT_MS,
  )
})

describe('bounded input and output, end to end', () => {
  it(
    'refuses /dev/zero, random bytes and --out naming the scenario, each with exit 2',
    async () => {
      writeFileSync(path('random.bin'), Buffer.from([0x7b, 0x0a, 0xc3, 0x28, 0x7d]))
      const before = readFileSync(path('good.json'), 'utf8')
      const [zero, random, clobber] = await Promise.all([
        bin(dir, ['validate', '/dev/zero']),
        bin(dir, ['validate', 'random.bin']),
        bin(dir, ['run', 'good.json', '--out', './good.json']),
      ])
      expect(zero).toEqual({
        code: 2,
        stdout: '',
        stderr:
          '/dev/zero: cannot read the scenario: it holds more than 16,777,216 bytes; the limit of an input is 16,777,216 bytes (16 MiB)\n',
      })
      expect(random).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'random.bin: cannot read the scenario: not UTF-8 text: the byte at offset 2 (0xC3) starts no UTF-8 character; expected a text file such as a JSON scenario\n',
      })
      expect(clobber).toMatchObject({ code: 2, stdout: '' })
      expect(clobber.stderr).toMatch(
        /^--out: \.\/good\.json is the scenario file good\.json itself/,
      )
      expect(readFileSync(path('good.json'), 'utf8')).toBe(before)
    },
    TIMEOUT_MS,
  )
})

describe('npm run --silent cli --', () => {
  it(
    'passes arguments, output and exit codes through',
    async () => {
      const [run, validate, usage] = await Promise.all([
        npmCli(['run', path('good.json')]),
        npmCli(['validate', path('bad.json')]),
        npmCli(['run']),
      ])
      expect(run.code).toBe(0)
      expect(run.stderr).toBe('')
      const direct = await bin(dir, ['run', 'good.json'])
      expect(run.stdout).toBe(direct.stdout)

      expect(validate.code).toBe(2)
      expect(validate.stdout).toBe('')
      expect(validate.stderr).toMatch(/: topics\[0\]\.replicationFactor: /)

      expect(usage).toMatchObject({ code: 2, stdout: '' })
      expect(usage.stderr).toMatch(/^<scenario\.json>: is missing/)
    },
    TIMEOUT_MS,
  )
})
