/**
 * The update notice over a hand-driven channel: an empty polite live region until a new version
 * waits, then "A new version is available." with Reload (which asks the channel, never reloads
 * by itself) and Not now (which hides it for this visit).
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { UpdateChannel } from './pwa'
import { UpdateNotice } from './UpdateNotice'

afterEach(cleanup)

function channel() {
  const listeners = new Set<() => void>()
  let waiting = false
  const updates: UpdateChannel = {
    waiting: () => waiting,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    reload: vi.fn(),
  }
  const newVersion = () =>
    act(() => {
      waiting = true
      for (const listener of listeners) listener()
    })
  return { updates, newVersion }
}

describe('UpdateNotice', () => {
  it('registers the service worker and stays an empty polite region while nothing waits', () => {
    const { updates } = channel()
    const register = vi.fn()
    render(<UpdateNotice updates={updates} register={register} />)
    expect(register).toHaveBeenCalled()
    const region = screen.getByRole('status', { name: 'App update' })
    expect(region.textContent).toBe('')
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull()
  })

  it('offers Reload when a new version waits, and reloads only when pressed', () => {
    const { updates, newVersion } = channel()
    render(<UpdateNotice updates={updates} register={vi.fn()} />)
    newVersion()
    const region = screen.getByRole('status', { name: 'App update' })
    expect(region.textContent).toContain('A new version is available.')
    expect(updates.reload).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }))
    expect(updates.reload).toHaveBeenCalledTimes(1)
  })

  it('Not now hides the notice and leaves the running version alone', () => {
    const { updates, newVersion } = channel()
    render(<UpdateNotice updates={updates} register={vi.fn()} />)
    newVersion()
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }))
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull()
    expect(screen.getByRole('status', { name: 'App update' }).textContent).toBe('')
    expect(updates.reload).not.toHaveBeenCalled()
  })
})
