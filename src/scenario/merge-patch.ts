/**
 * JSON Merge Patch (RFC 7396), the format of a guided scenario's "Try it" variant
 * (`narration.tryItVariant.merge`): a patch that is an object merges into the target key by key,
 * recursively; a null value deletes the key; any other value (an array, a string, a number, a
 * boolean) replaces what was there. So a patch can change one config key deep in the cluster,
 * but changing one fault or one client means giving the whole `faults` or `clients` list.
 *
 * Pure: the inputs are never changed and the result shares no object or array with them.
 */
import { hasOwn, isRecord } from './text'

/**
 * The target with the patch applied, as RFC 7396's MergePatch(Target, Patch) defines it.
 *
 * @example
 * mergePatch({ cluster: { zones: ['a'], config: { 'min.insync.replicas': 3 } } },
 *            { cluster: { config: { 'min.insync.replicas': 2 } } })
 * // { cluster: { zones: ['a'], config: { 'min.insync.replicas': 2 } } }
 * mergePatch({ a: 1, b: 2 }, { b: null }) // { a: 1 }
 * mergePatch({ list: [1, 2] }, { list: [3] }) // { list: [3] }
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return copyJson(patch)
  // A patch object applied to anything but an object starts from an empty object (RFC 7396 §2).
  const out = isRecord(target) ? (copyJson(target) as Record<string, unknown>) : {}
  for (const key of Object.keys(patch)) {
    const value = patch[key]
    if (value === null) {
      delete out[key]
    } else {
      setOwn(out, key, mergePatch(hasOwn(out, key) ? out[key] : undefined, value))
    }
  }
  return out
}

/** A deep copy of plain data: arrays and plain objects copied, every other value kept. */
function copyJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyJson)
  if (!isRecord(value)) return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) setOwn(out, key, copyJson(value[key]))
  return out
}

/** Sets an own property; a "__proto__" key stays an ordinary key rather than a prototype. */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
}
