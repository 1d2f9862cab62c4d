/**
 * The advisor's findings for both designs, side by side: each with its severity and message,
 * and a note where the other design has no such finding, so what a design fixes or adds reads
 * at a glance. The findings come from `advise()` in the worker.
 */
import type { FindingLine } from '../../analysis/compare-designs'

export interface CompareFindingsProps {
  findings: { a: FindingLine[]; b: FindingLine[] }
  names: { a: string; b: string }
}

function count(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`
}

/** "B clears 1 finding A has and adds none." */
export function findingsSummary(findings: CompareFindingsProps['findings']): string {
  const onlyA = findings.a.filter((f) => f.onlyHere).length
  const onlyB = findings.b.filter((f) => f.onlyHere).length
  if (onlyA === 0 && onlyB === 0) return 'Both designs have the same findings.'
  const adds = onlyB === 0 ? 'adds none' : `adds ${count(onlyB, 'finding')} A does not have`
  return `B clears ${count(onlyA, 'finding')} A has and ${adds}.`
}

const SEVERITY_CLASS = {
  error: 'text-danger',
  warning: 'text-out-of-sync',
  info: 'text-muted',
} as const

function FindingColumn({
  side,
  name,
  lines,
}: {
  side: 'A' | 'B'
  name: string
  lines: FindingLine[]
}) {
  const other = side === 'A' ? 'B' : 'A'
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <h4 className="font-semibold">
        {side}: {name}
      </h4>
      {lines.length === 0 ? (
        <p className="text-muted">No findings.</p>
      ) : (
        <ul aria-label={`Findings for ${side}`} className="flex flex-col gap-1">
          {lines.map((f, i) => (
            <li key={`${f.id}-${f.path}-${i}`}>
              <span className={`font-semibold ${SEVERITY_CLASS[f.severity]}`}>{f.severity}</span>{' '}
              {f.message}
              {f.onlyHere && <span className="ml-1 text-xs font-semibold">(not in {other})</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function CompareFindings({ findings, names }: CompareFindingsProps) {
  return (
    <section aria-label="Advisor findings" className="flex flex-col gap-2">
      <h3 className="font-semibold">Advisor findings</h3>
      <p>{findingsSummary(findings)}</p>
      <div className="grid gap-3 md:grid-cols-2">
        <FindingColumn side="A" name={names.a} lines={findings.a} />
        <FindingColumn side="B" name={names.b} lines={findings.b} />
      </div>
    </section>
  )
}
