/**
 * The address bar and saved work kept as you go, over a fake engine, a fake clock and a fake
 * address bar: a link of the current work after a pause, seek or fault; at most once a second
 * while playing; nothing for the untouched default scenario; other hash parameters kept; a link
 * too long left at the last one that fitted; storage written for unsaved work only; a link the
 * page opened reused rather than encoded again; the address bar left alone while a pasted link is
 * read; and nothing written while a load is unanswered.
 */
import { describe, expect, it } from 'vitest'
import type { SimulationSpec, TimedFault } from '../engine/spec'
import type { HostMessage, HostRequest, SimulationHost } from '../host/index'
import { createHostCore } from '../host/index'
import { createFakeEngine, tinySpec } from '../host/testing/fake-engine'
import { createAppStore } from './app-store'
import {
  AUTOSAVE_PLAYING_INTERVAL_MS,
  AUTOSAVE_SETTLE_MS,
  type AutosavePorts,
  startAutosave,
} from './autosave'
import { SAVED_WORK_KEY, type StorageLike } from './persist'
import { decodeShareLink, type ParseScenario } from './share-link'

/** A parser good enough for the fake specs: the JSON is the spec itself. */
const parse: ParseScenario = (text) => ({ ok: true, spec: JSON.parse(text) as SimulationSpec })

function fakePorts(defaultSpec: SimulationSpec, hash = '') {
  let now = 0
  let timers: { at: number; run: () => void; id: number }[] = []
  let nextId = 0
  const data = new Map<string, string>()
  const storage: StorageLike = {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  }
  const address = { hash, writes: 0 }
  let serialized = 0
  const ports: AutosavePorts = {
    serialize: (spec) => {
      serialized += 1
      return JSON.stringify(spec)
    },
    storage,
    readHash: () => address.hash,
    writeHash: (next) => {
      address.writes += 1
      address.hash = next
    },
    defaultSpec,
    setTimer: (run, ms) => {
      timers.push({ at: now + ms, run, id: ++nextId })
      return nextId
    },
    clearTimer: (id) => {
      timers = timers.filter((timer) => timer.id !== id)
    },
    nowMs: () => now,
  }
  /** Moves the clock on, running the timers that fall due in order. */
  function wait(ms: number): void {
    const end = now + ms
    for (;;) {
      const due = timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0]
      if (due === undefined) break
      timers = timers.filter((timer) => timer !== due)
      now = due.at
      due.run()
    }
    now = end
  }
  return { ports, address, data, wait, serialized: () => serialized }
}

const crash: TimedFault = { type: 'crashBroker', broker: 1, atMs: 2000 }

function setUp(options: { hash?: string; spec?: SimulationSpec } = {}) {
  const defaultSpec = tinySpec()
  const spec = options.spec ?? defaultSpec
  const store = createAppStore({ engine: createFakeEngine(), spec, freeze: true })
  const fake = fakePorts(defaultSpec, options.hash)
  const autosave = startAutosave(store, fake.ports)
  return { store, autosave, ...fake }
}

const linkTime = (hash: string) => new URLSearchParams(hash.slice(1)).get('t')

describe('startAutosave', () => {
  it('leaves the address bar alone for the untouched default scenario at 00:00', () => {
    const { address, wait } = setUp()
    wait(5000)
    expect(address.writes).toBe(0)
    expect(address.hash).toBe('')
  })

  it('writes a link of the work shortly after a seek and a fault, which opens as that work', () => {
    const { store, address, wait } = setUp()
    store.getState().seek(2000)
    store.getState().inject({ type: 'crashBroker', broker: 1 })
    expect(address.writes).toBe(0)
    wait(AUTOSAVE_SETTLE_MS)
    expect(address.writes).toBe(1)
    const opened = decodeShareLink(address.hash, parse)
    expect(opened.ok && opened.atMs).toBe(2000)
    expect(opened.ok && opened.spec.faults).toEqual([crash])
  })

  it('writes at most once a second while playing, and soon after a pause', () => {
    const { store, address, wait } = setUp()
    store.getState().play()
    for (let frame = 0; frame < 150; frame++) {
      store.getState().tick(16)
      wait(16)
    }
    // 2.4 s of frames: the first write after the settle delay, then one a second.
    expect(address.writes).toBe(3)
    store.getState().pause()
    wait(AUTOSAVE_SETTLE_MS)
    expect(address.writes).toBe(4)
    expect(linkTime(address.hash)).toBe(String(store.getState().simTimeMs))
    expect(AUTOSAVE_PLAYING_INTERVAL_MS).toBe(1000)
  })

  it('keeps other hash parameters such as embed=1', () => {
    const { store, address, wait } = setUp({ hash: '#embed=1' })
    store.getState().seek(3000)
    wait(AUTOSAVE_SETTLE_MS)
    expect(address.hash).toMatch(/^#scenario=[\w-]+&seed=7&t=3000&embed=1$/)
  })

  it('takes its own link out again when the work is back to the untouched default', () => {
    const { store, address, wait } = setUp({ hash: '#embed=1' })
    store.getState().seek(3000)
    wait(AUTOSAVE_SETTLE_MS)
    store.getState().seek(0)
    wait(AUTOSAVE_SETTLE_MS)
    expect(address.hash).toBe('#embed=1')
  })

  it('keeps the last link that fitted when the work outgrows a share link', () => {
    const { store, address, wait } = setUp()
    store.getState().seek(1000)
    wait(AUTOSAVE_SETTLE_MS)
    const fitted = address.hash
    // Pseudo-random text does not deflate: the link is longer than a link may be.
    let x = 1
    const noise = Array.from({ length: 800_000 }, () => {
      x ^= x << 13
      x ^= x >>> 17
      x ^= x << 5
      return (x >>> 0) % 36
    })
    const big = { ...tinySpec(), description: noise.map((n) => n.toString(36)).join('') }
    store.getState().loadScenario(big)
    wait(AUTOSAVE_SETTLE_MS)
    expect(address.hash).toBe(fitted)
  })

  it('saves unsaved work to storage, and not a link merely visited', () => {
    const linked = { ...tinySpec(), name: 'linked' }
    const { store, data, wait } = setUp({ spec: linked })
    store.getState().seek(4000)
    wait(AUTOSAVE_SETTLE_MS)
    expect(data.has(SAVED_WORK_KEY)).toBe(false)
    store.getState().inject({ type: 'crashBroker', broker: 2 })
    wait(AUTOSAVE_SETTLE_MS)
    const record = JSON.parse(data.get(SAVED_WORK_KEY) ?? '{}') as { link: string }
    const opened = decodeShareLink(record.link, parse)
    expect(opened.ok && opened.spec.faults).toEqual([
      { type: 'crashBroker', broker: 2, atMs: 4000 },
    ])
  })

  it('reuses the link the page opened instead of encoding the scenario again', () => {
    const linked = { ...tinySpec(), name: 'linked' }
    const { store, autosave, address, wait, serialized } = setUp({ spec: linked })
    autosave.adoptLink(linked, '#scenario=AAAA&seed=7&t=0')
    store.getState().seek(4000)
    wait(AUTOSAVE_SETTLE_MS)
    expect(address.hash).toBe('#scenario=AAAA&seed=7&t=4000')
    expect(serialized()).toBe(0)
    expect(autosave.wrote(address.hash)).toBe(true)
    expect(autosave.wrote('#scenario=BBBB')).toBe(false)
  })

  it('leaves the address bar alone while a pasted link is read, and after it is cleared', () => {
    const { store, autosave, address, data, wait } = setUp()
    const release = autosave.hold()
    address.hash = '#scenario=pasted'
    store.getState().seek(2000)
    store.getState().inject({ type: 'crashBroker', broker: 1 })
    wait(1000)
    expect(address.hash).toBe('#scenario=pasted')
    // Storage still keeps the work meanwhile.
    expect(data.size).toBe(1)
    address.hash = ''
    release()
    release()
    wait(1000)
    expect(address.hash).toBe('')
    store.getState().seek(2500)
    wait(AUTOSAVE_SETTLE_MS)
    expect(linkTime(address.hash)).toBe('2500')
  })

  it('waits while the host has not answered a load', () => {
    const core = createHostCore(createFakeEngine())
    const queued: HostRequest[] = []
    let listener: (message: HostMessage) => void = () => {}
    const host: SimulationHost = {
      send: (request) => void queued.push(request),
      compare: () => Promise.reject(new Error('unused')),
      busy: () => queued.length > 0,
      subscribe: (next) => {
        listener = next
        return () => {}
      },
      dispose: () => {},
    }
    const answer = () => {
      while (queued.length > 0) listener(core.handle(queued.shift()!))
    }
    const store = createAppStore({ host, spec: tinySpec(), freeze: true })
    answer()
    const { ports, address, wait } = fakePorts(tinySpec())
    startAutosave(store, ports)
    store.getState().loadScenario({ ...tinySpec([crash]), name: 'next' }, { atMs: 500 })
    wait(1000)
    expect(address.writes).toBe(0)
    answer()
    wait(1000)
    const opened = decodeShareLink(address.hash, parse)
    expect(opened.ok && opened.spec.name).toBe('next')
    expect(opened.ok && opened.spec.faults).toEqual([crash])
  })
})
