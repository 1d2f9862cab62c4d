/** The application shell: header, the topology area and a footer with the version. */
export function App() {
  return (
    <div className="flex h-full flex-col">
      <header className="flex items-center gap-3 border-b border-border bg-panel px-4 py-2">
        <h1 className="text-lg font-semibold">Kafka HA Lab</h1>
        <p className="text-sm text-muted">
          Break a Kafka cluster across zones and watch what Kafka does.
        </p>
      </header>
      <main className="flex-1 p-4">
        <section
          aria-label="Topology"
          className="h-full rounded border border-dashed border-border"
        />
      </main>
      <footer className="flex gap-4 border-t border-border px-4 py-1 text-xs text-muted">
        <span>Kafka HA Lab v{__APP_VERSION__}</span>
        <a className="underline" href="https://github.com/kafka-ha-lab/kafka-ha-lab#readme">
          README
        </a>
      </footer>
    </div>
  )
}
