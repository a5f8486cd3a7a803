import { useEffect, useRef } from 'react'

import type { ViewId } from '../stores/navigationStore'
import { useNavigationStore } from '../stores/navigationStore'
import { DiagnosticsView } from '../views/diagnostics/DiagnosticsView'
import { InitiativesView } from '../views/initiatives/InitiativesView'
import { MyWorkView } from '../views/myWork/MyWorkView'
import { OneOnOnesView } from '../views/oneOnOnes/OneOnOnesView'
import { PeopleView } from '../views/people/PeopleView'
import { SettingsView } from '../views/settings/SettingsView'
import { TasksView } from '../views/tasks/TasksView'

const VIEWS: Record<ViewId, () => React.JSX.Element> = {
  'my-work': MyWorkView,
  tasks: TasksView,
  people: PeopleView,
  initiatives: InitiativesView,
  'one-on-ones': OneOnOnesView,
  settings: SettingsView,
  diagnostics: DiagnosticsView,
}

/** The view the navigation store points at; moves focus to its heading when it changes. */
export function CurrentView(): React.JSX.Element {
  const view = useNavigationStore((state) => state.view)
  const mainRef = useRef<HTMLElement>(null)
  const shownView = useRef(view)
  const View = VIEWS[view]

  useEffect(() => {
    // Only a change of view moves focus; the first render leaves it where the person put it.
    if (shownView.current === view) {
      return
    }

    shownView.current = view
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus()
  }, [view])

  return (
    <main ref={mainRef} className="content" aria-label="Content">
      <View />
    </main>
  )
}
