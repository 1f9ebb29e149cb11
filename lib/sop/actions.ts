/** Next actions of docs/sop.md (stable ids: automation reads them from `data-next-action`). */
export const NEXT_ACTIONS = [
  'log-in',
  'log-in-roaming',
  'use-default-user-id',
  'activate',
  'use-replacement-account',
  'contact-lpse',
  'wait-for-lpse',
  'ready',
  'check-credentials',
  'suspicious-site',
] as const;
export type NextAction = (typeof NEXT_ACTIONS)[number];
