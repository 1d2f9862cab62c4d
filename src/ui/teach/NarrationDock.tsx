/**
 * The narration beside the topology while a guided scenario is loaded: the current step follows
 * the sim time, Back and Next seek to a step's time, and playback pauses at checkpoints.
 */
import { activeGuided } from '../../store/slices/guided-slice'
import { useAppStore, useStoreApi } from '../store-context'
import { narrationPosition, orderedSteps } from './narration'
import { NarrationPanel } from './NarrationPanel'
import { useCheckpointPause } from './use-checkpoint-pause'

export function NarrationDock() {
  const store = useStoreApi()
  useCheckpointPause(store)
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
  const seek = useAppStore((state) => state.seek)
  const pause = useAppStore((state) => state.pause)
  const closeGuided = useAppStore((state) => state.closeGuided)
  if (guided === null) return null
  return (
    <NarrationPanel
      title={guided.title}
      narration={guided.narration}
      stepIndex={stepIndex}
      nextCheckpointMs={nextCheckpointMs}
      onStepChange={(index) => {
        const step = orderedSteps(guided.narration)[index]
        if (step === undefined) return
        pause()
        seek(step.atMs)
      }}
      onClose={closeGuided}
    />
  )
}
