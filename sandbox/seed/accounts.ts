import type { SandboxAccount } from '../types'

/**
 * The people who can sign in at the sandbox. Deterministic, so tests and demos can name them.
 * Passwords are for the local sandbox only.
 *
 * - Ada is an organization admin with a linked person who manages a team.
 * - Ben is a member with a linked person, the demo user with tasks due today and overdue.
 * - Cleo is a member whose account is not linked to a person (one-on-ones answer 403).
 * - Dev belongs to no organization (lists answer 403).
 */
export const SANDBOX_ACCOUNTS: readonly SandboxAccount[] = [
  {
    userId: 'user_2ada0000000000000000000001',
    email: 'ada@example.test',
    password: 'sandbox-ada',
    name: 'Ada Lovelace',
    givenName: 'Ada',
    familyName: 'Lovelace',
    orgRole: 'admin',
  },
  {
    userId: 'user_2ben0000000000000000000002',
    email: 'ben@example.test',
    password: 'sandbox-ben',
    name: 'Ben Okafor',
    givenName: 'Ben',
    familyName: 'Okafor',
    orgRole: 'user',
  },
  {
    userId: 'user_2cleo000000000000000000003',
    email: 'cleo@example.test',
    password: 'sandbox-cleo',
    name: 'Cleo Park',
    givenName: 'Cleo',
    familyName: 'Park',
    orgRole: 'user',
  },
  {
    userId: 'user_2dev0000000000000000000004',
    email: 'dev@example.test',
    password: 'sandbox-dev',
    name: 'Dev Rao',
    givenName: 'Dev',
    familyName: 'Rao',
    orgRole: 'user',
  },
]
