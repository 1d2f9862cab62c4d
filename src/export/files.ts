/**
 * What every exporter returns: a file name, a MIME type and the content. The UI hands it to a
 * download function; nothing here touches the DOM.
 */

export interface ExportFile {
  name: string
  mime: string
  data: string | Blob
}

/**
 * A file-name-safe stem from a scenario name: lower case, runs of anything but letters and
 * digits become one dash, at most 60 characters, "scenario" when nothing is left.
 *
 * @example
 * fileStem('Default: 3 AZs × 2 brokers') // 'default-3-azs-2-brokers'
 */
export function fileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return stem === '' ? 'scenario' : stem
}
