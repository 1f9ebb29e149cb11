/**
 * Typed, validated messaging over `browser.runtime` (the only place that touches it). Requests are checked
 * by the receiver against lib/protocol.ts; replies are checked by the sender.
 */
import { browser } from 'wxt/browser';
import { protocol, type AnyRequest, type Envelope, type Reply } from './protocol';

export async function send<R extends AnyRequest>(request: R): Promise<Reply<R['type']>> {
  const type: R['type'] = request.type;
  const envelope = (await browser.runtime.sendMessage(request)) as Envelope<unknown> | undefined;
  if (!envelope || typeof envelope !== 'object') throw new Error(`${type}: no reply`);
  if (!envelope.ok) throw new Error(`${type}: ${envelope.error}`);
  const parsed = protocol[type].reply.safeParse(envelope.value);
  if (!parsed.success) throw new Error(`${type}: invalid reply`);
  return parsed.data as Reply<R['type']>;
}
