/** A cuid-shaped id (`c` + 24 base-36 characters) for rows created while the sandbox runs. */
export function newId(): string {
  const random = crypto.getRandomValues(new Uint8Array(24))

  return `c${Array.from(random, (byte) => (byte % 36).toString(36)).join('')}`
}
