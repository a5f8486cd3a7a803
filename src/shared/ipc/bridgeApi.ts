import type { ErrorData } from '../errors/appError'
import type {
  EventChannelName,
  EventPayload,
  InvokeChannelName,
  InvokeRequest,
  InvokeResult,
  SendChannelName,
  SendPayload,
} from './contract'

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S

type AreaOf<C extends string> = C extends `${infer Area}:${string}` ? Area : never

type Areas = AreaOf<InvokeChannelName> | AreaOf<SendChannelName> | AreaOf<EventChannelName>

type InvokeMethod<C extends InvokeChannelName> =
  undefined extends InvokeRequest<C>
    ? (request?: InvokeRequest<C>) => Promise<InvokeResult<C>>
    : (request: InvokeRequest<C>) => Promise<InvokeResult<C>>

type SendMethod<S extends SendChannelName> =
  undefined extends SendPayload<S>
    ? (payload?: SendPayload<S>) => void
    : (payload: SendPayload<S>) => void

type EventMethod<E extends EventChannelName> = (
  listener: (payload: EventPayload<E>) => void,
) => () => void

type AreaApi<Area extends string> = {
  [C in InvokeChannelName as C extends `${Area}:${infer Action}`
    ? CamelCase<Action>
    : never]: InvokeMethod<C>
} & {
  [S in SendChannelName as S extends `${Area}:${infer Action}`
    ? CamelCase<Action>
    : never]: SendMethod<S>
} & {
  [E in EventChannelName as E extends `${Area}:${infer Action}`
    ? `on${Capitalize<CamelCase<Action>>}`
    : never]: EventMethod<E>
}

/**
 * The whole of `window.mpath`, derived from the contract: one object per area, one method per
 * channel. Requests reject with {@link ErrorData} (`{ code, message, action? }`).
 */
export type MpathApi = { [Area in Areas]: AreaApi<Area> }

/** How an invoke answer travels over IPC, so errors keep their code across the boundary. */
export type InvokeEnvelope<Result> = { ok: true; value: Result } | { ok: false; error: ErrorData }

/**
 * The bridge method name of a channel: `auth:sign-in` → `["auth", "signIn"]`, and events
 * `auth:did-change-session` → `["auth", "onDidChangeSession"]`.
 *
 * @example
 * bridgePath('tasks:get-write-availability', 'invoke') // ['tasks', 'getWriteAvailability']
 */
export function bridgePath(channel: string, kind: 'invoke' | 'send' | 'event'): [string, string] {
  const [area = '', action = ''] = channel.split(':')
  const camel = action.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase())

  if (kind === 'event') {
    return [area, `on${camel.charAt(0).toUpperCase()}${camel.slice(1)}`]
  }

  return [area, camel]
}
