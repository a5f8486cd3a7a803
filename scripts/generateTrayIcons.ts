/**
 * Draws the tray icons into resources/tray/: a round badge with a check mark at 16 and 32
 * pixels, in colour (Windows, Linux) and as black-and-alpha `Template` images (macOS, which
 * tints them for light and dark menu bars), each plain and with an offline or error dot.
 *
 * Run with `npx tsx scripts/generateTrayIcons.ts`; the PNGs are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'

type Rgb = [number, number, number]
type Badge = 'none' | 'offline' | 'error'

const OUT = join(import.meta.dirname, '..', 'resources', 'tray')
const INDIGO: Rgb = [79, 70, 229]
const BADGE_COLOURS: Record<Exclude<Badge, 'none'>, Rgb> = {
  offline: [107, 114, 128],
  error: [220, 38, 38],
}
const SUBSAMPLES = 4

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff

  for (const byte of bytes) {
    crc ^= byte

    for (let bit = 0; bit < 8; bit += 1) {
      crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
    }
  }

  return (crc ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))

  return Buffer.concat([length, body, crc])
}

/** An RGBA image as a PNG file. */
function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8
  header[9] = 6
  const rows = Buffer.alloc(size * (size * 4 + 1))

  for (let y = 0; y < size; y += 1) {
    rows[y * (size * 4 + 1)] = 0
    Buffer.from(rgba.subarray(y * size * 4, (y + 1) * size * 4)).copy(rows, y * (size * 4 + 1) + 1)
  }

  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function distanceToSegment(px: number, py: number, a: number[], b: number[]): number {
  const [ax = 0, ay = 0] = a
  const [bx = 0, by = 0] = b
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))

  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy))
}

/** What covers a point of the unit square: the disc, the check mark cut into it, the dot. */
function sample(x: number, y: number, badge: Badge): 'disc' | 'badge' | 'clear' {
  const check = [
    [0.3, 0.52],
    [0.44, 0.66],
    [0.7, 0.36],
  ]
  const onCheck =
    distanceToSegment(x, y, check[0]!, check[1]!) < 0.065 ||
    distanceToSegment(x, y, check[1]!, check[2]!) < 0.065

  if (badge !== 'none') {
    const fromDot = Math.hypot(x - 0.78, y - 0.78)

    if (fromDot < 0.2) {
      return 'badge'
    }

    // A clear ring keeps the dot readable against the disc.
    if (fromDot < 0.29) {
      return 'clear'
    }
  }

  const inDisc = Math.hypot(x - 0.5, y - 0.5) < 0.46

  return inDisc && !onCheck ? 'disc' : 'clear'
}

function draw(size: number, badge: Badge, isTemplate: boolean): Uint8Array {
  const rgba = new Uint8Array(size * size * 4)

  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let disc = 0
      let dot = 0

      for (let sy = 0; sy < SUBSAMPLES; sy += 1) {
        for (let sx = 0; sx < SUBSAMPLES; sx += 1) {
          const hit = sample(
            (px + (sx + 0.5) / SUBSAMPLES) / size,
            (py + (sy + 0.5) / SUBSAMPLES) / size,
            badge,
          )
          disc += hit === 'disc' ? 1 : 0
          dot += hit === 'badge' ? 1 : 0
        }
      }

      const total = SUBSAMPLES * SUBSAMPLES
      const coverage = (disc + dot) / total
      const colour: Rgb = isTemplate
        ? [0, 0, 0]
        : dot > disc && badge !== 'none'
          ? BADGE_COLOURS[badge]
          : INDIGO
      const offset = (py * size + px) * 4
      rgba.set([...colour, Math.round(coverage * 255)], offset)
    }
  }

  return rgba
}

mkdirSync(OUT, { recursive: true })

for (const badge of ['none', 'offline', 'error'] as const) {
  const suffix = badge === 'none' ? '' : badge === 'offline' ? 'Offline' : 'Error'

  for (const isTemplate of [false, true]) {
    const base = `tray${suffix}${isTemplate ? 'Template' : ''}`

    for (const [size, scale] of [
      [16, ''],
      [32, '@2x'],
    ] as const) {
      writeFileSync(
        join(OUT, `${base}${scale}.png`),
        encodePng(size, draw(size, badge, isTemplate)),
      )
    }
  }
}
