/**
 * The app's title bar: name, the loaded scenario, extra actions, the share link, the language
 * and the theme.
 */
import type { ReactNode } from 'react'
import { LanguageSwitch } from './i18n/LanguageSwitch'
import { activeGuided } from '../store/slices/guided-slice'
import { ShareButton } from './ShareButton'
import { useTranslatedNarration } from './teach/use-narration-translation'
import { ThemeToggle } from './ThemeToggle'
import { useAppStore } from './store-context'
import { displayText } from '../scenario/safe-text'

export function Header({ actions }: { actions?: ReactNode }) {
  const specName = useAppStore((state) => displayText(state.spec.name))
  const guidedId = useAppStore((state) => activeGuided(state)?.id ?? null)
  // A guided scenario's name in the language on screen (its picker title); others as written.
  const name = useTranslatedNarration(guidedId, specName, null).title
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-border bg-panel px-4 py-2">
      <h1 className="text-lg font-semibold">Kafka HA Lab</h1>
      <p className="min-w-0 truncate text-sm text-muted" title={name}>
        {name}
      </p>
      <div className="ml-auto flex flex-wrap items-center gap-2 sm:gap-3">
        {actions}
        <ShareButton />
        <LanguageSwitch />
        <ThemeToggle />
      </div>
    </header>
  )
}
