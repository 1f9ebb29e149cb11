/**
 * Contacting LPSE support (SOP step 6, and the related SOP on handling problems by email, ticket or in
 * person): the channels, LPSE's own first, and a ready-made message. Messages written for an LPSE are
 * always in Bahasa Indonesia, quote the notice, and never carry a password (there is none to carry).
 */
import type { ProblemState } from './schemas';

/** The ways to reach an LPSE, the LPSE's own first. */
export const CHANNEL_KINDS = ['email', 'phone', 'whatsapp', 'url', 'address'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface ContactChannel {
  kind: ChannelKind;
  value: string;
}

export interface ContactInfo {
  lpseName: string;
  lpseAddress: string;
  /** The LPSE's own helpdesk, when learned from its pages or given by the penyedia. */
  own: ContactChannel[];
  /** LPSE Support ticketing: the LPSE's "Aplikasi e-Procurement Lainnya" page (SPSE 4.x/4.5). */
  ticketUrl?: string;
  problemId?: string;
  state?: ProblemState;
  notice?: string;
  /** The User ID the message may include, only if the penyedia ticks it. */
  userId?: string;
  subject: string;
  body: string;
  bodyWithUserId?: string;
}

/** National channels shown in SPSE 4.5's own footer [V] (spse-pages.md §5.2). */
export const NATIONAL = {
  callCenter: '144',
  whatsapp: '08 111 5577 09',
  whatsappLink: 'https://wa.me/628111557709',
  email: 'layanan@lkpp.go.id',
  helpCenter: 'https://bantuan.inaproc.id',
} as const;

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+/g;
const PHONE = /(?:\+62|\b0)[\d][\d\s.-]{6,16}\d/g;

/** Emails and phone numbers named in a notice (an LPSE's helpdesk, learned from its own page). */
export function contactsIn(text: string): ContactChannel[] {
  const out: ContactChannel[] = [];
  for (const m of text.match(EMAIL) ?? []) out.push({ kind: 'email', value: m });
  for (const m of text.match(PHONE) ?? []) {
    const digits = m.replace(/[^\d+]/g, '');
    if (digits.length >= 8 && digits.length <= 15) out.push({ kind: 'phone', value: m.trim() });
  }
  return dedupe(out).slice(0, 10);
}

function dedupe(list: ContactChannel[]): ContactChannel[] {
  const seen = new Set<string>();
  return list.filter((c) => !seen.has(`${c.kind}:${c.value}`) && !!seen.add(`${c.kind}:${c.value}`));
}

/** SPSE 4.x/4.5 keep LPSE Support under "Aplikasi e-Procurement Lainnya" (`B/eproc-lainnya`) [V]. */
export function ticketUrlOf(lpseAddress: string, generation: string): string | undefined {
  return generation === '3.x' ? undefined : `${lpseAddress.replace(/\/$/, '')}/eproc-lainnya`;
}

/** A short browser name from a user agent (no more than the penyedia's helpdesk needs). */
export function browserName(ua: string): string {
  const m = /(Edg|OPR|Firefox|Chrome|Chromium)\/(\d+)/.exec(ua);
  const name = m ? ({ Edg: 'Edge', OPR: 'Opera' } as Record<string, string>)[m[1]!] ?? m[1]! : 'Browser';
  return m ? `${name} ${m[2]}` : name;
}

/** The longest notice quoted, in the message and on screen. */
export const MAX_QUOTE = 1500;

/**
 * The notice as the message quotes it and the assistant shows it — the same text in both: trimmed, bounded,
 * the User ID replaced by `redacted` unless the penyedia ticked "Sertakan User ID saya" (even where the LPSE's
 * notice names it).
 */
export function quoteNotice(notice: string, userId: string | undefined, redacted: string, withUserId: boolean): string {
  const quoted = notice.trim().slice(0, MAX_QUOTE);
  if (!userId || withUserId) return quoted;
  const id = userId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return quoted.replace(new RegExp(`(?<![\\p{L}\\p{N}])${id}(?![\\p{L}\\p{N}])`, 'giu'), redacted);
}

export function mailto(to: string, subject: string, body: string): string {
  return `mailto:${encodeURIComponent(to)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
