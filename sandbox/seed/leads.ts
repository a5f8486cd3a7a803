import type { JobRoleTitle } from './names'

/** The named people of the organization; every other person is generated. */
export const LEADS: ReadonlyArray<{
  key: string
  name: string
  title: string
  team: string
  manager: string | null
  jobRole: JobRoleTitle
}> = [
  {
    key: 'ceo',
    name: 'Maya Chen',
    title: 'Chief Executive Officer',
    team: 'leadership',
    manager: null,
    jobRole: 'Executive',
  },
  {
    key: 'ada',
    name: 'Ada Lovelace',
    title: 'VP of Engineering',
    team: 'engineering',
    manager: 'ceo',
    jobRole: 'Executive',
  },
  {
    key: 'productHead',
    name: 'Tomás Rivera',
    title: 'Head of Product',
    team: 'product',
    manager: 'ceo',
    jobRole: 'Product Manager',
  },
  {
    key: 'peopleHead',
    name: 'Priya Nair',
    title: 'Head of People',
    team: 'people',
    manager: 'ceo',
    jobRole: 'People Partner',
  },
  {
    key: 'successHead',
    name: 'Jonas Weber',
    title: 'Head of Customer Success',
    team: 'customerSuccess',
    manager: 'ceo',
    jobRole: 'Executive',
  },
  {
    key: 'ben',
    name: 'Ben Okafor',
    title: 'Engineering Manager',
    team: 'platform',
    manager: 'ada',
    jobRole: 'Engineering Manager',
  },
  {
    key: 'webLead',
    name: 'Sofia Rossi',
    title: 'Engineering Manager',
    team: 'web',
    manager: 'ada',
    jobRole: 'Engineering Manager',
  },
  {
    key: 'mobileLead',
    name: 'Kenji Sato',
    title: 'Engineering Manager',
    team: 'mobile',
    manager: 'ada',
    jobRole: 'Engineering Manager',
  },
  {
    key: 'dataLead',
    name: 'Amara Diallo',
    title: 'Data Lead',
    team: 'data',
    manager: 'ada',
    jobRole: 'Data Scientist',
  },
  {
    key: 'designLead',
    name: 'Lena Fischer',
    title: 'Design Lead',
    team: 'design',
    manager: 'productHead',
    jobRole: 'Product Designer',
  },
  {
    key: 'supportLead',
    name: 'Omar Haddad',
    title: 'Support Lead',
    team: 'support',
    manager: 'successHead',
    jobRole: 'Support Specialist',
  },
]

/** Who the generated members of each team report to. */
export const TEAM_MANAGER: Record<string, string> = {
  leadership: 'ceo',
  engineering: 'ada',
  platform: 'ben',
  productEngineering: 'ada',
  web: 'webLead',
  mobile: 'mobileLead',
  data: 'dataLead',
  product: 'productHead',
  design: 'designLead',
  people: 'peopleHead',
  customerSuccess: 'successHead',
  support: 'supportLead',
}

/**
 * How each sandbox account maps into mpath: Ada and Ben are linked to their people, Cleo is a
 * member without a person, and Dev belongs to no organization.
 */
export const ACCOUNT_LINKS: Record<string, { lead: string | null; isMember: boolean }> = {
  'ada@example.test': { lead: 'ada', isMember: true },
  'ben@example.test': { lead: 'ben', isMember: true },
  'cleo@example.test': { lead: null, isMember: true },
  'dev@example.test': { lead: null, isMember: false },
}

/** Leads who also sign in (they create tasks), besides the sandbox accounts. */
export const LEADS_WITH_USERS = [
  'ceo',
  'productHead',
  'webLead',
  'mobileLead',
  'dataLead',
  'designLead',
  'supportLead',
]
