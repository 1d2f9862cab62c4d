/** The app's title bar: name, the loaded scenario, the share link and the theme. */
import { ShareButton } from './ShareButton'
import { ThemeToggle } from './ThemeToggle'
import { useAppStore } from './store-context'

export function Header() {
  const name = useAppStore((state) => state.spec.name)
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-border bg-panel px-4 py-2">
      <h1 className="text-lg font-semibold">Kafka HA Lab</h1>
      <p className="truncate text-sm text-muted" title={name}>
        {name}
      </p>
      <div className="ml-auto flex items-center gap-3">
        <ShareButton />
        <ThemeToggle />
      </div>
    </header>
  )
}
