import type { PaletteResult } from '../../../../shared/ipc/queries'
import type { ViewId } from '../../stores/navigationStore'

/** The view each kind of palette result opens in. */
export const PALETTE_VIEWS: Record<PaletteResult['kind'], ViewId> = {
  person: 'people',
  task: 'tasks',
  initiative: 'initiatives',
}

/** The kind of a result in words, read before its title. */
export const PALETTE_KIND_LABELS: Record<PaletteResult['kind'], string> = {
  person: 'Person',
  task: 'Task',
  initiative: 'Initiative',
}
