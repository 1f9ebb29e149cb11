/** One protocol message from an extension page (popup, options, welcome), its reply checked with the protocol's own schema. */
import { send } from '@/lib/messaging';
import { protocol, type MessageType, type Reply, type Request } from '@/lib/protocol';

export async function call<T extends MessageType>(request: Request<T> & { type: T }): Promise<Reply<T>> {
  const value = await send<T>(request);
  const parsed = protocol[request.type].reply.safeParse(value);
  if (!parsed.success) throw new Error(`${request.type}: invalid reply`);
  return parsed.data as Reply<T>;
}
