/**
 * What the background tells a page: the next action's texts in the penyedia's language, and, when only the
 * LPSE can help, the contact channels and a ready-made message (always in Bahasa Indonesia).
 */
import type { Advice, AdviceParams } from '../protocol';
import { ticketUrlOf, type ContactChannel, type ContactInfo } from '../contact';
import { composeMessage } from './contact-message';
import { actionDetail, actionTitle, t, type Lang } from '../i18n';
import { contactTexts } from '../ui-texts';
import type { Problem } from '../schemas';
import type { NextAction } from '../sop/actions';

export function adviceTexts(lang: Lang, action: NextAction | null, params: AdviceParams, lpseName: string | undefined, contactUserId?: string): Record<string, string> {
  return {
    ...contactTexts(lang, lpseName, contactUserId ?? params.userId),
    notRightDone: t(lang, 'ui_not_right_done', lpseName ?? 'LPSE'),
    title: action ? actionTitle(lang, action) : '',
    detail: action ? actionDetail(lang, action, params) : '',
    ...(params.userId && { fill: t(lang, 'ui_fill_user_id', params.userId) }),
    ...(params.go && { go: action === 'activate' ? t(lang, 'ui_go_activate', params.homeLpseName ?? 'LPSE') : t(lang, 'ui_go_login_as', params.go.userId ?? params.userId ?? '') }),
  };
}

export interface ContactContext {
  lpseName: string;
  lpseAddress: string;
  generation: string;
  own: ContactChannel[];
  problem?: Problem;
  now: number;
  browser: string;
  version: string;
}

export function contactInfo(c: ContactContext): ContactInfo {
  const userId = c.problem?.userId;
  const ticketUrl = ticketUrlOf(c.lpseAddress, c.generation);
  const message = composeMessage({
    lpseName: c.lpseName,
    lpseAddress: c.lpseAddress,
    ...(c.problem?.notice && { notice: c.problem.notice }),
    at: c.now,
    browser: c.browser,
    version: c.version,
    ...(userId && { userId }),
  });
  return {
    lpseName: c.lpseName,
    lpseAddress: c.lpseAddress,
    own: c.own,
    ...(ticketUrl && { ticketUrl }),
    ...(c.problem && { problemId: c.problem.id, state: c.problem.state, notice: c.problem.notice }),
    ...(userId && { userId }),
    ...message,
  };
}

export function composeAdvice(a: {
  lang: Lang;
  pageKind: Advice['pageKind'];
  nextAction: NextAction | null;
  genuine: boolean;
  lpseName?: string;
  params: AdviceParams;
  contact?: ContactInfo;
  collapsed: boolean;
}): Advice {
  return {
    pageKind: a.pageKind,
    nextAction: a.nextAction,
    genuine: a.genuine,
    ...(a.lpseName && { lpseName: a.lpseName }),
    params: a.params,
    // Nothing to show, nothing to say: every SPSE page a penyedia browses gets this reply, kept small.
    text: a.nextAction ? adviceTexts(a.lang, a.nextAction, a.params, a.lpseName, a.contact?.userId) : {},
    ...(a.contact && { contact: a.contact }),
    collapsed: a.collapsed,
  };
}

