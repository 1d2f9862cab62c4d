/**
 * The mounted narration over a real store with the fake engine: loading a guided scenario shows
 * its narration, playback pauses exactly at the first checkpoint with that step shown, Next and
 * Back seek to step times, and loading any other scenario retires the narration. "Try it" (with
 * `fetch` answering from scenario files held here) loads the variant as a guided run of its own
 * and "Back to the original" returns; a variant that does not validate changes nothing.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { validateScenario } from '../../scenario/validate'
import type { ScenarioNarration } from '../../scenario/types'
import { createAppStore } from '../../store/app-store'
import { createFakeEngine, tinySpec } from '../../host/testing/fake-engine'
import { createSimulation, restoreSimulation } from '../../engine/index'
import { ordersOnThreeBrokers } from '../../test-support/test-cluster'
import { StoreContext } from '../store-context'
import { NarrationDock } from './NarrationDock'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const narration: ScenarioNarration = {
  steps: [
    { atMs: 0, title: 'Steady state', text: 'All in sync.' },
    { atMs: 3_000, title: 'Broker 1 crashes', text: 'Its leaderships move.', checkpoint: true },
    { atMs: 8_000, title: 'Broker 1 returns', text: 'It catches up.', checkpoint: true },
  ],
  tryIt: 'Try min.insync.replicas=3.',
}

function mount() {
  const store = createAppStore({ engine: createFakeEngine(), spec: tinySpec(), freeze: true })
  render(
    <StoreContext.Provider value={store}>
      <NarrationDock />
    </StoreContext.Provider>,
  )
  return store
}

describe('NarrationDock', () => {
  it('pauses playback at the checkpoint and shows its step', () => {
    const store = mount()
    expect(screen.queryByRole('region', { name: 'Narration' })).toBeNull()
    act(() => store.getState().loadGuided('demo', 'Demo scenario', tinySpec(), narration))
    const panel = screen.getByRole('region', { name: 'Narration' })
    expect(within(panel).getByRole('heading', { name: 'Steady state' })).toBeTruthy()
    expect(within(panel).getByText('Next pause at 00:03.000')).toBeTruthy()

    act(() => {
      store.getState().setSpeed(20)
      store.getState().play()
      for (let i = 0; i < 20; i++) store.getState().tick(16)
    })
    expect(store.getState().playing).toBe(false)
    expect(store.getState().simTimeMs).toBe(3_000)
    expect(within(panel).getByRole('heading', { name: 'Broker 1 crashes' })).toBeTruthy()

    // Playing on passes the honoured checkpoint and stops at the next one.
    act(() => {
      store.getState().play()
      for (let i = 0; i < 40; i++) store.getState().tick(16)
    })
    expect(store.getState().simTimeMs).toBe(8_000)
    expect(within(panel).getByText('Try min.insync.replicas=3.')).toBeTruthy()
  })

  it('plays the transition on Next and pauses at the step; Back jumps; another load retires it', () => {
    const store = mount()
    act(() => store.getState().loadGuided('demo', 'Demo scenario', tinySpec(), narration))
    const panel = screen.getByRole('region', { name: 'Narration' })
    const playThrough = () => {
      const seen: number[] = []
      for (let i = 0; i < 2000 && store.getState().playing; i++) {
        act(() => store.getState().tick(16))
        seen.push(store.getState().simTimeMs)
      }
      return seen
    }
    fireEvent.click(within(panel).getByRole('button', { name: 'Next' }))
    // Not a jump: it plays (at 2× for a 3 s gap), through the times in between.
    expect(store.getState().playing).toBe(true)
    expect(store.getState().speed).toBe(2)
    const seen = playThrough()
    expect(seen.some((t) => t > 0 && t < 3_000)).toBe(true)
    expect(store.getState().simTimeMs).toBe(3_000)
    expect(store.getState().playing).toBe(false)
    expect(store.getState().speed).toBe(1)
    fireEvent.click(within(panel).getByRole('button', { name: 'Next' }))
    playThrough()
    expect(store.getState().simTimeMs).toBe(8_000)
    fireEvent.click(within(panel).getByRole('button', { name: 'Back' }))
    expect(store.getState().simTimeMs).toBe(3_000)
    expect(within(panel).getByRole('heading', { name: 'Broker 1 crashes' })).toBeTruthy()

    act(() => store.getState().loadScenario(tinySpec()))
    expect(screen.queryByRole('region', { name: 'Narration' })).toBeNull()
  })

  it('on an hour-long gap, Next jumps to the last two minutes before the step and plays those', () => {
    const store = mount()
    const long: ScenarioNarration = {
      steps: [
        { atMs: 0, title: 'Start', text: 'A broker goes away.' },
        { atMs: 3_600_000, title: 'An hour later', text: 'It returns.' },
      ],
    }
    const spec = { ...tinySpec(), durationMs: 4_000_000 }
    act(() => store.getState().loadGuided('demo', 'Demo scenario', spec, long))
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    expect(store.getState().simTimeMs).toBe(3_480_000)
    expect(store.getState().speed).toBe(20)
    for (let i = 0; i < 2000 && store.getState().playing; i++) act(() => store.getState().tick(16))
    expect(store.getState().simTimeMs).toBe(3_600_000)
    expect(store.getState().playing).toBe(false)
  })

  it('closes on request', () => {
    const store = mount()
    act(() => store.getState().loadGuided('demo', 'Demo scenario', tinySpec(), narration))
    fireEvent.click(screen.getByRole('button', { name: 'Close narration' }))
    expect(screen.queryByRole('region', { name: 'Narration' })).toBeNull()
    expect(store.getState().guided).toBeNull()
  })
})

describe('NarrationDock at the end of the scenario', () => {
  it('stops at durationMs and recaps the run: what happened, Replay, another scenario', () => {
    // The real engine: broker 1 (leader of orders-0) crashes at 5 s of a 20 s scenario.
    const spec = {
      ...ordersOnThreeBrokers(11).spec,
      durationMs: 20_000,
      faults: [{ type: 'crashBroker' as const, broker: 1, atMs: 5_000 }],
    }
    const store = createAppStore({ engine: { createSimulation, restoreSimulation }, spec })
    render(
      <StoreContext.Provider value={store}>
        <NarrationDock />
      </StoreContext.Provider>,
    )
    act(() => store.getState().loadGuided('crash', 'A leader crash', spec, narration))
    act(() => {
      store.getState().setSpeed(100)
      store.getState().play()
    })
    // Playback pauses at the two checkpoints first; play on until it stops for good.
    for (let round = 0; round < 3; round++)
      act(() => {
        store.getState().play()
        for (let i = 0; i < 30; i++) store.getState().tick(16)
      })
    expect(store.getState().playing).toBe(false)
    expect(store.getState().simTimeMs).toBe(20_000)
    const panel = screen.getByRole('region', { name: 'Narration' })
    expect(within(panel).getByRole('heading', { name: 'What happened' })).toBeTruthy()
    const recap = visibleText(within(panel).getAllByRole('listitem')[0]!)
    expect(recap).toMatch(/^00:05\.0 broker 1 crashed → clients could not write/)
    expect(recap).toMatch(/broker 2 elected \(clean\)/)
    expect(recap).toMatch(/0 acknowledged records lost$/)
    expect(within(panel).getByText('Try min.insync.replicas=3.')).toBeTruthy()
    expect(disabled(within(panel).getByRole('button', { name: 'Next' }))).toBe(true)

    fireEvent.click(within(panel).getByRole('button', { name: 'Choose another scenario' }))
    expect(store.getState().scenarioPickerRequests).toBe(1)
    fireEvent.click(within(panel).getByRole('button', { name: 'Replay' }))
    expect(store.getState().simTimeMs).toBe(0)
    expect(store.getState().playing).toBe(true)
    expect(within(panel).queryByRole('heading', { name: 'What happened' })).toBeNull()
  })
})

const disabled = (element: HTMLElement) => (element as HTMLButtonElement).disabled

/** The text a sighted reader sees: without the screen-reader-only joiners. */
function visibleText(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement
  copy.querySelectorAll('.sr-only').forEach((n) => n.remove())
  return copy.textContent ?? ''
}

describe('NarrationDock: Try it', () => {
  /** A guided scenario file whose variant sets min.insync.replicas, as the reader reads it. */
  const file = (minIsr: number) => ({
    version: 1,
    name: 'RF 3 with min ISR 3',
    durationMs: 60_000,
    cluster: {
      zones: ['use1-az1', 'use1-az2', 'use1-az3'],
      brokersPerZone: 1,
      config: { 'min.insync.replicas': 3 },
    },
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
    narration: {
      steps: [
        { atMs: 0, title: 'Three replicas', text: 'All in sync.' },
        { atMs: 20_000, title: 'Broker 2 is patched', text: 'NOT_ENOUGH_REPLICAS.' },
      ],
      tryIt: 'Set min.insync.replicas to 2 and replay.',
      tryItVariant: {
        label: `set min.insync.replicas to ${minIsr}`,
        merge: { cluster: { config: { 'min.insync.replicas': minIsr } } },
      },
    },
  })
  const files: Record<string, unknown> = { 'good.json': file(2), 'broken.json': file(0) }

  function serveFiles() {
    const fetched: string[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        fetched.push(url)
        const name = url.split('/').pop() ?? ''
        const body = files[name]
        return Promise.resolve(
          body === undefined
            ? new Response('', { status: 404 })
            : new Response(JSON.stringify(body), { status: 200 }),
        )
      }),
    )
    return fetched
  }

  function loadAtLastStep(id: string) {
    const store = mount()
    const parsed = validateScenario(files[`${id}.json`])
    if (!parsed.ok || parsed.narration === undefined) throw new Error('invalid test scenario')
    act(() => {
      store.getState().loadGuided(id, parsed.spec.name, parsed.spec, parsed.narration!)
      store.getState().seek(20_000)
    })
    return store
  }

  const minIsr = (store: ReturnType<typeof mount>) =>
    store.getState().spec.cluster.config['min.insync.replicas']

  it('loads the variant from time 0 under its own name, then goes back to the original', async () => {
    const fetched = serveFiles()
    const store = loadAtLastStep('good')
    const panel = screen.getByRole('region', { name: 'Narration' })
    expect(within(panel).getByRole('heading', { name: 'Broker 2 is patched' })).toBeTruthy()
    expect(minIsr(store)).toBe(3)

    fireEvent.click(
      within(panel).getByRole('button', { name: 'Try it: set min.insync.replicas to 2' }),
    )
    await waitFor(() => expect(store.getState().guided?.id).toBe('good#variant'))
    expect(fetched).toEqual(['./scenarios/good.json'])
    expect(store.getState().guided?.title).toBe('RF 3 with min ISR 3 — variant')
    expect(store.getState().spec.name).toBe('RF 3 with min ISR 3 — variant')
    expect(minIsr(store)).toBe(2)
    expect(store.getState().simTimeMs).toBe(0)
    expect(
      within(panel).getByRole('heading', { name: 'RF 3 with min ISR 3 — variant' }),
    ).toBeTruthy()
    const note = within(panel).getByRole('group', { name: 'Variant' })
    expect(note.textContent).toContain('Variant: set min.insync.replicas to 2.')
    expect(within(panel).queryByRole('button', { name: /^Try it/ })).toBeNull()

    fireEvent.click(within(note).getByRole('button', { name: 'Back to the original' }))
    await waitFor(() => expect(store.getState().guided?.id).toBe('good'))
    expect(store.getState().guided?.title).toBe('RF 3 with min ISR 3')
    expect(minIsr(store)).toBe(3)
    expect(within(panel).queryByRole('group', { name: 'Variant' })).toBeNull()
  })

  it('keeps the current run when the variant does not validate, and says why', async () => {
    serveFiles()
    const store = loadAtLastStep('broken')
    const before = {
      generation: store.getState().generation,
      simTimeMs: store.getState().simTimeMs,
    }
    const panel = screen.getByRole('region', { name: 'Narration' })
    fireEvent.click(
      within(panel).getByRole('button', { name: 'Try it: set min.insync.replicas to 0' }),
    )
    const alert = await within(panel).findByRole('alert')
    expect(alert.textContent).toBe(
      'The variant could not be loaded, so this run is unchanged: cluster.config["min.insync.replicas"]: must be at least 1 (got 0)',
    )
    expect(store.getState().guided?.id).toBe('broken')
    expect(store.getState().generation).toBe(before.generation)
    expect(store.getState().simTimeMs).toBe(before.simTimeMs)
    expect(minIsr(store)).toBe(3)
    // The reason belongs to that run: loading the scenario again shows the button without it.
    const again = validateScenario(files['broken.json'])
    if (!again.ok) throw new Error('invalid test scenario')
    act(() => {
      store.getState().loadGuided('broken', again.spec.name, again.spec, again.narration!)
      store.getState().seek(20_000)
    })
    expect(within(panel).getByRole('button', { name: /^Try it:/ })).toBeTruthy()
    expect(within(panel).queryByRole('alert')).toBeNull()
  })
})
