import { openDatabase, createIndexes } from './sandbox/api/database'
import { seedDatabase } from './sandbox/seed/seedDatabase'
import { SANDBOX_ACCOUNTS } from './sandbox/seed/accounts'
const db2 = await openDatabase({})
const t = Date.now()
await seedDatabase(db2, { accounts: SANDBOX_ACCOUNTS, taskCount: 100000 })
console.log('seed100k', Date.now() - t)
await createIndexes(db2)
console.log('indexed', Date.now() - t)
console.log((await db2.query(`select count(*)::int n, count(description) d, count(due_date) dd, count(initiative_id) i from task`)).rows)
console.log((await db2.query(`select * from task limit 1`)).rows)
console.log((await db2.query(`show session_replication_role`)).rows)
