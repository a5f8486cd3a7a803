import { create } from 'zustand'

import { registerStoreReset } from './testing/resetStores'

/** The views of the signed-in window, in sidebar order. */
export const VIEW_IDS = [
  'my-work',
  'tasks',
  'people',
  'initiatives',
  'one-on-ones',
  'settings',
  'diagnostics',
] as const

/** One view of the signed-in window. */
export type ViewId = (typeof VIEW_IDS)[number]

/** Which view is shown and which item in it is selected. */
export interface NavigationStore {
  view: ViewId
  /** The id of the item the view should open (a task, person or initiative), if any. */
  selectedId: string | null
  /** Shows a view; with an id, opens that item in it. */
  navigate: (view: ViewId, selectedId?: string | null) => void
  /** Selects an item in the current view, or clears the selection. */
  select: (selectedId: string | null) => void
}

export const useNavigationStore = create<NavigationStore>()((set) => ({
  view: 'my-work',
  selectedId: null,
  navigate: (view, selectedId = null) => set({ view, selectedId }),
  select: (selectedId) => set({ selectedId }),
}))

registerStoreReset(useNavigationStore)
