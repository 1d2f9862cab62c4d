/**
 * The one registry of user commands, after excalidraw's `register()`: each action is defined once
 * with its label, optional shortcut, `isEnabled(state, target)` and `perform(state, target)`, and
 * toolbar buttons, node menus and keyboard shortcuts all read it. The label is a catalogue key;
 * `action.label` reads it in the language on screen each time, so a menu opened after switching
 * languages speaks the new one.
 */
import type { AppState } from '../../store/app-store'
import type { PlainKey } from '../i18n/catalogue'
import { t } from '../i18n/runtime'

export type ActionTarget =
  | { kind: 'none' }
  | { kind: 'broker'; id: number }
  | { kind: 'zone'; name: string }
  | { kind: 'controller'; id: number }

export type TargetKind = ActionTarget['kind']

export interface Shortcut {
  /** `KeyboardEvent.key`, e.g. ' ' or 'ArrowRight'. */
  key: string
  /** How the shortcut is written for people, e.g. "Space". */
  label: string
  shift?: boolean
}

export interface Action<K extends TargetKind = TargetKind> {
  name: string
  /** The label in the language on screen (from `labelKey`). */
  readonly label: string
  labelKey: PlainKey
  target: K
  shortcut?: Shortcut
  /** Group within a menu; a separator is drawn between groups. */
  group?: string
  isEnabled: (state: AppState, target: Extract<ActionTarget, { kind: K }>) => boolean
  perform: (state: AppState, target: Extract<ActionTarget, { kind: K }>) => void
  /** Hidden from menus and toolbars where it does not apply (e.g. drill-down when detailed). */
  isVisible?: (state: AppState, target: Extract<ActionTarget, { kind: K }>) => boolean
}

const registry = new Map<string, Action>()

/** An action as it is written down: everything but the label, which comes from its key. */
export type ActionDefinition<K extends TargetKind = TargetKind> = Omit<Action<K>, 'label'>

export function register<K extends TargetKind>(definition: ActionDefinition<K>): Action<K> {
  if (registry.has(definition.name)) throw new Error(`action ${definition.name} registered twice`)
  const action = Object.defineProperty({ ...definition }, 'label', {
    enumerable: true,
    get: () => t(definition.labelKey),
  }) as Action<K>
  registry.set(action.name, action as unknown as Action)
  return action
}

export function actionsFor(kind: TargetKind): Action[] {
  return [...registry.values()].filter((action) => action.target === kind)
}

export function getAction(name: string): Action {
  const action = registry.get(name)
  if (action === undefined) throw new Error(`no action ${name}`)
  return action
}

function matches(shortcut: Shortcut, event: Pick<KeyboardEvent, 'key' | 'shiftKey'>): boolean {
  return shortcut.key === event.key && (shortcut.shift ?? false) === event.shiftKey
}

/** The toolbar-level action bound to this key, if any. */
export function actionForKey(event: Pick<KeyboardEvent, 'key' | 'shiftKey'>): Action | undefined {
  return actionsFor('none').find(
    (action) => action.shortcut !== undefined && matches(action.shortcut, event),
  )
}

/** Runs an action if it is enabled; returns whether it ran. */
export function run(action: Action, state: AppState, target: ActionTarget): boolean {
  if (action.target !== target.kind) return false
  const typed = action
  if (!typed.isEnabled(state, target)) return false
  typed.perform(state, target)
  return true
}

export function isEnabled(action: Action, state: AppState, target: ActionTarget): boolean {
  return action.target === target.kind && action.isEnabled(state, target)
}

export function isVisible(action: Action, state: AppState, target: ActionTarget): boolean {
  return action.isVisible === undefined || action.isVisible(state, target)
}
