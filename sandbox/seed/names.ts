/**
 * Word lists the seed draws from. Plain data, so the seeded organization reads like a real
 * company: names, titles, initiative themes and task wording.
 */

// prettier-ignore
export const FIRST_NAMES = [
  'Aisha', 'Bruno', 'Camila', 'Dmitri', 'Elena', 'Farah', 'Gustavo', 'Hana', 'Ivan', 'Jade',
  'Kofi', 'Lucia', 'Mateo', 'Nadia', 'Oscar', 'Paula', 'Quentin', 'Rosa', 'Samir', 'Tara', 'Umar',
  'Vera', 'Wei', 'Ximena', 'Yusuf', 'Zoe', 'Anton', 'Bianca', 'Carlos', 'Daria', 'Emeka', 'Freya',
  'Gabriel', 'Helga', 'Ilya', 'Julia', 'Karim', 'Leila', 'Marcus', 'Nora', 'Olu', 'Petra',
  'Rafael', 'Sana', 'Tobias', 'Uma', 'Viktor', 'Wren', 'Yara', 'Zain',
] as const

// prettier-ignore
export const LAST_NAMES = [
  'Abara', 'Becker', 'Castillo', 'Dubois', 'Eriksen', 'Fontaine', 'Gupta', 'Horvat', 'Ito',
  'Jansen', 'Kowalski', 'Lindqvist', 'Mensah', 'Novak', 'Olsen', 'Petrov', 'Quispe', 'Romero',
  'Silva', 'Takahashi', 'Usman', 'Varga', 'Walsh', 'Xu', 'Yilmaz', 'Zhang', 'Moreau', 'Kaur',
  'Adeyemi', 'Brennan', 'Costa', 'Dahl', 'Esposito', 'Farouk', 'Grant', 'Haddad', 'Iyer',
] as const

/** Job role titles of the organization; people link to them by index. */
export const JOB_ROLE_TITLES = [
  'Software Engineer',
  'Senior Software Engineer',
  'Engineering Manager',
  'Product Manager',
  'Product Designer',
  'Data Scientist',
  'Support Specialist',
  'People Partner',
  'Executive',
] as const

export type JobRoleTitle = (typeof JOB_ROLE_TITLES)[number]

/** Teams, parents before children. */
export const TEAMS: ReadonlyArray<{
  key: string
  name: string
  parent?: string
  description: string
}> = [
  { key: 'leadership', name: 'Leadership', description: 'Company direction and operations.' },
  { key: 'engineering', name: 'Engineering', description: 'Everyone who builds the product.' },
  {
    key: 'platform',
    name: 'Platform',
    parent: 'engineering',
    description: 'Infrastructure, reliability and developer tooling.',
  },
  {
    key: 'productEngineering',
    name: 'Product Engineering',
    parent: 'engineering',
    description: 'Customer-facing applications.',
  },
  { key: 'web', name: 'Web', parent: 'productEngineering', description: 'The web application.' },
  {
    key: 'mobile',
    name: 'Mobile',
    parent: 'productEngineering',
    description: 'The iOS and Android apps.',
  },
  {
    key: 'data',
    name: 'Data',
    parent: 'engineering',
    description: 'Analytics, pipelines and insights.',
  },
  { key: 'product', name: 'Product', description: 'Product management and discovery.' },
  { key: 'design', name: 'Design', parent: 'product', description: 'Product and brand design.' },
  { key: 'people', name: 'People Operations', description: 'Hiring, onboarding and growth.' },
  {
    key: 'customerSuccess',
    name: 'Customer Success',
    description: 'Keeping customers successful.',
  },
  {
    key: 'support',
    name: 'Support',
    parent: 'customerSuccess',
    description: 'Front-line customer support.',
  },
]

/** Per team: how many individual contributors to generate, their titles and job roles. */
export const TEAM_STAFF: Record<
  string,
  { count: number; titles: ReadonlyArray<[string, JobRoleTitle | null]> }
> = {
  leadership: { count: 1, titles: [['Chief of Staff', 'Executive']] },
  engineering: { count: 2, titles: [['Principal Engineer', 'Senior Software Engineer']] },
  platform: {
    count: 6,
    titles: [
      ['Software Engineer', 'Software Engineer'],
      ['Senior Software Engineer', 'Senior Software Engineer'],
      ['Site Reliability Engineer', null],
    ],
  },
  productEngineering: { count: 2, titles: [['Staff Engineer', 'Senior Software Engineer']] },
  web: {
    count: 7,
    titles: [
      ['Frontend Engineer', 'Software Engineer'],
      ['Senior Frontend Engineer', 'Senior Software Engineer'],
    ],
  },
  mobile: {
    count: 6,
    titles: [
      ['Mobile Engineer', 'Software Engineer'],
      ['Senior Mobile Engineer', 'Senior Software Engineer'],
    ],
  },
  data: {
    count: 5,
    titles: [
      ['Data Scientist', 'Data Scientist'],
      ['Analytics Engineer', null],
    ],
  },
  product: {
    count: 4,
    titles: [
      ['Product Manager', 'Product Manager'],
      ['Senior Product Manager', 'Product Manager'],
    ],
  },
  design: {
    count: 4,
    titles: [
      ['Product Designer', 'Product Designer'],
      ['UX Researcher', null],
    ],
  },
  people: {
    count: 3,
    titles: [
      ['People Partner', 'People Partner'],
      ['Recruiter', null],
    ],
  },
  customerSuccess: { count: 3, titles: [['Customer Success Manager', null]] },
  support: { count: 6, titles: [['Support Specialist', 'Support Specialist']] },
}

export const INITIATIVE_THEMES: ReadonlyArray<{
  title: string
  summary: string
  outcome: string
  team: string
}> = [
  {
    title: 'Platform reliability 99.95%',
    summary: 'Cut incidents and pages by hardening deploys and alerting.',
    outcome: 'Error budget respected for two quarters running.',
    team: 'platform',
  },
  {
    title: 'Self-serve onboarding',
    summary: 'New customers reach their first value without talking to us.',
    outcome: 'Half of new accounts activate unaided.',
    team: 'web',
  },
  {
    title: 'Mobile offline mode',
    summary: 'The apps keep working on flaky networks.',
    outcome: 'Crash-free sessions above 99.8% offline.',
    team: 'mobile',
  },
  {
    title: 'Unified analytics warehouse',
    summary: 'One trusted place for product and revenue metrics.',
    outcome: 'Every weekly report reads from the warehouse.',
    team: 'data',
  },
  {
    title: 'Design system 2.0',
    summary: 'Accessible, themeable components shared by web and mobile.',
    outcome: 'All new screens built from the system.',
    team: 'design',
  },
  {
    title: 'Enterprise single sign-on',
    summary: 'SAML and SCIM for larger customers.',
    outcome: 'Three enterprise deals unblocked.',
    team: 'productEngineering',
  },
  {
    title: 'Support response under 2 hours',
    summary: 'Faster first responses through triage and macros.',
    outcome: 'Median first response below two hours.',
    team: 'support',
  },
  {
    title: 'Hiring plan H1',
    summary: 'Hire the engineers and designers the roadmap needs.',
    outcome: 'Twelve offers accepted on budget.',
    team: 'people',
  },
  {
    title: 'Pricing and packaging refresh',
    summary: 'Simpler plans that match how customers buy.',
    outcome: 'Upgrade rate up by a fifth.',
    team: 'product',
  },
  {
    title: 'Cost efficiency in the cloud',
    summary: 'Right-size clusters and storage.',
    outcome: 'Cloud bill down 15% at equal load.',
    team: 'platform',
  },
  {
    title: 'Customer health scoring',
    summary: 'Spot accounts at risk before they churn.',
    outcome: 'Churn risk flagged a month ahead.',
    team: 'customerSuccess',
  },
  {
    title: 'Accessibility audit',
    summary: 'Meet WCAG 2.2 AA across the product.',
    outcome: 'No open critical accessibility issues.',
    team: 'web',
  },
]

export const OBJECTIVE_TEMPLATES: ReadonlyArray<[string, string | null]> = [
  ['Define success metrics', 'Metrics agreed and on the dashboard'],
  ['Ship the first milestone', 'Milestone live for 10% of users'],
  ['Roll out to everyone', '100% rollout with no rollback'],
  ['Retire the legacy path', null],
  ['Document and hand over', 'Runbook reviewed by the on-call rotation'],
]

// prettier-ignore
export const TASK_VERBS = [
  'Draft', 'Review', 'Update', 'Fix', 'Plan', 'Test', 'Document', 'Migrate', 'Prototype', 'Audit',
  'Refine', 'Ship', 'Measure', 'Investigate', 'Prepare', 'Clean up',
] as const

// prettier-ignore
export const TASK_OBJECTS = [
  'the rollout checklist', 'alerting thresholds', 'the onboarding emails',
  'sync conflict handling', 'the pricing page copy', 'API rate limits', 'dashboard queries',
  'the release notes', 'the on-call runbook', 'login error messages', 'the hiring scorecard',
  'cache invalidation', 'support macros', 'the data retention policy', 'colour contrast issues',
  'the quarterly report', 'flaky integration tests', 'the SSO configuration guide',
  'search relevance', 'the backlog',
] as const

export const TASK_DESCRIPTIONS = [
  'Context is in the initiative notes; ping the owner if anything is unclear.',
  'Keep it short and link the decision record.',
  'Pair with someone from the neighbouring team.',
  'Timebox to half a day and report back.',
  null,
  null,
] as const

export const ONE_ON_ONE_NOTES = [
  '## Wins\n- Shipped the milestone on time\n\n## Blockers\n- Waiting on review from another team',
  '## Growth\n- Wants to lead the next design review\n\n## Actions\n- Share the reading list',
  '## Wellbeing\n- Busy month, plans a long weekend\n\n## Actions\n- Move the planning meeting',
  '## Feedback\n- Great incident write-up\n- Keep updates in the channel, not in DMs',
  null,
] as const
