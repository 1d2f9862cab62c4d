/**
 * Saving an export in the browser: an object URL behind a temporary `<a download>`. The thin DOM
 * end of the exports; everything before it builds strings or Blobs.
 */
import type { ExportFile } from './files'

/**
 * @example
 * downloadFile(scenarioJsonFile(spec))
 */
export function downloadFile(file: ExportFile): void {
  const blob =
    typeof file.data === 'string' ? new Blob([file.data], { type: file.mime }) : file.data
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = file.name
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoke after the click has been handled; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
