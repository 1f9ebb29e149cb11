/**
 * The advice the background sends a page, checked in the content script without zod (the content script
 * stays small: no zod, no directory in it). The background builds it from zod-validated input.
 */
import { NEXT_ACTIONS, type NextAction } from './sop/actions';
import { PAGE_KINDS, type PageKind } from './spse/page-kinds';

export interface AdviceParams {
  userId?: string;
  candidates?: { penyediaId: string; label?: string; userId?: string }[];
  mode?: 'local' | 'roaming';
  homeLpseName?: string;
  replacementUserId?: string;
  notice?: string;
  problemId?: string;
  conflict?: boolean;
}

/** What the assistant says, in the penyedia's language (the background owns the language option). */
export interface AdviceText {
  title: string;
  detail: string;
  collapse: string;
  expand: string;
  label: string;
}

export interface Advice {
  pageKind: PageKind;
  nextAction: NextAction | null;
  lpseName?: string;
  genuine: boolean;
  params: AdviceParams;
  text: AdviceText;
}

function isText(v: unknown): v is AdviceText {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const t = v as Record<string, unknown>;
  const keys = ['title', 'detail', 'collapse', 'expand', 'label'];
  return only(t, keys) && keys.every((k) => typeof t[k] === 'string' && (t[k] as string).length <= 500);
}

const USER_ID = /^[A-Za-z0-9._@-]{1,64}$/;
const optString = (v: unknown, max: number) => v === undefined || (typeof v === 'string' && v.length <= max);
const optUserId = (v: unknown) => v === undefined || (typeof v === 'string' && USER_ID.test(v));
const only = (o: Record<string, unknown>, keys: string[]) => Object.keys(o).every((k) => keys.includes(k));

function isParams(v: unknown): v is AdviceParams {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const p = v as Record<string, unknown>;
  return (
    only(p, ['userId', 'candidates', 'mode', 'homeLpseName', 'replacementUserId', 'notice', 'problemId', 'conflict']) &&
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
    only(a, ['pageKind', 'nextAction', 'lpseName', 'genuine', 'params', 'text']) &&
    isParams(a.params) &&
    isText(a.text) &&
    (PAGE_KINDS as readonly unknown[]).includes(a.pageKind) &&
    (a.nextAction === null || (NEXT_ACTIONS as readonly unknown[]).includes(a.nextAction)) &&
    (a.lpseName === undefined || (typeof a.lpseName === 'string' && a.lpseName.length <= 200)) &&
    typeof a.genuine === 'boolean'
  );
}

export function isAccepted(v: unknown): v is { accepted: boolean } {
  return !!v && typeof v === 'object' && Object.keys(v).length === 1 && typeof (v as { accepted?: unknown }).accepted === 'boolean';
}
