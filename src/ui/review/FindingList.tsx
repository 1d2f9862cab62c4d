/**
 * A list of advisor findings: severity as an icon and a word (never colour alone), the message,
 * the JSON path it concerns, and, when `onFix` is given and the finding has a fix, a button
 * labelled with the fix. The text comes from `renderFinding` and `renderFixLabel`. Errors are
 * red and warnings orange; info, which describes no risk, is neutral (muted, like other notes),
 * so it does not read as an alarm.
 */
import type { Finding, Fix, Severity } from '../../analysis/index'
import { renderFinding, renderFixLabel } from '../../analysis/index'

export interface FindingListProps {
  findings: readonly Finding[]
  onFix?: (fix: Fix) => void
}

const SEVERITY: Record<Severity, { icon: string; label: string; className: string }> = {
  error: { icon: '✖', label: 'Error', className: 'border-l-danger text-danger' },
  warning: { icon: '▲', label: 'Warning', className: 'border-l-out-of-sync text-out-of-sync' },
  info: { icon: 'ℹ', label: 'Info', className: 'border-l-muted text-muted' },
}

export function FindingList({ findings, onFix }: FindingListProps) {
  return (
    <ul className="flex flex-col gap-2">
      {findings.map((finding, i) => {
        const severity = SEVERITY[finding.severity]
        return (
          <li
            key={`${finding.id}-${finding.path}-${i}`}
            className={`rounded border border-l-4 border-border bg-panel px-3 py-2 ${severity.className}`}
          >
            <p className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-semibold">
                <span aria-hidden="true">{severity.icon}</span> {severity.label}
              </span>
              <code className="text-xs text-muted">{finding.id}</code>
              <span className="text-xs text-muted">
                at <code>{finding.path}</code>
              </span>
            </p>
            <p className="mt-1 text-fg">{renderFinding(finding)}</p>
            {onFix !== undefined && finding.fix !== undefined && (
              <button
                type="button"
                className="btn mt-2 text-left whitespace-normal"
                onClick={() => onFix(finding.fix!)}
              >
                {renderFixLabel(finding.fix)}
              </button>
            )}
          </li>
        )
      })}
    </ul>
  )
}
