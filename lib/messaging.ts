/**
 * Typed messaging over `browser.runtime`. The receiver validates every request (lib/protocol.ts in the
 * background); the sender validates the reply with the check it is given (zod in extension pages, a small
 * guard in the content script, which carries no zod).
 */
import { browser } from 'wxt/browser';
import type { Envelope } from './envelope';
import type { AnyRequest } from './protocol'; // types only: no zod reaches the content script

export async function send<T>(request: AnyRequest, isReply: (v: unknown) => v is T): Promise<T> {
  const envelope = (await browser.runtime.sendMessage(request)) as Envelope<unknown> | undefined;
  if (!envelope || typeof envelope !== 'object') throw new Error(`${request.type}: no reply`);
  if (!envelope.ok) throw new Error(`${request.type}: ${envelope.error}`);
  if (!isReply(envelope.value)) throw new Error(`${request.type}: invalid reply`);
  return envelope.value;
}
