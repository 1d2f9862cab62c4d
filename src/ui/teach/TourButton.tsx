/** Reopens the interface tour. */
export interface TourButtonProps {
  onClick: () => void
}

export function TourButton({ onClick }: TourButtonProps) {
  return (
    <button type="button" className="btn" onClick={onClick}>
      Tour
    </button>
  )
}
