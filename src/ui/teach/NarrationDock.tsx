/**
 * The narration beside the topology while a guided scenario is loaded: the current step follows
 * the sim time, Next plays the transition to the next step and pauses there (use-play-to-step.ts),
 * Back seeks to a step's time, and playback pauses at checkpoints. At the
 * scenario's `durationMs` playback stops (the playback slice) and the panel's final card recaps
 * each incident from the engine's failover records. The last step and the recap offer the
 * scenario's "Try it" variant, and a variant's run leads back to the original (use-try-it.ts).
 */
import { useMemo } from 'react'
import { incidentTimeline } from '../../analysis/index'
import type { FailoverRecord } from '../../engine/failovers'
import type { BrokerView, SimEvent } from '../../engine/types'
import { activeGuided } from '../../store/slices/guided-slice'
import { playbackEndMs } from '../../store/slices/playback-slice'
import { useAppStore, useStoreApi } from '../store-context'
import { narrationPosition, orderedSteps } from './narration'
import { type NarrationEnd, NarrationPanel } from './NarrationPanel'
import { originalIdOf } from './try-it'
import { useCheckpointPause } from './use-checkpoint-pause'
import { usePlayToStep } from './use-play-to-step'
import { useTranslatedNarration } from './use-narration-translation'
import { useTryIt } from './use-try-it'

const NO_FAILOVERS: readonly FailoverRecord[] = []
const NO_EVENTS: readonly SimEvent[] = []
const NO_BROKERS: readonly BrokerView[] = []

export function NarrationDock() {
  const store = useStoreApi()
  useCheckpointPause(store)
  const playToStep = usePlayToStep(store)
  const tryIt = useTryIt(store)
  const guided = useAppStore(activeGuided)
  // Primitives, so the panel re-renders when the step changes, not on every frame.
  const stepIndex = useAppStore((state) => {
    const g = activeGuided(state)
    return g === null ? -1 : narrationPosition(g.narration, state.simTimeMs).index
  })
  const nextCheckpointMs = useAppStore((state) => {
    const g = activeGuided(state)
    return g === null ? null : narrationPosition(g.narration, state.simTimeMs).nextCheckpointMs
  })
  const endMs = useAppStore((state) => {
    const end = playbackEndMs(state)
    return end !== null && state.simTimeMs >= end ? end : null
  })
  // The logs are followed only once the end is reached, for the recap.
  const failovers = useAppStore((state) => (endMs === null ? NO_FAILOVERS : state.failovers))
  const events = useAppStore((state) => (endMs === null ? NO_EVENTS : state.events))
  const brokers = useAppStore((state) =>
    endMs === null ? NO_BROKERS : (state.snapshot?.brokers ?? NO_BROKERS),
  )
  const end = useMemo<NarrationEnd | null>(
    () =>
      endMs === null
        ? null
        : {
            durationMs: endMs,
            recaps: incidentTimeline(failovers, events, endMs, { brokers }).map((i) => i.recap),
          },
    [endMs, failovers, events, brokers],
  )
  const seek = useAppStore((state) => state.seek)
  const pause = useAppStore((state) => state.pause)
  const play = useAppStore((state) => state.play)
  const closeGuided = useAppStore((state) => state.closeGuided)
  const requestScenarioPicker = useAppStore((state) => state.requestScenarioPicker)
  // The words in the language on screen; times, steps and checkpoints stay the store's.
  const shown = useTranslatedNarration(
    guided?.id ?? null,
    guided?.title ?? '',
    guided?.narration ?? null,
  )
  if (guided === null || shown.narration === null) return null
  const variant = shown.narration.tryItVariant
  const isVariant = originalIdOf(guided.id) !== null
  const attempt = { pending: tryIt.pending, error: tryIt.error }
  return (
    <NarrationPanel
      title={shown.title}
      narration={shown.narration}
      stepIndex={stepIndex}
      nextCheckpointMs={nextCheckpointMs}
      onStepChange={(index) => {
        const step = orderedSteps(guided.narration)[index]
        if (step === undefined) return
        // Next plays the transition (and pauses at the step); Back jumps.
        if (index > stepIndex) playToStep(step.atMs)
        else {
          pause()
          seek(step.atMs)
        }
      }}
      onClose={closeGuided}
      end={end}
      onReplay={() => {
        pause()
        seek(0)
        play()
      }}
      onChooseAnother={requestScenarioPicker}
      tryItOffer={
        variant === undefined || isVariant
          ? null
          : { label: variant.label, onTry: tryIt.tryVariant, ...attempt }
      }
      variant={
        isVariant ? { label: variant?.label ?? '', onBack: tryIt.backToOriginal, ...attempt } : null
      }
    />
  )
}
