import { SPSE_HOST } from './hosts';

/** SPSE generations as they show in addresses (sop.md "Where SPSE lives"). */
import type { Generation } from './kinds';
export type { Generation };

/**
 * One SPSE site as its address tells it. An LPSE is identified by origin **plus** base path, never by host
 * alone: every 4.5 LPSE shares `spse.inaproc.id`.
 */
export interface SpseSite {
  /** `https://spse.inaproc.id/jakarta`, `https://lpse.jatengprov.go.id/eproc4`: the LPSE's identity. */
  base: string;
  origin: string;
  /** `/jakarta`, `/eproc4`, `/eproc` */
  basePath: string;
  generation: Generation;
  /** Only for spse.inaproc.id: the LPSE's slug. */
  slug?: string;
  https: boolean;
}

// A 4.5 slug is one lowercase path segment (`jakarta`, `kemendikdasmen`); the portal's own paths are not LPSEs.
const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;
const PORTAL_PATHS = new Set(['public', 'assets', 'cdn-cgi', 'api', 'favicon.ico', 'robots.txt']);

/** Reads an address as an SPSE site, or undefined when its shape is not SPSE's. Pure; never throws. */
export function siteFromUrl(url: string | URL): SpseSite | undefined {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  const https = u.protocol === 'https:';
  const segments = u.pathname.split('/').filter(Boolean);
  const first = segments[0]?.toLowerCase();
  if (!first) return undefined;

  if (u.hostname === SPSE_HOST) {
    // Old paths on the new host (`spse.inaproc.id/eproc4/...`) are not a 4.5 LPSE base.
    if (first === 'eproc4' || first === 'eproc' || PORTAL_PATHS.has(first) || !SLUG.test(first)) return undefined;
    return { base: `${u.origin}/${first}`, origin: u.origin, basePath: `/${first}`, generation: '4.5', slug: first, https };
  }
  if (first === 'eproc4') return { base: `${u.origin}/eproc4`, origin: u.origin, basePath: '/eproc4', generation: '4.x', https };
  if (first === 'eproc') return { base: `${u.origin}/eproc`, origin: u.origin, basePath: '/eproc', generation: '3.x', https };
  return undefined;
}

