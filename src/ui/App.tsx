/**
 * The application shell: header, playback toolbar, timeline, messages, the topology with the
 * partition sidebar, the panels and a footer with the version. Teaching and review pieces come
 * from `teach/` and `review/`: the Scenarios, Tour and Export buttons, the first-visit tour, the
 * narration beside the topology and the review tabs. With `embed=1` in the URL only the time
 * controls and the topology show.
 */
import { useState } from 'react'
import { isEmbedMode } from '../export/embed'
import { Header } from './Header'
import { NoticeBar } from './NoticeBar'
import { PanelTabs } from './PanelTabs'
import { PartitionSidebar } from './PartitionSidebar'
import { TimelineScrubber } from './TimelineScrubber'
import { Toolbar } from './Toolbar'
import { TopologyHeader } from './TopologyHeader'
import { TopologyView } from './TopologyView'
import { useStoreApi } from './store-context'
import { NarrationDock } from './teach/NarrationDock'
import { TeachActions } from './teach/TeachActions'
import { Tour } from './teach/Tour'
import { browserStorage } from './teach/tour'
import { useTour } from './teach/use-tour'
import { useKeyboardShortcuts } from './use-keyboard-shortcuts'
import { usePlaybackLoop } from './use-playback-loop'

export function App() {
  const store = useStoreApi()
  usePlaybackLoop(store)
  useKeyboardShortcuts(store)
  const [embedded] = useState(() => isEmbedMode(window.location))
  const tour = useTour(browserStorage(), { enabled: !embedded })
  if (embedded) {
    return (
      <div className="flex min-h-full flex-col">
        <Toolbar />
        <TimelineScrubber />
        <NoticeBar />
        <main className="min-w-0 p-2">
          <section aria-label="Topology" className="min-w-0">
            <TopologyView />
          </section>
        </main>
      </div>
    )
  }
  return (
    <div className="flex min-h-full flex-col">
      <Header actions={<TeachActions onTour={tour.start} />} />
      <Tour {...tour} />
      <Toolbar />
      <TimelineScrubber />
      <NoticeBar />
      <main className="grid flex-1 items-start gap-4 p-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-label="Topology" className="min-w-0">
          <TopologyHeader />
          <TopologyView />
        </section>
        <div className="flex min-w-0 flex-col gap-4">
          <NarrationDock />
          <PartitionSidebar />
        </div>
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
