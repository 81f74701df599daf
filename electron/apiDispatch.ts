// The transport-neutral half of the renderer contract: refuse unknown methods, parse every input and output, check events.
// Pure: never imports electron, so electron/ipc.ts and the preview host are thin transports over this one file.
import type { z } from 'zod';
import { events, methods, type EventName, type EventPayload, type MethodName, type MethodOutput, type Methods } from '../shared/api';

/** What the main process implements: one function per method, given the input after its schema has parsed it. */
export type ApiHandlers = {
  [M in MethodName]: (input: z.output<Methods[M]['input']>) => Promise<MethodOutput<M>>;
};

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

const describeIssues = (error: z.ZodError): string =>
  error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'input'}: ${issue.message}`).join('; ');

/** A name from outside, shortened and quoted, so a hostile name cannot flood a message. */
const quoted = (name: string): string => JSON.stringify(name.length > 64 ? `${name.slice(0, 64)}...` : name);

/** Runs one method call from the renderer. Rejects with a plain message naming the method when anything is out of shape. */
export async function dispatch(handlers: ApiHandlers, name: string, rawInput: unknown): Promise<unknown> {
  if (!isMethodName(name)) throw new Error(`Pause Guard has no method called ${quoted(name)}.`);
  const method = methods[name];
  const input = method.input.safeParse(rawInput);
  if (!input.success) throw new Error(`"${name}" was called with input Pause Guard cannot accept (${describeIssues(input.error)}).`);
  const handler = handlers[name] as (parsed: unknown) => Promise<unknown>;
  const output = method.output.safeParse(await handler(input.data));
  if (!output.success) throw new Error(`"${name}" produced an answer that does not match the contract (${describeIssues(output.error)}).`);
  return output.data;
}

/** Checks an event's payload against its schema before it is sent to any page; throws when it does not match. */
export function checkedEventPayload<E extends EventName>(name: E, payload: EventPayload<E>): EventPayload<E> {
  const parsed = events[name].safeParse(payload);
  if (!parsed.success) throw new Error(`The "${name}" event does not match the contract (${describeIssues(parsed.error)}).`);
  return parsed.data as EventPayload<E>;
}
