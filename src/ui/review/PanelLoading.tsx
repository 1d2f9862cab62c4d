/** What a lazily loaded review panel shows while its code arrives. */
export function PanelLoading() {
  return (
    <p role="status" className="text-sm text-muted">
      Loading…
    </p>
  )
}
