export const FAILING_SEVERITIES: string[]
export function auditVerdict(run: {
  stdout: string
  stderr: string
  status: number | null
  error?: Error
}): { lines: string[]; exitCode: number }
