/**
 * Checks of the one-flag replies the content script and the assistant's UI get (`{ accepted }`, `{ loaded }`,
 * `{ collapsed }`, `{ updated }`): no zod and no imports, so neither script carries more than it needs.
 */
const flagReply =
  <K extends string>(key: K) =>
  (v: unknown): v is Record<K, boolean> =>
    !!v && typeof v === 'object' && Object.keys(v).length === 1 && typeof (v as Record<string, unknown>)[key] === 'boolean';

export const isAccepted = flagReply('accepted');
export const isLoaded = flagReply('loaded');
export const isCollapsed = flagReply('collapsed');
export const isUpdated = flagReply('updated');
export const isStarted = flagReply('started');
export const isSaved = flagReply('saved');
