/** The app's title bar: name, the loaded scenario, extra actions, the share link and the theme. */
import type { ReactNode } from 'react'
import { ShareButton } from './ShareButton'
import { ThemeToggle } from './ThemeToggle'
import { useAppStore } from './store-context'

export function Header({ actions }: { actions?: ReactNode }) {
  const name = useAppStore((state) => state.spec.name)
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-border bg-panel px-4 py-2">
      <h1 className="text-lg font-semibold">Kafka HA Lab</h1>
      <p className="min-w-0 truncate text-sm text-muted" title={name}>
        {name}
      </p>
      <div className="ml-auto flex flex-wrap items-center gap-2 sm:gap-3">
        {actions}
        <ShareButton />
        <ThemeToggle />
      </div>
    </header>
  )
}
