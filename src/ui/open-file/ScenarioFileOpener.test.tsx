/**
 * Opening scenario files in jsdom, over a real store with the fake engine and the real reader
 * (jsdom has no workers, so `readScenarioText` reads on this thread): a file chosen in the input
 * replaces the scenario with a notice; a bad one lists its problems as the CLI prints them, the
 * first twenty and a count, and leaves the scenario (and its generation) as it was; unsaved
 * changes bring the question first, where Keep changes nothing; a dropped file opens the same way,
 * with the overlay shown while a file is dragged; and pasted scenario text in the Import tab's box
 * is offered as "Open this scenario".
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { useRef } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeEngine, tinySpec } from '../../host/testing/fake-engine'
import { createAppStore } from '../../store/app-store'
import { StoreContext } from '../store-context'
import { ScenarioFileOpener } from './ScenarioFileOpener'
import { ScenarioPasteOffer } from './ScenarioPasteOffer'
import { useScenarioOpener } from './use-scenario-opener'

afterEach(cleanup)

const scenario = (name: string, partitions = 3) =>
  JSON.stringify({
    version: 1,
    name,
    cluster: { zones: ['use1-az1', 'use1-az2', 'use1-az3'], brokersPerZone: 1 },
    topics: [{ name: 'orders', partitions, replicationFactor: 3 }],
  })

function Harness() {
  const opener = useScenarioOpener()
  const input = useRef<HTMLInputElement>(null)
  return <ScenarioFileOpener opener={opener} inputRef={input} />
}

function mount(node = <Harness />) {
  const store = createAppStore({ engine: createFakeEngine(), spec: tinySpec(), freeze: true })
  render(<StoreContext.Provider value={store}>{node}</StoreContext.Provider>)
  return store
}

function choose(file: File) {
  fireEvent.change(screen.getByLabelText('Scenario file'), { target: { files: [file] } })
}

const jsonFile = (name: string, text: string) =>
  new File([text], name, { type: 'application/json' })

function dragEvent(type: string, files: File[]): Event {
  const event = new Event(type, { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'dataTransfer', {
    value: { types: ['Files'], files, dropEffect: 'none' },
  })
  return event
}

describe('Open scenario file', () => {
  it('loads a valid file chosen in the input and says so', async () => {
    const store = mount()
    choose(jsonFile('three.json', scenario('Three brokers')))
    await waitFor(() => expect(store.getState().spec.name).toBe('Three brokers'))
    expect(store.getState().generation).toBe(1)
    expect(store.getState().notice?.message).toBe(
      'Opened “Three brokers” from three.json: restarted at 00:00.000.',
    )
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('lists a bad file’s problems with their paths and keeps the current scenario', async () => {
    const store = mount()
    choose(jsonFile('bad.json', scenario('Bad', -1)))
    const alert = await screen.findByRole('alert', { name: 'Scenario file problems' })
    expect(alert.textContent).toContain('bad.json could not be opened.')
    expect(alert.textContent).toContain('The current scenario, “tiny”, is still loaded.')
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['bad.json: topics[0].partitions: must be at least 1 (got -1)'])
    expect(store.getState().spec.name).toBe('tiny')
    expect(store.getState().generation).toBe(0)
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('names the line and column of broken JSON', async () => {
    mount()
    choose(jsonFile('comma.json', '{\n  "version": 1\n  "name": "x"\n}\n'))
    const alert = await screen.findByRole('alert', { name: 'Scenario file problems' })
    expect(within(alert).getByRole('listitem').textContent).toMatch(
      /^comma\.json: line 3, column 3: /,
    )
  })

  it('shows the first twenty problems and counts the rest', async () => {
    mount()
    const topics = Array.from({ length: 25 }, (_, i) => ({ name: `t${i}`, partitions: 0 }))
    const text = JSON.stringify({
      version: 1,
      name: 'Many',
      cluster: { zones: ['a'], brokersPerZone: 1 },
      topics,
    })
    choose(jsonFile('many.json', text))
    const alert = await screen.findByRole('alert', { name: 'Scenario file problems' })
    expect(within(alert).getAllByRole('listitem')).toHaveLength(20)
    expect(within(alert).getByText('and 5 more problems')).toBeTruthy()
  })

  it('asks before replacing unsaved changes; Keep leaves the scenario alone', async () => {
    const store = mount()
    act(() => store.getState().inject({ type: 'crashBroker', broker: 2 }))
    expect(store.getState().recording).toHaveLength(1)
    choose(jsonFile('three.json', scenario('Three brokers')))
    const dialog = await screen.findByRole('alertdialog', { name: 'Replace the current scenario?' })
    expect(dialog.textContent).toContain('1 fault injected during the run')
    expect(document.activeElement).toBe(
      within(dialog).getByRole('button', { name: 'Keep the current scenario' }),
    )
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep the current scenario' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(store.getState().spec.name).toBe('tiny')
    expect(store.getState().recording).toHaveLength(1)

    choose(jsonFile('three.json', scenario('Three brokers')))
    const again = await screen.findByRole('alertdialog')
    fireEvent.click(within(again).getByRole('button', { name: 'Open three.json' }))
    expect(store.getState().spec.name).toBe('Three brokers')
    expect(store.getState().recording).toHaveLength(0)
  })

  it('does not ask again about a file it opened itself', async () => {
    const store = mount()
    choose(jsonFile('one.json', scenario('One')))
    await waitFor(() => expect(store.getState().spec.name).toBe('One'))
    choose(jsonFile('two.json', scenario('Two')))
    await waitFor(() => expect(store.getState().spec.name).toBe('Two'))
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })

  it('shows the drop overlay while a file is dragged, and opens the dropped file', async () => {
    const store = mount()
    const file = jsonFile('dropped.json', scenario('Dropped'))
    act(() => {
      window.dispatchEvent(dragEvent('dragenter', [file]))
    })
    const overlay = screen.getByRole('region', { name: 'Drop a scenario file' })
    expect(overlay.textContent).toContain('It replaces the current scenario')
    const over = dragEvent('dragover', [file])
    window.dispatchEvent(over)
    expect(over.defaultPrevented).toBe(true)
    const drop = dragEvent('drop', [file])
    act(() => {
      window.dispatchEvent(drop)
    })
    expect(drop.defaultPrevented).toBe(true)
    expect(screen.queryByRole('region', { name: 'Drop a scenario file' })).toBeNull()
    await waitFor(() => expect(store.getState().spec.name).toBe('Dropped'))
  })

  it('refuses several dropped files at once and leaves text drags to the browser', async () => {
    const store = mount()
    const files = [jsonFile('a.json', scenario('A')), jsonFile('b.json', scenario('B'))]
    act(() => {
      window.dispatchEvent(dragEvent('drop', files))
    })
    const alert = await screen.findByRole('alert', { name: 'Scenario file problems' })
    expect(alert.textContent).toContain('Nothing was opened.')
    expect(alert.textContent).toContain('Drop one scenario file at a time (2 files were dropped).')
    expect(store.getState().spec.name).toBe('tiny')

    const text = new Event('dragover', { bubbles: true, cancelable: true })
    Object.defineProperty(text, 'dataTransfer', { value: { types: ['text/plain'], files: [] } })
    window.dispatchEvent(text)
    expect(text.defaultPrevented).toBe(false)
  })
})

describe('ScenarioPasteOffer', () => {
  it('offers scenario text as a scenario and opens it', async () => {
    const store = mount(<ScenarioPasteOffer text={scenario('Pasted')} />)
    fireEvent.click(screen.getByRole('button', { name: 'Open this scenario' }))
    await waitFor(() => expect(store.getState().spec.name).toBe('Pasted'))
    expect(store.getState().notice?.message).toBe(
      'Opened “Pasted” from the pasted text: restarted at 00:00.000.',
    )
  })

  it('lists the problems of bad pasted scenario text under it', async () => {
    const store = mount(<ScenarioPasteOffer text={scenario('Pasted', 0)} />)
    fireEvent.click(screen.getByRole('button', { name: 'Open this scenario' }))
    const alert = await screen.findByRole('alert', { name: 'Scenario file problems' })
    expect(within(alert).getByRole('listitem').textContent).toBe(
      'the pasted text: topics[0].partitions: must be at least 1 (got 0)',
    )
    expect(store.getState().spec.name).toBe('tiny')
  })

  it('stays out of the way of describe output', () => {
    mount(<ScenarioPasteOffer text={'Topic: orders\tPartitionCount: 3'} />)
    expect(screen.queryByRole('button', { name: 'Open this scenario' })).toBeNull()
  })
})
