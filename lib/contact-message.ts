/**
 * The ready-made message to an LPSE's helpdesk (background and popup only: it carries the locale catalogs,
 * which the content script does not).
 */
import { t } from './i18n';

const WIB = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', dateStyle: 'long', timeStyle: 'short' });

export interface MessageInput {
  lpseName: string;
  lpseAddress: string;
  notice?: string;
  at: number;
  browser: string;
  version: string;
  userId?: string;
}

/** The ready-made message, in Bahasa Indonesia whatever the UI language (it is read by the LPSE). */
export function composeMessage(m: MessageInput): { subject: string; body: string; bodyWithUserId?: string } {
  const id = (key: Parameters<typeof t>[1], ...subs: string[]) => t('id', key, ...subs);
  const quoted = m.notice?.trim().slice(0, 1500);
  // The User ID goes out only when the penyedia ticks it, even where the LPSE's notice names it.
  const redact = (s: string) => (m.userId ? s.replace(new RegExp(m.userId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), id('msg_user_id_redacted')) : s);
  const lines = (withUserId: boolean) =>
    [
      id('msg_greeting', m.lpseName),
      '',
      id('msg_intro', m.lpseName, m.lpseAddress),
      ...(quoted ? [id('msg_notice'), `"${withUserId ? quoted : redact(quoted)}"`] : []),
      '',
      id('msg_time', WIB.format(m.at)),
      id('msg_browser', m.browser),
      id('msg_version', m.version),
      ...(withUserId && m.userId ? [id('msg_user_id', m.userId)] : []),
      '',
      id('msg_closing'),
    ].join('\n');
  return { subject: id('msg_subject', m.lpseName), body: lines(false), ...(m.userId && { bodyWithUserId: lines(true) }) };
}

