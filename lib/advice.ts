/**
 * The advice the background sends a page, checked in the content script without zod (the content script
 * stays small: no zod, no directory in it). The background builds it from zod-validated input.
 */
import { NEXT_ACTIONS, type NextAction } from './sop/actions';
import { PAGE_KINDS, type PageKind } from './spse/page-kinds';

export interface Advice {
  pageKind: PageKind;
  nextAction: NextAction | null;
  lpseName?: string;
  genuine: boolean;
}

export function isAdvice(v: unknown): v is Advice {
  if (!v || typeof v !== 'object') return false;
  const a = v as Record<string, unknown>;
  const keys = Object.keys(a);
  return (
    keys.every((k) => k === 'pageKind' || k === 'nextAction' || k === 'lpseName' || k === 'genuine') &&
    (PAGE_KINDS as readonly unknown[]).includes(a.pageKind) &&
    (a.nextAction === null || (NEXT_ACTIONS as readonly unknown[]).includes(a.nextAction)) &&
    (a.lpseName === undefined || (typeof a.lpseName === 'string' && a.lpseName.length <= 200)) &&
    typeof a.genuine === 'boolean'
  );
}
