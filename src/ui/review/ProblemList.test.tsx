/**
 * Import warnings and info notes apart: a note that describes no risk is listed under "Info" in
 * a neutral style, and only real warnings are counted and styled as warnings.
 */
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { infoNote, note } from '../../scenario/text'
import { ProblemList } from './ProblemList'

afterEach(cleanup)

describe('ProblemList', () => {
  it('lists info notes apart from warnings, in words and a neutral style', () => {
    render(
      <ProblemList
        tone="warning"
        problems={[
          note('line 2', 'offline replicas are not imported'),
          infoNote('line 1', 'ignored configs the simulator does not model: segment.bytes'),
        ]}
      />,
    )
    const [warnings, infos] = screen.getAllByRole('status')
    expect(warnings!.textContent).toContain('1 warning:')
    expect(warnings!.textContent).toContain('offline replicas')
    expect(warnings!.textContent).not.toContain('segment.bytes')
    expect(warnings!.className).toContain('text-out-of-sync')
    expect(infos!.textContent).toContain('Info:')
    expect(infos!.textContent).toContain('segment.bytes')
    expect(infos!.className).toContain('text-muted')
  })

  it('shows only the info block when every note is info', () => {
    render(<ProblemList tone="warning" problems={[infoNote('$', 'assumed KRaft')]} />)
    expect(screen.getAllByRole('status')).toHaveLength(1)
    expect(screen.queryByText(/warning/)).toBeNull()
  })
})
