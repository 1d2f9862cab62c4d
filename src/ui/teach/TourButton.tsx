/** Reopens the interface tour. */
import { useT } from '../i18n/react'

export interface TourButtonProps {
  onClick: () => void
}

export function TourButton({ onClick }: TourButtonProps) {
  const t = useT()
  return (
    <button type="button" className="btn" onClick={onClick}>
      {t('tour.label')}
    </button>
  )
}
