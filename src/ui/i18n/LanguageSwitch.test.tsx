/**
 * The header's language switch, as a reader uses it: a labelled select offers English and
 * 한국어; choosing Korean turns the page's text Korean once the Korean catalogue has loaded
 * (English until then), sets <html lang>, remembers the choice and puts `lang=ko` into the
 * address while keeping its other parameters. Only the latest choice counts.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LanguageSwitch } from './LanguageSwitch'
import { LOCALE_STORAGE_KEY } from './locale'
import { useT } from './react'
import { resetLocaleForTests, setLocale, startLocale } from './runtime'

function PlayButton() {
  const t = useT()
  return <button type="button">{t('toolbar.play')}</button>
}

beforeEach(() => {
  resetLocaleForTests()
  localStorage.clear()
  history.replaceState(null, '', '/#scenario=abc&t=5')
})

afterEach(async () => {
  cleanup()
  await act(() => setLocale('en'))
  resetLocaleForTests()
  document.documentElement.lang = 'en'
})

describe('the language switch', () => {
  it('switches the page to Korean, remembered and kept in the address', async () => {
    render(
      <>
        <LanguageSwitch />
        <PlayButton />
      </>,
    )
    const select = screen.getByRole('combobox', { name: 'Language' })
    expect(screen.getByRole('option', { name: '한국어' }).getAttribute('lang')).toBe('ko')
    fireEvent.change(select, { target: { value: 'ko' } })
    // The choice shows at once; the text follows when the Korean chunk has arrived.
    expect((select as HTMLSelectElement).value).toBe('ko')
    await waitFor(() => expect(screen.getByRole('button', { name: '재생' })).toBeTruthy())
    expect(screen.getByRole('combobox', { name: '언어' })).toBeTruthy()
    expect(document.documentElement.lang).toBe('ko')
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ko')
    expect(location.hash).toBe('#scenario=abc&t=5&lang=ko')
  })

  it('ends in the language chosen last when choices overlap', async () => {
    render(<PlayButton />)
    await act(async () => {
      const korean = setLocale('ko')
      const english = setLocale('en')
      await Promise.all([korean, english])
    })
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy()
    expect(document.documentElement.lang).toBe('en')
  })

  it('starts in the saved language on a later visit', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'ko')
    render(<PlayButton />)
    act(() => startLocale())
    await waitFor(() => expect(screen.getByRole('button', { name: '재생' })).toBeTruthy())
  })
})
