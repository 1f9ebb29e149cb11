/** Where every LPSE lives today (SPSE 4.5, one path segment per LPSE). Required host access. */
export const SPSE_HOST = 'spse.inaproc.id';
export const SPSE_HOST_PATTERN = `https://${SPSE_HOST}/*`;

/**
 * LPSEs still on their own hosts: SPSE 4.x under `/eproc4/`, SPSE 3.x under `/eproc/`.
 * Optional: asked for only when the penyedia opts in (legacy addresses and look-alike protection).
 */
export const LEGACY_HOST_PATTERNS = ['*://*/eproc4/*', '*://*/eproc/*'] as const;

/** Id of the content script the background registers at run time for the legacy patterns. */
export const LEGACY_SCRIPT_ID = 'spse-legacy';
