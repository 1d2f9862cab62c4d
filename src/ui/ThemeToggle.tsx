/** Light, dark or the system's theme; remembered in localStorage and applied as data-theme. */
import { useEffect, useState } from 'react'
import { useT } from './i18n/react'

type Theme = 'system' | 'light' | 'dark'

function stored(): Theme {
  try {
    const value = localStorage.getItem('theme')
    return value === 'light' || value === 'dark' ? value : 'system'
  } catch {
    return 'system'
  }
}

export function ThemeToggle() {
  const t = useT()
  const [theme, setTheme] = useState<Theme>(stored)
  useEffect(() => {
    const root = document.documentElement
    if (theme === 'system') delete root.dataset.theme
    else root.dataset.theme = theme
    try {
      if (theme === 'system') localStorage.removeItem('theme')
      else localStorage.setItem('theme', theme)
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this visit.
    }
  }, [theme])
  return (
    <label className="flex items-center gap-2 text-sm">
      <span>{t('theme.label')}</span>
      <select
        className="rounded border border-border bg-panel px-2 py-1"
        value={theme}
        onChange={(event) => setTheme(event.target.value as Theme)}
      >
        <option value="system">{t('theme.system')}</option>
        <option value="light">{t('theme.light')}</option>
        <option value="dark">{t('theme.dark')}</option>
      </select>
    </label>
  )
}
