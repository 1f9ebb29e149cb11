/** One protocol message from an extension page (popup, options, welcome), its reply checked with the protocol's own schema. */
import { send } from '@/lib/messaging';
import { checkWith, protocol, type AnyRequest, type MessageType, type Reply, type Request } from '@/lib/protocol';

export function call<T extends MessageType>(request: Request<T> & { type: T }): Promise<Reply<T>> {
  const schema = protocol[request.type].reply as unknown as Parameters<typeof checkWith<Reply<T>>>[0];
  return send(request as AnyRequest, checkWith<Reply<T>>(schema));
}
