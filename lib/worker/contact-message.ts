/**
 * The ready-made message to an LPSE's helpdesk (background and popup only: it carries the locale catalogs,
 * which the content script does not).
 */
import { quoteNotice } from '../contact';
import { t } from '../i18n';
import { requestedItems } from './requested-items';

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

/**
 * The ready-made message, in Bahasa Indonesia whatever the UI language (it is read by the LPSE): the notice's
 * own sentences, then what it asks for ("Data yang diminta:", one line per item for the penyedia to fill in;
 * the User ID filled only in the version where it is ticked), then the time, browser and version.
 */
export function composeMessage(m: MessageInput): { subject: string; body: string; bodyWithUserId?: string } {
  const id = (key: Parameters<typeof t>[1], ...subs: string[]) => t('id', key, ...subs);
  const notice = m.notice?.trim();
  const asked = requestedItems(notice);
  const userIdAsked = asked.some((a) => a.userId);
  const lines = (withUserId: boolean) =>
    [
      id('msg_greeting', m.lpseName),
      '',
      id('msg_intro', m.lpseName, m.lpseAddress),
      // The User ID goes out only when the penyedia ticks it, even where the LPSE's notice names it.
      ...(notice ? [id('msg_notice'), `"${quoteNotice(notice, m.userId, id('msg_user_id_redacted'), withUserId)}"`] : []),
      ...(asked.length
        ? ['', id('msg_requested'), ...asked.map((a) => `${a.label}: ${a.userId && withUserId && m.userId ? m.userId : id('msg_requested_blank')}`)]
        : []),
      '',
      id('msg_time', WIB.format(m.at)),
      id('msg_browser', m.browser),
      id('msg_version', m.version),
      ...(withUserId && m.userId && !userIdAsked ? [id('msg_user_id', m.userId)] : []),
      '',
      id('msg_closing'),
    ].join('\n');
  return { subject: id('msg_subject', m.lpseName), body: lines(false), ...(m.userId && { bodyWithUserId: lines(true) }) };
}

