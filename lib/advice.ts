/**
 * The advice the background sends a page, checked in the content script without zod (the content script
 * stays small: no zod, no directory in it). The background builds it from zod-validated input.
 */
import { NEXT_ACTIONS, type NextAction } from './sop/actions';
import { LOGIN_STEPS, PAGE_KINDS, type LoginStep, type PageKind } from './spse/page-kinds';
import type { ContactChannel, ContactInfo } from './contact';

export interface AdviceParams {
  userId?: string;
  candidates?: { penyediaId: string; label?: string; userId?: string }[];
  mode?: 'local' | 'roaming';
  homeLpseName?: string;
  replacementUserId?: string;
  notice?: string;
  problemId?: string;
  conflict?: boolean;
  step?: LoginStep | 'home' | 'activation-form';
  reason?: 'password' | 'captcha' | 'otp' | 'not-default' | 'unknown';
  go?: { url: string; userId?: string };
  askDefault?: string[];
  autostart?: boolean;
  autofill?: string;
}

/** Strings the assistant shows, in the penyedia's language (the background owns the language option). */
export type AdviceText = Record<string, string>;

export interface Advice {
  pageKind: PageKind;
  nextAction: NextAction | null;
  lpseName?: string;
  genuine: boolean;
  params: AdviceParams;
  text: AdviceText;
  /** Channels and a ready-made message, when only the LPSE can help. */
  contact?: ContactInfo;
  /** The penyedia collapsed the assistant at this LPSE. */
  collapsed: boolean;
}

const USER_ID = /^[A-Za-z0-9._@-]{1,64}$/;
const optString = (v: unknown, max: number) => v === undefined || (typeof v === 'string' && v.length <= max);
const optUserId = (v: unknown) => v === undefined || (typeof v === 'string' && USER_ID.test(v));
const only = (o: Record<string, unknown>, keys: string[]) => Object.keys(o).every((k) => keys.includes(k));

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isHttps = (v: unknown) => typeof v === 'string' && v.length <= 2048 && /^https:\/\//.test(v);

function isText(v: unknown): v is AdviceText {
  if (!isRecord(v)) return false;
  const entries = Object.entries(v);
  return entries.length <= 80 && entries.every(([k, x]) => /^[a-zA-Z0-9_]{1,40}$/.test(k) && typeof x === 'string' && x.length <= 2000);
}

const CHANNEL_KINDS = ['email', 'phone', 'whatsapp', 'url', 'address'];
const isChannel = (c: unknown): c is ContactChannel =>
  isRecord(c) && only(c, ['kind', 'value']) && CHANNEL_KINDS.includes(c.kind as string) && typeof c.value === 'string' && c.value.length <= 300;

function isContact(v: unknown): v is ContactInfo {
  if (!isRecord(v)) return false;
  const keys = ['lpseName', 'lpseAddress', 'own', 'ticketUrl', 'problemId', 'state', 'notice', 'userId', 'subject', 'body', 'bodyWithUserId'];
  return (
    only(v, keys) &&
    typeof v.lpseName === 'string' &&
    v.lpseName.length <= 200 &&
    typeof v.lpseAddress === 'string' &&
    v.lpseAddress.length <= 2048 &&
    /^https:\/\//.test(v.lpseAddress) &&
    Array.isArray(v.own) &&
    v.own.length <= 20 &&
    v.own.every(isChannel) &&
    (v.ticketUrl === undefined || (typeof v.ticketUrl === 'string' && v.ticketUrl.length <= 2048 && /^https:\/\//.test(v.ticketUrl))) &&
    optString(v.problemId, 64) &&
    (v.state === undefined || ['open', 'reported', 'solved'].includes(v.state as string)) &&
    optString(v.notice, 2000) &&
    optUserId(v.userId) &&
    typeof v.subject === 'string' &&
    v.subject.length <= 300 &&
    typeof v.body === 'string' &&
    v.body.length <= 4000 &&
    optString(v.bodyWithUserId, 4000)
  );
}

function isParams(v: unknown): v is AdviceParams {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const p = v as Record<string, unknown>;
  return (
    only(p, ['userId', 'candidates', 'mode', 'homeLpseName', 'replacementUserId', 'notice', 'problemId', 'conflict', 'step', 'reason', 'go', 'askDefault', 'autostart', 'autofill']) &&
    (p.step === undefined || [...LOGIN_STEPS, 'home', 'activation-form'].includes(p.step as string)) &&
    (p.reason === undefined || ['password', 'captcha', 'otp', 'not-default', 'unknown'].includes(p.reason as string)) &&
    (p.go === undefined || (isRecord(p.go) && only(p.go, ['url', 'userId']) && isHttps(p.go.url) && optUserId(p.go.userId))) &&
    (p.askDefault === undefined || (Array.isArray(p.askDefault) && p.askDefault.length <= 20 && p.askDefault.every((u) => typeof u === 'string' && USER_ID.test(u)))) &&
    (p.autostart === undefined || typeof p.autostart === 'boolean') &&
    optUserId(p.autofill) &&
    optUserId(p.userId) &&
    optUserId(p.replacementUserId) &&
    (p.mode === undefined || p.mode === 'local' || p.mode === 'roaming') &&
    optString(p.homeLpseName, 200) &&
    optString(p.notice, 2000) &&
    optString(p.problemId, 64) &&
    (p.conflict === undefined || typeof p.conflict === 'boolean') &&
    (p.candidates === undefined ||
      (Array.isArray(p.candidates) &&
        p.candidates.length <= 20 &&
        p.candidates.every((c: unknown) => {
          if (!c || typeof c !== 'object' || Array.isArray(c)) return false;
          const x = c as Record<string, unknown>;
          return only(x, ['penyediaId', 'label', 'userId']) && typeof x.penyediaId === 'string' && x.penyediaId.length <= 64 && optString(x.label, 200) && optUserId(x.userId);
        })))
  );
}

export function isAdvice(v: unknown): v is Advice {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const a = v as Record<string, unknown>;
  return (
    only(a, ['pageKind', 'nextAction', 'lpseName', 'genuine', 'params', 'text', 'contact', 'collapsed']) &&
    isParams(a.params) &&
    isText(a.text) &&
    (a.contact === undefined || isContact(a.contact)) &&
    typeof a.collapsed === 'boolean' &&
    (PAGE_KINDS as readonly unknown[]).includes(a.pageKind) &&
    (a.nextAction === null || (NEXT_ACTIONS as readonly unknown[]).includes(a.nextAction)) &&
    (a.lpseName === undefined || (typeof a.lpseName === 'string' && a.lpseName.length <= 200)) &&
    typeof a.genuine === 'boolean'
  );
}
