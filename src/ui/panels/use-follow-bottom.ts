/**
 * Keeps a log's scroll container pinned to its newest (bottom) line while new lines arrive,
 * unless the user has scrolled up to read; `jumpToLatest` pins it again.
 */
import { type RefObject, useLayoutEffect, useRef, useState } from 'react'

export function useFollowBottom(content: unknown): {
  ref: RefObject<HTMLDivElement | null>
  following: boolean
  onScroll: () => void
  jumpToLatest: () => void
} {
  const ref = useRef<HTMLDivElement>(null)
  const [following, setFollowing] = useState(true)

  useLayoutEffect(() => {
    const el = ref.current
    if (following && el !== null) el.scrollTop = el.scrollHeight
  }, [content, following])

  const onScroll = () => {
    const el = ref.current
    if (el === null) return
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 16
    if (atBottom !== following) setFollowing(atBottom)
  }

  return { ref, following, onScroll, jumpToLatest: () => setFollowing(true) }
}
