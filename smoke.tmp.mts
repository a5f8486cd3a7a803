import { startSandbox } from './sandbox/start'
import { signInOverHttp } from './sandbox/auth/testing/testAuthorizationServer'
const t = Date.now()
const sb = await startSandbox({ authPort: 0, apiPort: 0, log: console.error })
console.log('started', Date.now() - t, JSON.stringify(sb.ready).slice(0, 300))
const tokens = await signInOverHttp({ server: { issuer: sb.ready.issuer, clients: sb.ready.clients, resourceServer: sb.resourceServer, close: async () => {} }, email: 'ben@example.test', password: 'sandbox-ben', scope: 'openid profile email offline_access read:tasks read:people read:initiatives read:meetings write:tasks' })
const get = async (p: string) => { const r = await fetch(sb.ready.apiUrl + p, { headers: { Authorization: 'Bearer ' + tokens.access_token } }); return [r.status, (await r.text()).slice(0, 600)] }
for (const p of ['/api/user/current', '/api/tasks?limit=2', '/api/people?limit=1', '/api/teams?limit=1', '/api/initiatives?limit=1', '/api/oneonones?limit=1', '/api/search?q=re', '/api/task-reminders/due-now', '/api/task-reminders/upcoming', '/api/command-palette/permissions', '/api/health', '/api/capabilities', '/api/nope']) console.log(p, await get(p))
await sb.close()
