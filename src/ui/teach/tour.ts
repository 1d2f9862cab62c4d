/**
 * The first-visit tour: its steps, and remembering that it was dismissed. Storage is guarded at
 * every touch: private windows, disabled cookies and sandboxed iframes make `localStorage` throw
 * or vanish, and the tour must then simply show again rather than break the app.
 */

export interface TourStep {
  title: string
  text: string
}

export const TOUR_STEPS: readonly TourStep[] = [
  {
    title: 'A Kafka cluster across availability zones',
    text:
      'Kafka HA Lab simulates Apache Kafka and Amazon MSK replication in your browser: brokers ' +
      'in availability zones, partitions with leaders and in-sync replicas, producers and ' +
      'consumers. Nothing here touches a real cluster.',
  },
  {
    title: 'The topology',
    text:
      'Each column is an availability zone (broker.rack). Broker cards carry replica chips: ' +
      'leader, in-sync follower and out-of-sync replica differ by shape and label, not only by ' +
      'colour. Click a broker, a zone or a controller to open its menu and inject a failure.',
  },
  {
    title: 'Time controls',
    text:
      'Play, Pause and Step drive simulated time, and Speed sets how fast. Drag the timeline to ' +
      'go back (the run replays from a checkpoint) or forward; a failure injected in the past ' +
      'forks a new future.',
  },
  {
    title: 'Panels and design review',
    text:
      'Under the topology: partitions in kafka-topics --describe columns, the event and client ' +
      'logs, metrics and the scenario editor. The design review checks the configuration ' +
      'against high-availability practice, shows what each failure would do, compares two ' +
      'configurations and imports a real cluster.',
  },
  {
    title: 'Guided scenarios',
    text:
      'Open Scenarios for guided lessons: the narration explains each step, names the Kafka rule ' +
      'at work and pauses at checkpoints so you can look around. Reopen this tour any time with ' +
      'the Tour button.',
  },
]

export const TOUR_DISMISSED_KEY = 'kafka-ha-lab.tour-dismissed'

/** The two methods of `Storage` the tour uses, so tests pass a plain object. */
export interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

/**
 * The browser's localStorage, or null where reading the property itself throws (Safari private
 * mode of old, sandboxed iframes, disabled storage).
 */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null
  }
}

export function tourDismissed(storage: KeyValueStorage | null): boolean {
  try {
    return storage?.getItem(TOUR_DISMISSED_KEY) === '1'
  } catch {
    return false
  }
}

/** Returns whether the dismissal was stored (false: the tour shows again next visit). */
export function rememberTourDismissed(storage: KeyValueStorage | null): boolean {
  try {
    if (storage === null) return false
    storage.setItem(TOUR_DISMISSED_KEY, '1')
    return true
  } catch {
    return false
  }
}
