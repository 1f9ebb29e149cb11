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

export interface DetailParams {
  userId?: string;
  homeLpseName?: string;
  replacementUserId?: string;
  mode?: string;
  candidates?: unknown[];
  conflict?: boolean;
  step?: string;
  reason?: string;
  go?: { url: string; userId?: string };
  askDefault?: string[];
  autofill?: string;
}

/** What to do at this step of SPSE's login, naming SPSE's own controls (the User ID to fill, if any). */
export function stepText(lang: Lang, step: string | undefined, fillUserId?: string, filled?: string): string {
  if (filled && step === 'user-id') return t(lang, 'step_user_id_filled', filled);
  if (filled && step === 'one-form') return t(lang, 'step_one_form_filled', filled);
  switch (step) {
    case 'home':
      return t(lang, 'step_home');
    case 'chooser':
      return t(lang, 'step_chooser');
    case 'user-id':
      return fillUserId ? t(lang, 'step_user_id_fill', fillUserId) : t(lang, 'step_user_id');
    case 'one-form':
      return fillUserId ? t(lang, 'step_one_form_fill', fillUserId) : t(lang, 'step_one_form');
    case 'password':
      return t(lang, 'step_password');
    case 'otp':
      return t(lang, 'step_otp');
    case 'activation-form':
      return t(lang, 'step_activation_form');
    default:
      return '';
  }
}

const join = (...parts: string[]) => parts.filter(Boolean).join(' ');

/** The assistant's explanation, made precise by the action's parameters and the login step. */
export function actionDetail(lang: Lang, action: NextAction, p: DetailParams): string {
  const step = p.step;
  // A User ID the login intent filled as the page arrived (RULES.md R18) is not offered again.
  const steps = (userId?: string) => stepText(lang, step, userId, p.autofill);
  switch (action) {
    case 'log-in':
      if (p.conflict) return t(lang, 'action_log_in_conflict_detail');
      if (p.candidates?.length) return join(t(lang, 'action_log_in_choose_detail'), step === 'home' || step === 'chooser' ? steps() : '');
      if (p.userId && p.mode === 'local') return join(t(lang, 'action_log_in_local_detail', p.userId), steps(p.userId));
      if (!step) return t(lang, 'action_log_in_detail');
      return join(steps(p.userId), step === 'user-id' || step === 'one-form' ? t(lang, 'action_log_in_unknown_user_id_detail') : '');
    case 'log-in-roaming':
      if (!p.userId) break;
      return step ? join(t(lang, 'action_log_in_roaming_short_detail', p.homeLpseName ?? 'LPSE', p.userId), steps(p.userId)) : t(lang, 'action_log_in_roaming_detail', p.homeLpseName ?? 'LPSE', p.userId);
    case 'use-default-user-id':
      if (p.askDefault?.length) return t(lang, 'action_use_default_user_id_ask_detail');
      if (p.userId) return join(t(lang, 'action_use_default_user_id_known_detail', p.userId), steps(p.userId));
      break;
    case 'activate':
      if (step === 'activation-form') return join(t(lang, 'action_activate_form_detail'), steps());
      if (p.go && p.userId && p.homeLpseName) return t(lang, 'action_activate_go_detail', p.userId, p.homeLpseName);
      if (p.userId && p.homeLpseName) return join(t(lang, 'action_activate_here_detail', p.userId), steps(p.userId));
      if (p.userId) return join(t(lang, 'action_activate_nowhere_detail', p.userId), steps(p.userId));
      if (p.homeLpseName) return t(lang, 'action_activate_home_detail', p.homeLpseName);
      break;
    case 'use-replacement-account':
      if (!p.replacementUserId) break;
      if (p.go && p.homeLpseName) return t(lang, 'action_use_replacement_account_home_detail', p.replacementUserId, p.homeLpseName);
      if (p.go) return t(lang, 'action_use_replacement_account_go_detail', p.replacementUserId);
      return t(lang, 'action_use_replacement_account_detail', p.replacementUserId);
    case 'check-credentials':
      switch (p.reason) {
        case 'password':
          return t(lang, 'action_check_credentials_password_detail');
        case 'captcha':
          return t(lang, 'action_check_credentials_captcha_detail');
        case 'otp':
          return t(lang, 'action_check_credentials_otp_detail');
        case 'not-default':
          if (p.askDefault?.length) return t(lang, 'action_check_credentials_not_default_ask_detail');
          if (p.userId) return t(lang, p.go ? 'action_check_credentials_not_default_detail' : 'action_check_credentials_not_default_fill_detail', p.userId);
          break;
        case 'unknown':
          return t(lang, step === 'one-form' ? 'action_check_credentials_unknown_one_form_detail' : 'action_check_credentials_unknown_detail');
      }
      if (p.userId) return t(lang, 'action_check_credentials_default_detail', p.userId);
      break;
    default:
      break;
  }
  return t(lang, `action_${actionKey(action)}_detail` as MessageKey);
}
