/**
 * The bridge into `viz/` (docs/architecture.md, "Drawing"): React owns the `<svg>`, D3 owns its
 * contents. The view subscribes to the store transiently and redraws at most once per animation
 * frame, so simulation frames never re-render React. Clicks, right-clicks and Enter/Space on a node
 * open its menu; a click on a replica chip selects its partition and hovering one lights up its
 * replicas. Hovering a chip, or stepping through a focused broker's chips with ↓ ↑, shows what it
 * is (chip-tooltip.ts).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppState } from '../store/app-store'
import { activeGuided } from '../store/slices/guided-slice'
import { applyNarrationFocus, narrationFocus } from '../viz/render-focus'
import { renderTopology } from '../viz/render-topology'
import { buildScene, createLayoutCache, type ZonePreview } from '../viz/scene'
import { zonePreviewOf } from './zone-preview'
import type { ActionTarget } from './actions'
import { attachChipTooltip, type ChipTooltip } from './chip-tooltip'
import { LoadProgress } from './LoadProgress'
import { NodeMenu } from './NodeMenu'
import { currentStepIndex, orderedSteps } from './teach/narration'
import { useAppStore, useStoreApi } from './store-context'
import { hitOf } from './topology-events'
import { useReducedMotion } from './use-reduced-motion'

interface OpenMenu {
  target: ActionTarget
  title: string
  x: number
  y: number
  returnFocus: Element
}

export const PROJECTOR_SCALE = 1.3

/** What the narration step showing now is about (its focusBrokers / focusZone), if anything. */
function stepFocus(state: AppState) {
  const guided = activeGuided(state)
  if (guided === null || state.snapshot === null) return null
  const index = currentStepIndex(guided.narration, state.simTimeMs)
  return narrationFocus(orderedSteps(guided.narration)[index], state.snapshot.brokers)
}

export function TopologyView() {
  const store = useStoreApi()
  const frameRef = useRef<HTMLDivElement>(null)
  const containerRef = useRef<HTMLDivElement>(null)
  const svgRef = useRef<SVGSVGElement>(null)
  const [width, setWidth] = useState(0)
  const [menu, setMenu] = useState<OpenMenu | null>(null)
  const chipTooltip = useRef<ChipTooltip | null>(null)
  const preview = useRef<ZonePreview | null>(null)
  const redraw = useRef<() => void>(() => undefined)
  const reducedMotion = useReducedMotion()
  const loading = useAppStore((state) => state.snapshot === null)
  // Projector mode lays the topology out narrower and scales it up to the frame (CSS in
  // index.css), so everything in it is PROJECTOR_SCALE times larger.
  const scale = useAppStore((state) => (state.projector ? PROJECTOR_SCALE : 1))

  useEffect(() => {
    const container = containerRef.current
    if (container === null) return
    const observer = new ResizeObserver(() => setWidth(container.clientWidth))
    observer.observe(container)
    setWidth(container.clientWidth)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    const svg = svgRef.current
    if (svg === null) return
    const tooltip = attachChipTooltip(svg, store)
    chipTooltip.current = tooltip
    return () => {
      tooltip.destroy()
      chipTooltip.current = null
    }
  }, [store])

  useEffect(() => {
    const svg = svgRef.current
    if (svg === null || width === 0) return
    const layoutCache = createLayoutCache()
    let frame = 0
    const draw = (wallMs: number = performance.now()) => {
      frame = 0
      const state = store.getState()
      if (state.snapshot === null) return
      const selection = {
        selectedPartition: state.selectedPartition,
        hoveredPartition: state.hoveredPartition,
        focusTopic: state.focusTopic,
        focusBroker: state.focusBroker,
        showInternal: state.showInternal,
        zonePreview: preview.current,
      }
      const entry = layoutCache(
        state.snapshot,
        Math.round(width / scale),
        selection,
        state.generation,
      )
      const moving = renderTopology(svg, buildScene(state.snapshot, entry, selection), {
        animate: !reducedMotion,
        mode: state.snapshot.mode,
        wallMs,
        speed: state.speed,
      })
      applyNarrationFocus(svg, stepFocus(state))
      chipTooltip.current?.refresh()
      // Delivered messages finish their trip on screen (render-traffic.ts MIN_VISIBLE_MS), also
      // while paused, when no new snapshot asks for a frame.
      if (moving && frame === 0) frame = requestAnimationFrame(draw)
    }
    draw()
    redraw.current = () => {
      if (frame === 0) frame = requestAnimationFrame(draw)
    }
    const unsubscribe = store.subscribe((state, previous) => {
      const changed =
        state.snapshot !== previous.snapshot ||
        state.selectedPartition !== previous.selectedPartition ||
        state.hoveredPartition !== previous.hoveredPartition ||
        state.focusTopic !== previous.focusTopic ||
        state.focusBroker !== previous.focusBroker ||
        state.showInternal !== previous.showInternal ||
        state.speed !== previous.speed ||
        state.generation !== previous.generation
      if (changed && frame === 0) frame = requestAnimationFrame(draw)
    })
    return () => {
      unsubscribe()
      cancelAnimationFrame(frame)
    }
  }, [store, width, reducedMotion, scale])

  const openMenu = useCallback(
    (target: ActionTarget, title: string, element: Element, at?: { x: number; y: number }) => {
      const frame = frameRef.current
      if (frame === null) return
      // The menu lives outside the scrolling box (which would clip it), positioned in the frame.
      const box = frame.getBoundingClientRect()
      const node = element.getBoundingClientRect()
      const x = (at?.x ?? node.left + 12) - box.left
      const y = (at?.y ?? node.top + Math.min(node.height, 34)) - box.top
      setMenu({ target, title, x, y, returnFocus: element })
    },
    [],
  )

  const closeMenu = useCallback(
    (restoreFocus: boolean) => {
      if (restoreFocus && menu !== null && menu.returnFocus instanceof SVGElement) {
        menu.returnFocus.focus()
      }
      setMenu(null)
    },
    [menu],
  )

  function onClick(event: React.MouseEvent) {
    const hit = hitOf(event.target)
    if (hit?.kind === 'chip') store.getState().selectPartition(hit.partition)
    else if (hit?.kind === 'node') openMenu(hit.target, hit.title, hit.element)
  }

  function onContextMenu(event: React.MouseEvent) {
    const hit = hitOf(event.target)
    // A chip sits on its broker's card: right-clicking it opens that broker's menu.
    const broker = hit?.element.getAttribute('data-on-broker')
    const card = broker == null ? null : svgRef.current?.querySelector(`[data-broker="${broker}"]`)
    const node = hit?.kind === 'chip' ? hitOf(card ?? null) : hit
    if (node?.kind !== 'node') return
    event.preventDefault()
    openMenu(node.target, node.title, node.element, { x: event.clientX, y: event.clientY })
  }

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key !== 'Enter' && event.key !== ' ' && event.key !== 'ContextMenu') return
    const hit = hitOf(event.target)
    if (hit?.kind !== 'node') return
    event.preventDefault()
    event.stopPropagation()
    openMenu(hit.target, hit.title, hit.element)
  }

  /** "If this zone fails" while a zone header is hovered or focused (null: none). */
  function previewZone(zone: string | null) {
    if ((preview.current?.zone ?? null) === zone) return
    const state = store.getState()
    preview.current = zone === null ? null : zonePreviewOf(state.spec, zone)
    redraw.current()
  }

  function zoneOf(target: EventTarget | null): string | null {
    const hit = hitOf(target)
    return hit?.kind === 'node' && hit.target.kind === 'zone' ? hit.target.name : null
  }

  function onPointerMove(event: React.PointerEvent) {
    const hit = hitOf(event.target)
    store.getState().hoverPartition(hit?.kind === 'chip' ? hit.partition : null)
    previewZone(
      zoneOf(event.target) ??
        (document.activeElement === null ? null : zoneOf(document.activeElement)),
    )
  }

  return (
    <div ref={frameRef} className="relative">
      <div ref={containerRef} className="overflow-x-auto">
        <svg
          ref={svgRef}
          role="group"
          aria-label="Cluster topology"
          className="topology block"
          onClick={onClick}
          onContextMenu={onContextMenu}
          onKeyDown={onKeyDown}
          onPointerMove={onPointerMove}
          onPointerLeave={() => {
            store.getState().hoverPartition(null)
            previewZone(zoneOf(document.activeElement))
          }}
          onFocus={(event) => previewZone(zoneOf(event.target))}
          onBlur={() => previewZone(null)}
        />
      </div>
      <LoadProgress starting={loading} />
      {menu !== null && (
        <NodeMenu
          target={menu.target}
          title={menu.title}
          x={menu.x}
          y={menu.y}
          onClose={closeMenu}
        />
      )}
    </div>
  )
}
