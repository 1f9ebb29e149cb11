/**
 * Messaging over `browser.runtime`, typed by the protocol map (lib/protocol.ts). The background validates
 * every request; the content script and the assistant's UI trust their own background's replies (they carry
 * no zod: types only here), extension pages check them with the reply schema (lib/ui/call.ts).
 */
import { browser } from 'wxt/browser';
import type { Envelope, MessageType, Reply, Request } from './protocol'; // types only: no zod reaches the content script

export async function send<T extends MessageType>(request: Request<T> & { type: T }): Promise<Reply<T>> {
  const envelope = (await browser.runtime.sendMessage(request)) as Envelope<Reply<T>> | undefined;
  if (!envelope || typeof envelope !== 'object') throw new Error(`${request.type}: no reply`);
  if (!envelope.ok) throw new Error(`${request.type}: ${envelope.error}`);
  return envelope.value;
}
