/**
 * A small seeded pseudo-random source, so the seed is the same on every run and machine.
 * Mulberry32: fast, 32-bit state, good enough for believable demo data (not for secrets).
 */
export class SeededRandom {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let value = this.state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)

    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [min, max], both inclusive. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]

    if (item === undefined) {
      throw new Error('SeededRandom.pick needs a non-empty list')
    }

    return item
  }

  /** One key of a weight table, chosen in proportion to its weight. */
  weighted<T extends string | number>(weights: ReadonlyArray<readonly [T, number]>): T {
    const total = weights.reduce((sum, [, weight]) => sum + weight, 0)
    let roll = this.next() * total

    for (const [value, weight] of weights) {
      roll -= weight

      if (roll < 0) {
        return value
      }
    }

    return weights[weights.length - 1]![0]
  }

  /** A cuid-shaped id (`c` + 24 lower-case base-36 characters), as Prisma's `cuid()` makes. */
  cuid(): string {
    let id = 'c'

    for (let index = 0; index < 24; index++) {
      id += Math.floor(this.next() * 36).toString(36)
    }

    return id
  }
}
