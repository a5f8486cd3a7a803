import type { ProviderAdapter } from 'oidc-provider'

interface Entry {
  payload: Record<string, unknown>
  expiresAt: number
}

/** Models whose records belong to a grant and die with it. */
const GRANT_MEMBERS = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
])

/**
 * Storage for one authorization server, kept in memory for the run.
 *
 * oidc-provider's own memory adapter is a size-bounded cache that may evict a live refresh
 * token during a long demo, and it announces itself on the console; this one keeps
 * everything until it expires and stays quiet.
 */
export class MemoryStore {
  private readonly entries = new Map<string, Entry>()
  private readonly indexes = new Map<string, string>()
  private readonly grants = new Map<string, Set<string>>()

  /** An adapter factory in the shape oidc-provider's `adapter` option expects. */
  adapterFor = (model: string): ProviderAdapter => new MemoryAdapter(model, this)

  read(key: string): Record<string, unknown> | undefined {
    const entry = this.entries.get(key)

    if (entry && entry.expiresAt <= Date.now()) {
      this.entries.delete(key)

      return undefined
    }

    return entry?.payload
  }

  write(key: string, payload: Record<string, unknown>, expiresIn: number | undefined): void {
    const expiresAt = expiresIn === undefined ? Infinity : Date.now() + expiresIn * 1000
    this.entries.set(key, { payload, expiresAt })
  }

  remove(key: string): void {
    this.entries.delete(key)
  }

  index(name: string, value: string): void {
    this.indexes.set(name, value)
  }

  lookup(name: string): string | undefined {
    return this.indexes.get(name)
  }

  addToGrant(grantId: string, key: string): void {
    const members = this.grants.get(grantId) ?? new Set<string>()
    members.add(key)
    this.grants.set(grantId, members)
  }

  removeGrant(grantId: string): void {
    for (const key of this.grants.get(grantId) ?? []) {
      this.entries.delete(key)
    }

    this.grants.delete(grantId)
  }
}

class MemoryAdapter implements ProviderAdapter {
  constructor(
    private readonly model: string,
    private readonly store: MemoryStore,
  ) {}

  private key(id: string): string {
    return `${this.model}:${id}`
  }

  async upsert(id: string, payload: Record<string, unknown>, expiresIn?: number): Promise<void> {
    const key = this.key(id)
    this.store.write(key, payload, expiresIn)

    if (this.model === 'Session' && typeof payload.uid === 'string') {
      this.store.index(`sessionUid:${payload.uid}`, id)
    }

    if (typeof payload.userCode === 'string') {
      this.store.index(`userCode:${payload.userCode}`, id)
    }

    if (GRANT_MEMBERS.has(this.model) && typeof payload.grantId === 'string') {
      this.store.addToGrant(payload.grantId, key)
    }
  }

  async find(id: string): Promise<Record<string, unknown> | undefined> {
    return this.store.read(this.key(id))
  }

  async findByUid(uid: string): Promise<Record<string, unknown> | undefined> {
    const id = this.store.lookup(`sessionUid:${uid}`)

    return id === undefined ? undefined : this.find(id)
  }

  async findByUserCode(userCode: string): Promise<Record<string, unknown> | undefined> {
    const id = this.store.lookup(`userCode:${userCode}`)

    return id === undefined ? undefined : this.find(id)
  }

  async consume(id: string): Promise<void> {
    const payload = this.store.read(this.key(id))

    if (payload) {
      payload.consumed = Math.floor(Date.now() / 1000)
    }
  }

  async destroy(id: string): Promise<void> {
    this.store.remove(this.key(id))
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    this.store.removeGrant(grantId)
  }
}
