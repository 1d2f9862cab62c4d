/**
 * PNG from SVG text, through an `<img>` and a `<canvas>` in the browser (the only DOM work of the
 * PNG export; the SVG text comes from `exportSvgElement`). The image is drawn at `scale` times its
 * size so it stays sharp on slides.
 */
import { type ExportFile, fileStem } from './files'

/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const

/** A `data:` URL of SVG text: percent-encoded, so any character survives. */
export function svgDataUrl(svgText: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`
}

/** Canvas pixel size for a drawing, capped so that huge clusters stay under browser limits. */
export function canvasSize(
  width: number,
  height: number,
  scale: number,
  maxPixels = 16_000_000,
): { width: number; height: number; scale: number } {
  const fit = Math.min(scale, Math.sqrt(maxPixels / Math.max(1, width * height)))
  return {
    width: Math.max(1, Math.round(width * fit)),
    height: Math.max(1, Math.round(height * fit)),
    scale: fit,
  }
}

/**
 * @example
 * const blob = await svgToPngBlob(exportSvgElement(svg), 800, 600)
 */
export async function svgToPngBlob(
  svgText: string,
  width: number,
  height: number,
  scale = 2,
): Promise<Blob> {
  const image = new Image()
  image.src = svgDataUrl(svgText)
  await image.decode()
  const size = canvasSize(width, height, scale)
  const canvas = document.createElement('canvas')
  canvas.width = size.width
  canvas.height = size.height
  const context = canvas.getContext('2d')
  if (context === null) throw new Error('This browser cannot draw to a canvas')
  context.scale(size.scale, size.scale)
  context.drawImage(image, 0, 0, width, height)
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob === null ? reject(new Error('The canvas produced no PNG')) : resolve(blob)),
      'image/png',
    )
  })
}

export function pngFile(specName: string, blob: Blob): ExportFile {
  return { name: `${fileStem(specName)}-topology.png`, mime: 'image/png', data: blob }
}
