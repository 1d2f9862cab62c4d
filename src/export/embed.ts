/**
 * Embed mode: `embed=1` (or `embed=true`) in the query string or in the hash, e.g.
 * `?embed=1` or `#scenario=...&t=31500&embed=1`, asks the app for only the topology and the time
 * controls, for an iframe in course material or a design document.
 */

/** The parts of `window.location` the check reads, so tests pass plain objects. */
export interface LocationLike {
  search: string
  hash: string
}

function flagged(params: string): boolean {
  const value = new URLSearchParams(params).get('embed')
  return value === '1' || value === 'true'
}

/**
 * @example
 * isEmbedMode({ search: '?embed=1', hash: '' }) // true
 * isEmbedMode(window.location)
 */
export function isEmbedMode(location: LocationLike): boolean {
  return flagged(location.search.replace(/^\?/, '')) || flagged(location.hash.replace(/^#/, ''))
}

/** The same address with embed mode switched on in the query string (for a copyable embed link). */
export function embedUrl(href: string): string {
  const url = new URL(href)
  url.searchParams.set('embed', '1')
  return url.toString()
}
