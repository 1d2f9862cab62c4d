/** The header's teaching and export buttons: Scenarios, Tour and Export. */
import { ExportButton } from '../review/ExportButton'
import { GuidedScenarioButton } from './GuidedScenarioButton'
import { TourButton } from './TourButton'

export interface TeachActionsProps {
  onTour: () => void
}

export function TeachActions({ onTour }: TeachActionsProps) {
  return (
    <>
      <GuidedScenarioButton />
      <TourButton onClick={onTour} />
      <ExportButton />
    </>
  )
}
