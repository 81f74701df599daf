// The preview host's WebSocket messages: a call, its reply, and a pushed event. Both ends speak exactly this.
// It carries the renderer contract of shared/api.ts over a socket; it adds no method or event of its own.
import { z } from 'zod';
import type { EventName, EventPayload } from './api';

/** Renderer -> host: call one method of the contract. `id` pairs the reply with the call. */
export const WireCallSchema = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  /** Absent when the method takes no input (JSON drops undefined). */
  input: z.unknown().optional(),
});
export type WireCall = z.infer<typeof WireCallSchema>;

/** Host -> renderer: the answer to one call, or a plain sentence saying why there is none. */
export type WireReply = { id: number; ok: true; output: unknown } | { id: number; ok: false; error: string };

/** Host -> renderer: an event of the contract, pushed as it happens. */
export type WireEvent = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

/** The path of the host's WebSocket, next to the page it serves. */
export const WIRE_PATH = '/api';
