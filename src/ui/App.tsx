/**
 * The application shell: header, playback toolbar, timeline, messages, the topology with the
 * partition sidebar, the panels and a footer with the version.
 */
import { Header } from './Header'
import { NoticeBar } from './NoticeBar'
import { PanelTabs } from './PanelTabs'
import { PartitionSidebar } from './PartitionSidebar'
import { TimelineScrubber } from './TimelineScrubber'
import { Toolbar } from './Toolbar'
import { TopologyHeader } from './TopologyHeader'
import { TopologyView } from './TopologyView'
import { useStoreApi } from './store-context'
import { useKeyboardShortcuts } from './use-keyboard-shortcuts'
import { usePlaybackLoop } from './use-playback-loop'

export function App() {
  const store = useStoreApi()
  usePlaybackLoop(store)
  useKeyboardShortcuts(store)
  return (
    <div className="flex min-h-full flex-col">
      <Header />
      <Toolbar />
      <TimelineScrubber />
      <NoticeBar />
      <main className="grid flex-1 items-start gap-4 p-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-label="Topology" className="min-w-0">
          <TopologyHeader />
          <TopologyView />
        </section>
        <PartitionSidebar />
      </main>
      <PanelTabs />
      <footer className="flex gap-4 border-t border-border px-4 py-1 text-xs text-muted">
        <span>Kafka HA Lab v{__APP_VERSION__}</span>
        <a className="underline" href="https://github.com/kafka-ha-lab/kafka-ha-lab#readme">
          README
        </a>
      </footer>
    </div>
  )
}
