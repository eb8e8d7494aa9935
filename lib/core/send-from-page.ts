/**
 * Messages from the scripts that run in portal pages (content scripts, the recipe picker) to the
 * background, without webextension-polyfill: its 10 KB minified were a third of every content script,
 * paid on every portal page load. Both browsers' own runtime.sendMessage return a promise in MV3. The
 * polyfill on the background's side answers a handler's rejection, in Chrome, with a marker object;
 * it is turned back into a rejection here, as the polyfill would.
 */
import type { Envelope, MessageMap, MessageName } from './messages';

interface RuntimeLike {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

const REJECTED = '__mozWebExtensionPolyfillReject__';

function runtimeApi(): RuntimeLike {
  const g = globalThis as unknown as { browser?: RuntimeLike; chrome?: RuntimeLike };
  // Firefox has both; its `browser` is the promise-based one. Chrome has only `chrome`.
  return g.browser?.runtime ? g.browser : g.chrome!;
}

export async function sendFromPage<N extends MessageName>(
  name: N,
  payload: MessageMap[N][0],
): Promise<MessageMap[N][1]> {
  const reply = await runtimeApi().runtime.sendMessage({ name, payload } satisfies Envelope<N>);
  if (typeof reply === 'object' && reply !== null && REJECTED in reply) {
    const message = (reply as { message?: unknown }).message;
    throw new Error(typeof message === 'string' ? message : 'The background refused the message');
  }
  return reply as MessageMap[N][1];
}
