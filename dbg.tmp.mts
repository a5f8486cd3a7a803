import { startTestApi } from './sandbox/api/testing/testApi'
const api = await startTestApi()
const ben = api.tokenFor('ben')
for (const q of ['an', 'in', 'er', 'ra', 'on', 'ar', 'en']) { const r = await api.request('/api/search?q=' + q, { token: ben }); const c: Record<string, number> = {}; for (const x of r.json.results) c[x.type] = (c[x.type] ?? 0) + 1; console.log(q, JSON.stringify(c)) }
await api.close()
