import type { OneOnOne } from '../../../../shared/mpath/oneOnOnes'

/** The one-on-ones of one local calendar day. */
export interface MeetingDay {
  /** `YYYY-MM-DD` in local time. */
  key: string
  meetings: OneOnOne[]
}

/** One-on-ones split around "now": upcoming soonest first, past latest first. */
export interface OneOnOneGroups {
  upcoming: MeetingDay[]
  past: MeetingDay[]
  unscheduled: OneOnOne[]
}

const EXCERPT_LENGTH = 160

function localDayKey(time: number): string {
  const date = new Date(time)
  const month = String(date.getMonth() + 1).padStart(2, '0')
  const day = String(date.getDate()).padStart(2, '0')

  return `${date.getFullYear()}-${month}-${day}`
}

function byDay(meetings: { meeting: OneOnOne; at: number }[]): MeetingDay[] {
  const days: MeetingDay[] = []

  for (const { meeting, at } of meetings) {
    const key = localDayKey(at)
    const last = days[days.length - 1]

    if (last?.key === key) {
      last.meetings.push(meeting)
    } else {
      days.push({ key, meetings: [meeting] })
    }
  }

  return days
}

/**
 * Groups one-on-ones by local day: those at or after `now` first (soonest first), then the
 * past (latest first); meetings without a time go last.
 */
export function groupOneOnOnes(meetings: readonly OneOnOne[], now: number): OneOnOneGroups {
  const timed = meetings
    .map((meeting) => ({
      meeting,
      at: meeting.scheduledAt ? Date.parse(meeting.scheduledAt) : NaN,
    }))
    .filter(({ at }) => !Number.isNaN(at))
  const upcoming = timed.filter(({ at }) => at >= now).sort((left, right) => left.at - right.at)
  const past = timed.filter(({ at }) => at < now).sort((left, right) => right.at - left.at)

  return {
    upcoming: byDay(upcoming),
    past: byDay(past),
    unscheduled: meetings.filter(
      (meeting) => !meeting.scheduledAt || Number.isNaN(Date.parse(meeting.scheduledAt)),
    ),
  }
}

/**
 * Who the one-on-one is with: the participant who is not `meId`. When "me" is unknown, or is
 * neither side (the data allows it), both names are given.
 */
export function otherParticipant(meeting: OneOnOne, meId: string | null): string {
  const first = meeting.manager?.name ?? 'Someone'
  const second = meeting.report?.name ?? 'someone'

  if (meId !== null && meeting.managerId === meId) {
    return second
  }

  if (meId !== null && meeting.reportId === meId) {
    return first
  }

  return `${first} and ${second}`
}

/**
 * The start of a meeting's notes as plain text. Notes are rich text or Markdown, so tags and
 * Markdown marks are dropped before cutting at a word boundary.
 */
export function notesExcerpt(notes: string | null | undefined): string {
  const text = (notes ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#*_`>~]+/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

  if (text.length <= EXCERPT_LENGTH) {
    return text
  }

  const cut = text.slice(0, EXCERPT_LENGTH)
  const lastSpace = cut.lastIndexOf(' ')

  return `${(lastSpace > EXCERPT_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`
}
