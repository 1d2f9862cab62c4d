/**
 * Import warnings and info notes apart: a note that describes no risk is listed under "Info" in
 * a neutral style, and only real warnings are counted and styled as warnings. A long list shows
 * its first 50 and says how many more there are, whether it came whole or already capped.
 */
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { infoNote, note } from '../../scenario/text'
import { capProblems } from './import-cluster'
import { ProblemList } from './ProblemList'

/** `n` errors, one a line, as a bad paste gives them. */
function errors(n: number) {
  return Array.from({ length: n }, (_, i) =>
    note(`line ${i + 2}`, 'partition "one" is not a number'),
  )
}

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

  it('lists the first 50 of 100,000 errors and says how many more there are', () => {
    render(<ProblemList tone="error" problems={errors(100_000)} />)
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain(
      'The import failed with 100,000 errors; nothing was changed.',
    )
    expect(within(alert).getAllByRole('listitem')).toHaveLength(50)
    expect(within(alert).getAllByRole('listitem')[49]!.textContent).toMatch(/^Line 51:/)
    expect(alert.textContent).toContain('… and 99,950 more errors, not listed.')
  })

  it('shows the same from a list capped in the worker, with its totals', () => {
    const { shown, totals } = capProblems(errors(100_000))
    expect(shown).toHaveLength(50)
    render(<ProblemList tone="error" problems={shown} totals={totals} />)
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('The import failed with 100,000 errors')
    expect(within(alert).getAllByRole('listitem')).toHaveLength(50)
    expect(alert.textContent).toContain('… and 99,950 more errors, not listed.')
  })

  it('says "1 more" in the singular, and nothing more when all are listed', () => {
    render(<ProblemList tone="error" problems={errors(51)} />)
    expect(screen.getByRole('alert').textContent).toContain('… and 1 more error, not listed.')
    cleanup()
    render(<ProblemList tone="error" problems={errors(50)} />)
    expect(screen.getByRole('alert').textContent).not.toContain('more')
  })

  it('caps warnings and info notes each on their own', () => {
    const infos = Array.from({ length: 70 }, (_, i) => infoNote(`line ${i + 1}`, 'ignored config'))
    const { shown, totals } = capProblems([...errors(60), ...infos])
    expect(totals).toEqual({ problems: 60, infos: 70 })
    render(<ProblemList tone="warning" problems={shown} totals={totals} />)
    const [warnings, notes] = screen.getAllByRole('status')
    expect(warnings!.textContent).toContain('60 warnings:')
    expect(within(warnings!).getAllByRole('listitem')).toHaveLength(50)
    expect(warnings!.textContent).toContain('… and 10 more warnings, not listed.')
    expect(notes!.textContent).toContain('Info (70):')
    expect(within(notes!).getAllByRole('listitem')).toHaveLength(50)
    expect(notes!.textContent).toContain('… and 20 more notes, not listed.')
  })
})
