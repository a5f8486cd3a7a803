import type { PaletteResult, SearchQuery } from '../../../shared/ipc/queries'
import type { Initiative } from '../../../shared/mpath/initiatives'
import type { Person } from '../../../shared/mpath/people'
import type { Task } from '../../../shared/mpath/tasks'
import type { CollectionSnapshot } from '../dataStore'
import { foldCase } from './compare'
import { initiativeSearchKeys } from './initiativeQuery'
import { personSearchKeys } from './personQuery'
import { taskSearchKeys } from './taskQuery'

/** How well a title matches: 0 the title starts with the query, 1 a word does, 2 any part. */
export type MatchRank = 0 | 1 | 2

const KIND_ORDER: Record<PaletteResult['kind'], number> = { person: 0, initiative: 1, task: 2 }

interface Candidate {
  rank: MatchRank
  key: string
  result: () => PaletteResult
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u

/** The rank of `query` within `key` (both folded), or undefined when it does not occur. */
export function rankMatch(key: string, query: string): MatchRank | undefined {
  let at = key.indexOf(query)

  if (at === -1) {
    return undefined
  }

  if (at === 0) {
    return 0
  }

  while (at !== -1) {
    if (!WORD_CHARACTER.test(key.charAt(at - 1))) {
      return 1
    }

    at = key.indexOf(query, at + 1)
  }

  return 2
}

/** The cached collections the palette searches. */
export interface PaletteSources {
  people: CollectionSnapshot<Person>
  tasks: CollectionSnapshot<Task>
  initiatives: CollectionSnapshot<Initiative>
}

function collect<Item>(
  items: readonly Item[],
  keys: readonly string[],
  query: string,
  buckets: Candidate[][],
  toResult: (item: Item) => PaletteResult,
): void {
  for (let position = 0; position < items.length; position++) {
    const key = keys[position]!
    const rank = rankMatch(key, query)

    if (rank !== undefined) {
      const item = items[position]!
      buckets[rank]!.push({ rank, key, result: () => toResult(item) })
    }
  }
}

/**
 * The command palette over cached people, tasks and initiatives: whole-title prefix matches
 * first, then word-prefix matches, then any substring; within a rank people before
 * initiatives before tasks, shorter titles first. Only the buckets that fill the limit are
 * sorted, so a one-letter query over 100,000 tasks stays fast.
 */
export function searchPalette(sources: PaletteSources, query: SearchQuery): PaletteResult[] {
  const needle = foldCase(query.q.trim())
  const limit = query.limit

  if (needle === '') {
    return []
  }

  const buckets: Candidate[][] = [[], [], []]
  collect(sources.people.items, personSearchKeys(sources.people), needle, buckets, (person) => ({
    kind: 'person',
    id: person.id,
    title: person.name,
    ...subtitle(person.role ?? person.teamName),
  }))
  collect(
    sources.initiatives.items,
    initiativeSearchKeys(sources.initiatives),
    needle,
    buckets,
    (initiative) => ({
      kind: 'initiative',
      id: initiative.id,
      title: initiative.title,
      ...subtitle(initiative.status),
    }),
  )
  collect(sources.tasks.items, taskSearchKeys(sources.tasks), needle, buckets, (task) => ({
    kind: 'task',
    id: task.id,
    title: task.title,
    ...subtitle(task.assignee?.name ? `${task.status} · ${task.assignee.name}` : task.status),
  }))

  const found: PaletteResult[] = []

  for (const bucket of buckets) {
    if (found.length >= limit) {
      break
    }

    const ordered = bucket
      .map((candidate) => ({ candidate, result: candidate.result() }))
      .sort(
        (left, right) =>
          KIND_ORDER[left.result.kind] - KIND_ORDER[right.result.kind] ||
          left.candidate.key.length - right.candidate.key.length ||
          (left.candidate.key < right.candidate.key
            ? -1
            : left.candidate.key > right.candidate.key
              ? 1
              : 0),
      )

    for (const { result } of ordered.slice(0, limit - found.length)) {
      found.push(result)
    }
  }

  return found
}

function subtitle(text: string | null | undefined): { subtitle?: string } {
  return text ? { subtitle: text } : {}
}
