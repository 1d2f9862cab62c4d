// `npm run audit`: asks the registry for security advisories against package-lock.json
// (`npm audit --json`, every dependency, dev ones included, since they run in builds and CI) and
// prints one verdict line, never a silent pass:
//
//   advisories: 0 found
//   advisories: 3 found (1 high, 2 moderate)          + one line per package above
//   advisories: not checked (<why>)
//
// Exit status: 1 when an advisory of high or critical severity is found (CI fails: such a
// dependency must be upgraded or its advisory judged and recorded before merging); 0 otherwise,
// including when no advisory source answers. An unreachable source says so in the line instead
// of failing every CI run on a machine that cannot reach it (this one: the registry answers the
// audit endpoint with 405, see docs/hosting.md).
import { spawnSync } from 'node:child_process'
import { pathToFileURL } from 'node:url'

/** Severities that fail the check. */
export const FAILING_SEVERITIES = ['critical', 'high']
const SEVERITIES = ['critical', 'high', 'moderate', 'low', 'info']

/** @param {string} text */
function firstLine(text) {
  return (
    text
      .split('\n')
      .map((line) => line.replace(/^npm (error|warn|ERR!)\s*/, '').trim())
      .find((line) => line !== '') ?? ''
  )
}

/** @param {string} reason */
function notChecked(reason) {
  return { lines: [`advisories: not checked (${reason})`], exitCode: 0 }
}

/**
 * The verdict on one run of `npm audit --json`.
 * @param {{ stdout: string, stderr: string, status: number | null, error?: Error }} run
 * @returns {{ lines: string[], exitCode: number }}
 */
export function auditVerdict(run) {
  if (run.error !== undefined) return notChecked(`npm audit did not run: ${run.error.message}`)
  let report
  try {
    report = JSON.parse(run.stdout)
  } catch {
    const why = firstLine(run.stderr) || `exit status ${run.status}`
    return notChecked(`npm audit printed no report: ${why}`)
  }
  const counts = report?.metadata?.vulnerabilities
  if (counts === undefined || counts === null || typeof counts !== 'object') {
    const why = report?.message ?? report?.error?.summary ?? firstLine(run.stderr)
    return notChecked(`the advisory source did not answer: ${why || 'no reason given'}`)
  }
  const found = SEVERITIES.filter((severity) => Number(counts[severity] ?? 0) > 0)
  const total = SEVERITIES.reduce((sum, severity) => sum + Number(counts[severity] ?? 0), 0)
  const detail = found.map((severity) => `${counts[severity]} ${severity}`).join(', ')
  const packages = Object.entries(report.vulnerabilities ?? {})
    .filter(([, entry]) => FAILING_SEVERITIES.includes(entry?.severity))
    .map(([name, entry]) => `  ${entry.severity}: ${name} ${entry.range ?? ''}`.trimEnd())
    .sort()
  const failing = FAILING_SEVERITIES.some((severity) => Number(counts[severity] ?? 0) > 0)
  return {
    lines: [...packages, `advisories: ${total} found${total > 0 ? ` (${detail})` : ''}`],
    exitCode: failing ? 1 : 0,
  }
}

function runNpmAudit() {
  // Under `npm run`, npm_execpath is the npm that runs us; otherwise the `npm` on the PATH.
  const npmCli = process.env.npm_execpath
  const [command, args] =
    npmCli !== undefined && npmCli.endsWith('.js')
      ? [process.execPath, [npmCli, 'audit', '--json']]
      : ['npm', ['audit', '--json']]
  return spawnSync(command, args, { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 26 })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const run = runNpmAudit()
  const verdict = auditVerdict({
    stdout: run.stdout ?? '',
    stderr: run.stderr ?? '',
    status: run.status,
    ...(run.error === undefined ? {} : { error: run.error }),
  })
  for (const line of verdict.lines) console.log(line)
  process.exitCode = verdict.exitCode
}
