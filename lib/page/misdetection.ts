/**
 * The misdetection report "Ini tidak tepat" offers (lib/sop/RULES.md R19), for LPSE Support or for us: what SPSE
 * Assist made of the page — its LPSE, path pattern, page kind, login step, next action and the ids of the signals
 * recognition reported — and the page's sanitised skeleton (lib/skeleton.ts). Text only: never a field's value,
 * never the page's text, never the address's query or ids (the pattern generalises them). Built in the assistant's
 * UI script (the content script stays small); no zod here (that script carries none): types only.
 */
import type { Reply } from '../protocol';
import type { NextAction } from '../sop/actions';
import type { PageKind } from './recognition/page-kinds';

export const REPORT_HEADER = '# spse-assist misdetection report v1';

/** What the background remembered of a dismissal (protocol `assistant/dismiss`'s reply). */
export type DismissReply = Reply<'assistant/dismiss'>;

/** What recognition said of the page (lib/page/recognition/recognise.ts's Recognition, as far as a report carries it). */
export interface RecognitionSignals {
  page: { kind: PageKind; step?: string };
  loginForm?: boolean;
  loginEntry?: boolean;
  /** Richer evidence ids (family, signal id) when recognition reports them. */
  evidence?: readonly string[];
}

const ID = /^[a-z0-9][a-z0-9:._-]{0,79}$/i;

/**
 * The ids of the signals recognition reported, in a stable order: the page kind and login step, then the
 * login form and SPSE's LOGIN control, then any evidence ids. The one place new signal ids join.
 */
export function signalIdsOf(r: RecognitionSignals | undefined): string[] {
  if (!r) return [];
  const ids = [
    `kind:${r.page.kind}`,
    ...(r.page.step ? [`step:${r.page.step}`] : []),
    ...(r.loginForm ? ['login-form'] : []),
    ...(r.loginEntry ? ['login-entry'] : []),
    ...(r.evidence ?? []),
  ];
  return [...new Set(ids.filter((id) => ID.test(id)))].slice(0, 100);
}

export interface ReportInput {
  dismissal: DismissReply;
  pageKind: PageKind;
  nextAction: NextAction | null;
  recognition?: RecognitionSignals;
  /** lib/skeleton.ts's output for the page. */
  skeleton: string;
  /** One line in the penyedia's language saying what this is (comes with the advice texts). */
  intro?: string;
  at: number;
}

const line = (s: string) => s.replace(/[\r\n]+/g, ' ').slice(0, 300);

/** The report, as text to copy. */
export function misdetectionReport(i: ReportInput): string {
  const d = i.dismissal;
  const step = i.recognition?.page.step;
  return [
    REPORT_HEADER,
    ...(i.intro ? [`# ${line(i.intro)}`] : []),
    `lpse: ${line(d.lpseName)} <${line(d.lpseKey)}>`,
    `pattern: ${line(d.pattern)}`,
    `page-kind: ${i.pageKind}`,
    ...(step ? [`login-step: ${line(step)}`] : []),
    `next-action: ${i.nextAction ?? '-'}`,
    `signals: ${signalIdsOf(i.recognition).join(' ') || '-'}`,
    `extension: ${line(d.version)} (${line(d.browser)})`,
    `time: ${new Date(i.at).toISOString()}`,
    '',
    i.skeleton,
  ].join('\n');
}
