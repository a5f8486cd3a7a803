import type { SeedClock } from './clock'
import { INITIATIVE_THEMES, OBJECTIVE_TEMPLATES, ONE_ON_ONE_NOTES } from './names'
import type { PeopleSeed } from './people'
import type { SeededRandom } from './random'
import type { InitiativeRow, ObjectiveRow, OneOnOneRow, OwnerRow } from './rows'

const STATUSES = [
  'in_progress',
  'in_progress',
  'planned',
  'in_progress',
  'in_progress',
  'planned',
  'in_progress',
  'done',
  'paused',
  'planned',
  'in_progress',
  'canceled',
] as const

/** RAG per initiative, so every colour shows (the done one is green). */
const RAGS = [
  'amber',
  'green',
  'green',
  'red',
  'green',
  'amber',
  'red',
  'green',
  'amber',
  'green',
  'green',
  'amber',
] as const

/** Initiatives Ada owns; Ben collaborates on the platform ones. */
const ADA_OWNS = new Set([0, 5, 9, 11])
const BEN_OWNS = new Set([9])
const BEN_COLLABORATES = new Set([0, 5])

export interface InitiativeSeed {
  initiatives: InitiativeRow[]
  objectives: ObjectiveRow[]
  owners: OwnerRow[]
}

/** Twelve initiatives with objectives, owners, RAG, confidence and slots. */
export function seedInitiatives(input: {
  random: SeededRandom
  clock: SeedClock
  organizationId: string
  people: PeopleSeed
}): InitiativeSeed {
  const { random, clock, people } = input
  const initiatives: InitiativeRow[] = []
  const objectives: ObjectiveRow[] = []
  const owners: OwnerRow[] = []
  const activePeople = people.people.filter((person) => person.status === 'active')
  let slot = 1

  INITIATIVE_THEMES.forEach((theme, index) => {
    const status = STATUSES[index] ?? 'planned'
    const rag = RAGS[index] ?? 'green'
    const confidence =
      rag === 'green'
        ? random.integer(70, 95)
        : rag === 'amber'
          ? random.integer(45, 70)
          : random.integer(15, 45)
    const updatedAt = clock.dayAt(-random.integer(0, 20), random.integer(9, 17))
    const createdAt = clock.dayAt(-random.integer(60, 200), 10)
    const id = random.cuid()
    initiatives.push({
      id,
      title: theme.title,
      summary: theme.summary,
      outcome: theme.outcome,
      start_date: clock.dayAt(-random.integer(10, 90), 0).toISOString(),
      target_date: index === 10 ? null : clock.dayAt(random.integer(-20, 150), 0).toISOString(),
      status,
      rag,
      confidence,
      priority: random.integer(1, 4),
      size: random.pick(['xs', 's', 'm', 'l', 'xl']),
      slot: status === 'in_progress' ? slot++ : null,
      team_id: index === 7 ? null : (people.teamIds.get(theme.team) ?? null),
      organization_id: input.organizationId,
      created_at: createdAt.toISOString(),
      updated_at: updatedAt.toISOString(),
    })

    const objectiveCount = random.integer(2, 4)

    for (let sortIndex = 0; sortIndex < objectiveCount; sortIndex++) {
      const [title, keyResult] = OBJECTIVE_TEMPLATES[sortIndex] ?? ['Follow up', null]
      objectives.push({
        id: random.cuid(),
        initiative_id: id,
        title,
        key_result: keyResult,
        sort_index: sortIndex,
      })
    }

    const ownerIds = new Set<string>()
    const addOwner = (personId: string | undefined, role: string): void => {
      if (personId && !ownerIds.has(personId)) {
        ownerIds.add(personId)
        owners.push({ initiative_id: id, person_id: personId, role })
      }
    }

    if (ADA_OWNS.has(index)) {
      addOwner(people.leadPersonIds.get('ada'), 'owner')
    }

    if (BEN_OWNS.has(index)) {
      addOwner(people.leadPersonIds.get('ben'), 'owner')
    }

    if (BEN_COLLABORATES.has(index)) {
      addOwner(people.leadPersonIds.get('ben'), 'collaborator')
    }

    if (ownerIds.size === 0) {
      addOwner(random.pick(activePeople).id, 'owner')
    }

    addOwner(people.leadPersonIds.get('ceo'), index % 3 === 0 ? 'sponsor' : 'collaborator')
  })

  return { initiatives, objectives, owners }
}

/** Recurring one-on-ones for Ada (with her reports and her manager) and Ben (with his). */
export function seedOneOnOnes(input: {
  random: SeededRandom
  clock: SeedClock
  people: PeopleSeed
}): OneOnOneRow[] {
  const { random, clock, people } = input
  const rows: OneOnOneRow[] = []
  const adaId = people.leadPersonIds.get('ada')
  const benId = people.leadPersonIds.get('ben')
  const ceoId = people.leadPersonIds.get('ceo')
  const pairs: Array<[string, string]> = []

  for (const managerId of [adaId, benId]) {
    for (const person of people.people) {
      if (managerId && person.manager_id === managerId && person.status !== 'inactive') {
        pairs.push([managerId, person.id])
      }
    }
  }

  if (ceoId && adaId) {
    pairs.push([ceoId, adaId])
  }

  pairs.forEach(([managerId, reportId], pairIndex) => {
    const hour = 9 + (pairIndex % 8)

    for (const weeksAgo of [6, 4, 2]) {
      rows.push({
        id: random.cuid(),
        manager_id: managerId,
        report_id: reportId,
        scheduled_at: clock.dayAt(-weeksAgo * 7 + (pairIndex % 5), hour).toISOString(),
        notes: random.pick(ONE_ON_ONE_NOTES),
      })
    }

    rows.push({
      id: random.cuid(),
      manager_id: managerId,
      report_id: reportId,
      scheduled_at: clock.dayAt(1 + (pairIndex % 10), hour, 30).toISOString(),
      notes: null,
    })
  })

  // One meeting still to be scheduled (scheduledAt null sorts last).
  if (adaId && benId) {
    rows.push({
      id: random.cuid(),
      manager_id: adaId,
      report_id: benId,
      scheduled_at: null,
      notes: 'Career conversation: pick a date',
    })
  }

  return rows
}
