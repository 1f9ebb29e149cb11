/** What every section of the options page shares: the language, the status line, the registry. */
import { t, type Lang } from '@/lib/i18n';
import type { RegistryView } from '@/lib/worker/registry/registry';
import type { Settings } from '@/lib/schemas';

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

export { call } from '../../lib/ui/call';

/** The message of a failure, for the status line (technical detail as text, after a translated prefix). */
export function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The options' one way to change something: do it, read the registry again, say "Tersimpan." (or `done`) —
 * or say what went wrong. True when it worked.
 */
export async function saveAndSay(ctx: OptionsContext, work: () => Promise<unknown>, done?: string): Promise<boolean> {
  try {
    await work();
    await ctx.reload();
    ctx.say(done ?? t(ctx.lang, 'options_saved'));
    return true;
  } catch (e) {
    ctx.say(t(ctx.lang, 'options_error', reasonOf(e)), 'error');
    return false;
  }
}


