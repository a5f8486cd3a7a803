import { useEffect, useState } from 'react'

import type { OneOnOne } from '../../../../shared/mpath/oneOnOnes'
import { EmptyState } from '../../components/EmptyState'
import { ErrorMessage } from '../../components/ErrorMessage'
import { Skeleton } from '../../components/Skeleton'
import { useOneOnOnesStore } from '../../stores/oneOnOnesStore'
import type { MeetingDay } from './oneOnOneGroups'
import { groupOneOnOnes, notesExcerpt, otherParticipant } from './oneOnOneGroups'
import './oneOnOnes.css'

const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'full' })
const TIME = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' })

/** The signed-in person's one-on-ones by date: upcoming first, then the past. */
export function OneOnOnesView(): React.JSX.Element {
  const meetings = useOneOnOnesStore((state) => state.meetings)
  const meId = useOneOnOnesStore((state) => state.meId)
  const error = useOneOnOnesStore((state) => state.error)
  const [now] = useState(() => Date.now())

  useEffect(() => {
    const store = useOneOnOnesStore.getState()
    const stop = store.listenForChanges()
    void store.load()

    return stop
  }, [])

  const groups = meetings ? groupOneOnOnes(meetings, now) : null

  return (
    <section className="view" aria-labelledby="view-title">
      <h1 id="view-title" className="view-title" tabIndex={-1}>
        One-on-ones
      </h1>
      {error ? (
        <ErrorMessage
          title="Could not load your one-on-ones"
          error={error}
          onRetry={() => void useOneOnOnesStore.getState().load()}
        />
      ) : null}
      {!meetings && !error ? <Skeleton label="Loading one-on-ones" rows={4} /> : null}
      {meetings?.length === 0 ? (
        <EmptyState title="No one-on-ones yet">
          Schedule one in mpath; it appears here after the next sync.
        </EmptyState>
      ) : null}
      {groups && meetings && meetings.length > 0 ? (
        <>
          <MeetingSection
            id="upcoming-one-on-ones"
            title="Upcoming"
            days={groups.upcoming}
            meId={meId}
            now={now}
            emptyText="Nothing scheduled. Book your next one-on-one in mpath."
          />
          <MeetingSection
            id="past-one-on-ones"
            title="Past"
            days={groups.past}
            meId={meId}
            now={now}
            emptyText="No past one-on-ones yet."
          />
          {groups.unscheduled.length > 0 ? (
            <section className="meeting-section" aria-labelledby="unscheduled-one-on-ones">
              <h2 id="unscheduled-one-on-ones">Not scheduled</h2>
              <MeetingList meetings={groups.unscheduled} meId={meId} />
            </section>
          ) : null}
        </>
      ) : null}
    </section>
  )
}

interface MeetingSectionProps {
  id: string
  title: string
  days: MeetingDay[]
  meId: string | null
  now: number
  emptyText: string
}

function dayLabel(key: string, now: number): string {
  const [year, month, day] = key.split('-').map(Number)
  const date = new Date(year ?? 0, (month ?? 1) - 1, day ?? 1)
  const today = new Date(now)
  const isToday =
    date.getFullYear() === today.getFullYear() &&
    date.getMonth() === today.getMonth() &&
    date.getDate() === today.getDate()

  return isToday ? `Today, ${DAY.format(date)}` : DAY.format(date)
}

function MeetingSection({
  id,
  title,
  days,
  meId,
  now,
  emptyText,
}: MeetingSectionProps): React.JSX.Element {
  const count = days.reduce((sum, day) => sum + day.meetings.length, 0)

  return (
    <section className="meeting-section" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count">({count})</span>
      </h2>
      {days.length === 0 ? <p className="lead">{emptyText}</p> : null}
      {days.map((day) => (
        <section key={day.key} className="meeting-day" aria-labelledby={`${id}-${day.key}`}>
          <h3 id={`${id}-${day.key}`}>{dayLabel(day.key, now)}</h3>
          <MeetingList meetings={day.meetings} meId={meId} />
        </section>
      ))}
    </section>
  )
}

function MeetingList({
  meetings,
  meId,
}: {
  meetings: OneOnOne[]
  meId: string | null
}): React.JSX.Element {
  return (
    <ul className="item-list">
      {meetings.map((meeting) => {
        const excerpt = notesExcerpt(meeting.notes)

        return (
          <li key={meeting.id} className="meeting">
            <span className="meeting-head">
              {meeting.scheduledAt ? (
                <time dateTime={meeting.scheduledAt} className="meeting-time">
                  {TIME.format(Date.parse(meeting.scheduledAt))}
                </time>
              ) : null}
              <span className="meeting-with">With {otherParticipant(meeting, meId)}</span>
            </span>
            <span className="item-meta">{excerpt || 'No notes yet.'}</span>
          </li>
        )
      })}
    </ul>
  )
}
