/** Where every LPSE lives today (SPSE 4.5, one path segment per LPSE). Required host access. */
export const SPSE_HOST = 'spse.inaproc.id';
export const SPSE_HOST_PATTERN = `https://${SPSE_HOST}/*`;
const SPSE_BASE = `https://${SPSE_HOST}/`;
/** An LPSE's key on spse.inaproc.id (`https://spse.inaproc.id/<slug>`), not on an old host of its own. */
export const onSpseHost = (key: string) => key.startsWith(SPSE_BASE);
/** `https://spse.inaproc.id/jakarta` → `jakarta`, any other key whole: how a key is shown short, and travels in sync. */
export const shortLpseKey = (key: string) => (onSpseHost(key) ? key.slice(SPSE_BASE.length) : key);
/** The key back from its short form. */
export const longLpseKey = (s: string) => (/^https?:\/\//.test(s) ? s : SPSE_BASE + s);

/**
 * LPSEs still on their own hosts: SPSE 4.x under `/eproc4/`, SPSE 3.x under `/eproc/`.
 * Optional: asked for only when the penyedia opts in (legacy addresses and look-alike protection).
 */
export const LEGACY_HOST_PATTERNS = ['*://*/eproc4/*', '*://*/eproc/*'] as const;

/** Id of the content script the background registers at run time for the legacy patterns. */
export const LEGACY_SCRIPT_ID = 'spse-legacy';
