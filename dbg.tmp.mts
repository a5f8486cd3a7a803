import { startTestApi } from './sandbox/api/testing/testApi'
const api = await startTestApi({ taskCount: 100000 })
const ben = api.tokenFor('ben')
for (const p of ['/api/tasks', '/api/tasks?page=50&limit=100', '/api/tasks?sort=assignee:desc', '/api/initiatives', '/api/search?q=in', '/api/task-reminders/due-now', '/api/people']) { const t = performance.now(); const r = await api.request(p, { token: ben }); console.log(p, r.status, Math.round(performance.now() - t), 'ms', r.json?.pagination?.totalCount) }
await api.close()
