/**
 * Page kinds and login steps exactly as docs/sop.md defines them (stable ids), apart from their predicates
 * (page-kinds.ts): the wire's schemas (lib/protocol.ts) name them, and extension pages should not load the
 * recognition rules and their signals to know the ids.
 */
export const PAGE_KINDS = ['login', 'login-failed', 'activation', 'non-active', 'admin-notice', 'logged-in', 'other'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];
export const LOGIN_STEPS = ['chooser', 'user-id', 'password', 'otp', 'one-form'] as const;
export type LoginStep = (typeof LOGIN_STEPS)[number];
