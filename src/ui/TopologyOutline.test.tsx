/**
 * The screen-reader outline of the topology: a tree zone → broker → replica with roles in words,
 * and counts instead of every replica on large clusters.
 */
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createSimulation, restoreSimulation } from '../engine/index'
import { ordersOnThreeBrokers } from '../test-support/test-cluster'
import { createAppStore } from '../store/app-store'
import { StoreContext } from './store-context'
import { TopologyOutline } from './TopologyOutline'

afterEach(cleanup)

describe('TopologyOutline', () => {
  it('nests replicas under their broker and brokers under their zone', () => {
    const store = createAppStore({
      engine: { createSimulation, restoreSimulation },
      spec: ordersOnThreeBrokers(3).spec,
    })
    render(
      <StoreContext.Provider value={store}>
        <TopologyOutline />
      </StoreContext.Provider>,
    )
    const tree = screen.getByRole('list', { name: 'Topology outline' })
    const snapshot = store.getState().snapshot!
    const broker = snapshot.brokers.find((b) =>
      snapshot.partitions.some((p) => p.replicas.includes(b.id)),
    )!
    const zone = broker.zone
    const zoneList = within(tree).getByRole('list', { name: `Zone ${zone}` })
    const replicas = within(zoneList).getByRole('list', { name: `Replicas on broker ${broker.id}` })
    const hosted = snapshot.partitions.filter((p) => p.replicas.includes(broker.id))
    expect(hosted.length).toBeGreaterThan(0)
    expect(within(replicas).getAllByRole('listitem')).toHaveLength(hosted.length)
    const led = hosted.find((p) => p.leader === broker.id)
    if (led !== undefined)
      expect(within(replicas).getByText(`${led.topic}-${led.partition}: leader`)).toBeTruthy()
    expect(
      within(zoneList).getByText(new RegExp(`^Broker ${broker.id}, zone ${zone}`)),
    ).toBeTruthy()
  })
})
