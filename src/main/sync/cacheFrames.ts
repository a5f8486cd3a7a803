/**
 * The layout of a cache blob made of sealed slices: the sealed frames one after another, then
 * a trailer of their lengths, their count and a mark. The trailer comes last so frames can be
 * streamed to disk as they are sealed, and the blob still starts with ciphertext.
 */
const FRAME_MARK = new Uint8Array(Buffer.from('mpath-sealed-slices', 'ascii'))
const LENGTH_BYTES = 4
/** Far above any real collection (a slice holds thousands of items); refuses absurd counts. */
const MAX_FRAMES = 1_000_000

/** Passes `frames` through and appends the trailer that {@link splitFrames} reads back. */
export async function* withFrameTrailer(
  frames: AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  const lengths: number[] = []

  for await (const frame of frames) {
    lengths.push(frame.length)
    yield frame
  }

  const trailer = Buffer.alloc((lengths.length + 1) * LENGTH_BYTES + FRAME_MARK.length)
  lengths.forEach((length, index) => trailer.writeUInt32BE(length, index * LENGTH_BYTES))
  trailer.writeUInt32BE(lengths.length, lengths.length * LENGTH_BYTES)
  trailer.set(FRAME_MARK, (lengths.length + 1) * LENGTH_BYTES)

  yield new Uint8Array(trailer.buffer, trailer.byteOffset, trailer.length)
}

/**
 * The frames of a blob written through {@link withFrameTrailer}, as views into it (no copy);
 * undefined when the blob carries no trailer or its lengths do not add up.
 */
export function splitFrames(blob: Uint8Array): Uint8Array[] | undefined {
  const view = Buffer.from(blob.buffer, blob.byteOffset, blob.length)
  const markStart = view.length - FRAME_MARK.length

  if (markStart < LENGTH_BYTES || !view.subarray(markStart).equals(FRAME_MARK)) {
    return undefined
  }

  const count = view.readUInt32BE(markStart - LENGTH_BYTES)
  const tableStart = markStart - (count + 1) * LENGTH_BYTES

  if (count > MAX_FRAMES || tableStart < 0) {
    return undefined
  }

  const frames: Uint8Array[] = []
  let offset = 0

  for (let index = 0; index < count; index += 1) {
    const length = view.readUInt32BE(tableStart + index * LENGTH_BYTES)

    if (offset + length > tableStart) {
      return undefined
    }

    frames.push(blob.subarray(offset, offset + length))
    offset += length
  }

  return offset === tableStart ? frames : undefined
}
