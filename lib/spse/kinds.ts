/**
 * The one home of SPSE's ids and shapes that every context names: page kinds and login steps exactly as
 * docs/sop.md defines them (stable ids), the roles a logged-in page tells, SPSE's generations, and what a User
 * ID is. Apart from the recognition rules (lib/page/recognition/page-kinds.ts): the wire's and the records'
 * schemas name them, and extension pages should not load the rules and their signals to know the ids.
 */
export const PAGE_KINDS = ['login', 'login-failed', 'activation', 'non-active', 'admin-notice', 'logged-in', 'other'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];
export const LOGIN_STEPS = ['chooser', 'user-id', 'password', 'otp', 'one-form'] as const;
export type LoginStep = (typeof LOGIN_STEPS)[number];
/** Who a logged-in page says the user is (sop.md `logged-in`). */
export const ROLES = ['penyedia', 'non-penyedia', 'unknown'] as const;
export type Role = (typeof ROLES)[number];
/** SPSE's generations, told by where an LPSE lives (lib/spse/site.ts): 4.5 on spse.inaproc.id, 4.x `/eproc4`, 3.x `/eproc`. */
export const GENERATIONS = ['4.5', '4.x', '3.x'] as const;
export type Generation = (typeof GENERATIONS)[number];
/** A User ID as SPSE takes it: letters, digits and `. _ @ -`, at most 64 characters. */
/** The characters of a User ID, for the patterns that find one inside a sentence (lib/page/recognition/signals.ts). */
export const USER_ID_CHARS = 'A-Za-z0-9._@-';
export const USER_ID_PATTERN = new RegExp(`^[${USER_ID_CHARS}]{1,64}$`);
export const isUserId = (s: string) => USER_ID_PATTERN.test(s);
