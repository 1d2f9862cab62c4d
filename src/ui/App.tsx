/**
 * The application shell: header, playback toolbar, timeline, messages, the topology with the
 * partition sidebar, the panels and a footer with the version. Teaching and review pieces come
 * from `teach/` and `review/`: the Scenarios, Tour and Export buttons, the first-visit tour, the
 * narration beside the topology and the review tabs. With `embed=1` in the URL only the time
 * controls and the topology show.
 */
import { useEffect, useState } from 'react'
import { isEmbedMode } from '../export/embed'
import { Announcer } from './Announcer'
import { Header } from './Header'
import { Legend } from './Legend'
import { IncidentLane } from './IncidentLane'
import { NoticeBar } from './NoticeBar'
import { PanelTabs } from './PanelTabs'
import { PartitionSidebar } from './PartitionSidebar'
import { RestoreOffer } from './RestoreOffer'
import { TimelineScrubber } from './TimelineScrubber'
import { Toolbar } from './Toolbar'
import { LiveCounters } from './counters/LiveCounters'
import { TopologyHeader } from './TopologyHeader'
import { TopologyOutline } from './TopologyOutline'
import { TopologyView } from './TopologyView'
import { useAppStore, useStoreApi } from './store-context'
import { activeGuided } from '../store/slices/guided-slice'
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
  const projector = useAppStore((state) => state.projector)
  // On a projector the topology takes the whole width unless a narration or a selected
  // partition needs the side column (the partition picker is then in the table, one tab away).
  const wideTopology = useAppStore(
    (state) => state.projector && state.selectedPartition === null && activeGuided(state) === null,
  )
  useEffect(() => {
    const root = document.documentElement
    if (projector) root.dataset.projector = 'on'
    else delete root.dataset.projector
  }, [projector])
  if (embedded) {
    return (
      <div className="flex min-h-full flex-col">
        <Toolbar />
        <TimelineScrubber />
        <NoticeBar />
        <main className="min-w-0 p-2">
          <section aria-label="Topology" className="embed-topology min-w-0">
            <Legend />
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
      <RestoreOffer />
      <main
        className={`grid flex-1 items-start gap-4 p-2 sm:p-4 ${
          wideTopology ? '' : 'xl:grid-cols-[minmax(0,1fr)_22rem]'
        }`}
      >
        <section aria-label="Topology" className="min-w-0">
          <TopologyHeader />
          <LiveCounters />
          <TopologyView />
          <TopologyOutline />
          <IncidentLane />
        </section>
        <div className="flex min-w-0 flex-col gap-4">
          <NarrationDock />
          {!wideTopology && <PartitionSidebar />}
        </div>
      </main>
      <PanelTabs />
      <Announcer />
      <footer className="flex gap-4 border-t border-border px-4 py-1 text-xs text-muted">
        <span>Kafka HA Lab v{__APP_VERSION__}</span>
        <a className="underline" href="https://github.com/kafka-ha-lab/kafka-ha-lab#readme">
          README
        </a>
      </footer>
    </div>
  )
}
