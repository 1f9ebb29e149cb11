import type { PageResult } from '../spse/page-kinds';
import type { NextAction } from './actions';

/** What the background knows about the page the content script recognised. */
export interface PageContext {
  page: PageResult;
  /** The address is a genuine LPSE over HTTPS (sop.md). */
  genuine: boolean;
}

export interface Advice {
  /** null: nothing to say on this page. */
  nextAction: NextAction | null;
}

/**
 * The SOP's next action for a page. First version: the page alone decides (issue 4 adds what the registry
 * knows: roaming, User ID Default, open problems).
 */
export function decide({ page, genuine }: PageContext): Advice {
  // A page that looks like SPSE on an address that is not a genuine LPSE (or not HTTPS): warn, offer nothing.
  if (!genuine) return { nextAction: page.kind === 'other' ? null : 'suspicious-site' };
  switch (page.kind) {
    case 'login':
      return { nextAction: 'log-in' };
    case 'login-failed':
      return { nextAction: 'check-credentials' };
    case 'activation':
      return { nextAction: 'activate' };
    case 'non-active':
      return { nextAction: 'use-replacement-account' };
    case 'admin-notice':
      return { nextAction: 'contact-lpse' };
    case 'logged-in':
      return { nextAction: page.role === 'penyedia' ? 'ready' : null };
    case 'other':
      return { nextAction: null };
  }
}
