/**
 * Typed runtime messages. Direction is in the name: `cs:` from content scripts, `ui:` from our pages.
 * The background validates every payload (lib/core/schema.ts) and the sender before believing it.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { z } from 'zod';
import type { Recipe } from '../store/db';
import type { IngestResult } from '../store/ingest';
import type { RecipeInput } from '../capture/recipe-schema';
import type { RefreshReport } from '../background/refresh';
import type { failurePayloadSchema, snapshotPayloadSchema } from './schema';

export type SnapshotPayload = z.infer<typeof snapshotPayloadSchema>;
export type FailurePayload = z.infer<typeof failurePayloadSchema>;

/** What a sweep reports back to our pages. */
export interface SweepSummary {
  notified: number;
  active: number;
  waitingOnYou: number;
  hasOverdue: boolean;
}

export interface MessageMap {
  'cs:snapshot': [SnapshotPayload, IngestResult];
  'cs:extract-failed': [FailurePayload, void];
  /** From our pages after they changed the store (snooze, settings); `now` lets tests set the clock. */
  'ui:sweep': [{ now?: string }, SweepSummary];
  /** From the recipe content script: the recipes of the sender's origin (only if tracked as a recipe portal). */
  'cs:recipes': [Record<string, never>, Recipe[]];
  /** From the recipe picker on a tracked recipe portal: store (or replace) a recipe for this origin and path. */
  'cs:save-recipe': [RecipeInput, { id: string }];
  /** From our pages: refresh every enabled portal (or `keys`) now, lifting pauses. */
  'ui:refresh-now': [{ keys?: string[]; now?: string }, RefreshReport[]];
}
export type MessageName = keyof MessageMap;

export interface Envelope<N extends MessageName = MessageName> {
  name: N;
  payload: MessageMap[N][0];
}

export function send<N extends MessageName>(name: N, payload: MessageMap[N][0]): Promise<MessageMap[N][1]> {
  return browser.runtime.sendMessage({ name, payload } satisfies Envelope<N>) as Promise<MessageMap[N][1]>;
}

/**
 * After a page changed the store (snooze, mapping, import, settings): the background recounts the badge
 * and alerts now. Best effort: a worker that cannot answer loses nothing, as the next alarm sweeps anyway,
 * and the page itself follows the store through its live queries.
 */
export async function askForSweep(): Promise<void> {
  await send('ui:sweep', {}).catch(() => undefined);
}

export type Handlers = {
  [N in MessageName]: (payload: unknown, sender: Runtime.MessageSender) => Promise<MessageMap[N][1]>;
};

/** Routes `{name, payload}` messages from this extension to handlers; anything else is ignored. */
export function listen(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined; // Not ours: never answer.
    if (typeof message !== 'object' || message === null) return undefined;
    const { name, payload } = message as { name?: unknown; payload?: unknown };
    if (typeof name !== 'string' || !Object.hasOwn(handlers, name)) return undefined;
    return handlers[name as MessageName](payload, sender);
  });
}
