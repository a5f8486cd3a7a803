import type { ConnectionProfile } from '../connection/profile'
import type { Initiative } from '../mpath/initiatives'
import type { OneOnOne } from '../mpath/oneOnOnes'
import type { Task } from '../mpath/tasks'

/** The saved profile, and where it came from. */
export interface ProfileInfo {
  profile: ConnectionProfile | null
  source: 'settings' | 'environment' | 'sandbox' | null
}

/** What "Test connection" found. */
export interface ConnectionTestResult {
  ok: boolean
  /** Plain words: what works, or what is wrong and what to change. */
  message: string
  supportsDeviceGrant: boolean
  supportsRevocation: boolean
}

/** The outcome of signing out. */
export interface SignOutResult {
  /** False when the server refused or could not be reached: the token may still be live. */
  revoked: boolean
  message: string
}

/** Whether task edits can be sent, and if not, why in plain words. */
export interface WriteAvailability {
  available: boolean
  reason?: string
}

/** The signed-in person's open work, grouped by the local calendar day. */
export interface MyWork {
  me: { personId: string | null; name: string | null; email: string | null }
  overdue: Task[]
  today: Task[]
  upcoming: Task[]
  /** One-on-ones from now on, soonest first. */
  nextOneOnOnes: OneOnOne[]
  ownedInitiatives: Initiative[]
}

/** A person as a node of the org chart, drawn from manager links. */
export interface OrgChartNode {
  id: string
  name: string
  role: string | null
  teamName: string | null
  managerId: string | null
  status: string
  reportCount: number
}

/** Facts about the running app, for About and Settings. */
export interface AppInfo {
  name: string
  version: string
  platform: string
  /** `preview` when the app runs in the browser harness rather than in Electron. */
  runtime: 'electron' | 'preview'
  /** True when nothing is written to disk (the preview): credentials live in memory only. */
  credentialsInMemoryOnly: boolean
  organization: { issuer: string; apiUrl: string } | null
}
