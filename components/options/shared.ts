/** What every section of the options page shares: the language, the status line, the registry. */
import { send } from '@/lib/messaging';
import { checkWith, protocol, type AnyRequest, type MessageType, type Reply, type Request } from '@/lib/protocol';
import type { Lang } from '@/lib/i18n';
import type { RegistryView } from '@/lib/registry/registry';
import type { Settings } from '@/lib/registry/schemas';

export type StatusKind = 'ok' | 'error';

export interface OptionsContext {
  lang: Lang;
  view: RegistryView;
  settings: Settings;
  /** The polite live status line: "Tersimpan.", or what went wrong. */
  say(text: string, kind?: StatusKind): void;
  /** Reads the registry and the settings again (after a change). */
  reload(): Promise<void>;
}

/** One protocol message from the options page, its reply checked with the protocol's own schema. */
export function call<T extends MessageType>(request: Request<T> & { type: T }): Promise<Reply<T>> {
  const schema = protocol[request.type].reply as unknown as Parameters<typeof checkWith<Reply<T>>>[0];
  return send(request as AnyRequest, checkWith<Reply<T>>(schema));
}

/** The message of a failure, for the status line (technical detail as text, after a translated prefix). */
export function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** `https://spse.inaproc.id/jakarta` → `jakarta`; any other key as it is. */
export function shortKey(key: string): string {
  const m = /^https:\/\/spse\.inaproc\.id\/([^/]+)$/.exec(key);
  return m ? m[1]! : key;
}

export const USER_ID_PATTERN = /^[A-Za-z0-9._@-]{1,64}$/;
