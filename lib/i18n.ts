/**
 * UI strings live in public/_locales/<lang>/messages.json (so the store listing is translated too). This
 * is the one lookup, honouring the penyedia's language option (the browser's own i18n cannot switch at
 * run time). Bahasa Indonesia by default whatever the browser's language; English as the option.
 */
import en from '../public/_locales/en/messages.json';
import id from '../public/_locales/id/messages.json';
import type { NextAction } from './sop/actions';

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];
export type MessageKey = keyof typeof id;

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
const catalogs: Record<Lang, Record<string, Message>> = { id, en };

export function defaultLang(): Lang {
  return 'id';
}

/** The message for `key` in `lang`, with `$1`… replaced by `subs` (as text: callers never render it as HTML). */
export function t(lang: Lang, key: MessageKey, ...subs: (string | number)[]): string {
  const m = catalogs[lang][key] ?? catalogs.id[key];
  if (!m) return key;
  return m.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
    const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
    const index = /^\$(\d)$/.exec(content)?.[1];
    return index ? String(subs[Number(index) - 1] ?? '') : content;
  });
}

const actionKey = (a: NextAction) => a.replace(/-/g, '_');

/** The title of an action (popup, assistant). */
export function actionTitle(lang: Lang, action: NextAction): string {
  return t(lang, `action_${actionKey(action)}_title` as MessageKey);
}

/** The assistant's explanation, made precise by the action's parameters. */
export function actionDetail(
  lang: Lang,
  action: NextAction,
  p: { userId?: string; homeLpseName?: string; replacementUserId?: string; mode?: string; candidates?: unknown[]; conflict?: boolean },
): string {
  if (action === 'log-in' && p.conflict) return t(lang, 'action_log_in_conflict_detail');
  if (action === 'log-in' && p.candidates?.length) return t(lang, 'action_log_in_choose_detail');
  if (action === 'log-in' && p.userId && p.mode === 'local') return t(lang, 'action_log_in_local_detail', p.userId);
  if (action === 'log-in-roaming' && p.userId) return t(lang, 'action_log_in_roaming_detail', p.homeLpseName ?? 'LPSE', p.userId);
  if (action === 'activate' && p.homeLpseName) return t(lang, 'action_activate_home_detail', p.homeLpseName);
  if (action === 'use-replacement-account' && p.replacementUserId) return t(lang, 'action_use_replacement_account_detail', p.replacementUserId);
  if (action === 'check-credentials' && p.userId) return t(lang, 'action_check_credentials_default_detail', p.userId);
  return t(lang, `action_${actionKey(action)}_detail` as MessageKey);
}
