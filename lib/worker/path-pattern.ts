/**
 * The path pattern a dismissal ("Ini tidak tepat", lib/sop/RULES.md R19) is remembered by: the page's path inside
 * its LPSE (the base path stripped), lowercased, with what varies from one tender, package or session to the next
 * generalised to `*` — runs of digits, long hex segments and UUIDs — so the same kind of page at that LPSE stays
 * quiet, whichever tender it shows. Matrix parameters (`;jsessionid=…`) and the query are dropped, except SPSE
 * 3.x's Tapestry `service` / `page` parameters, which name the page there (`/app?service=page/LoginPage`).
 * Background only; pure.
 */
import type { SpseSite } from '../spse/site';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** 12 or more hex characters with at least one digit: an id, a hash, a token (not a word like `deadbeefcafe`). */
const HEX = /^(?=[a-f]*\d)[0-9a-f]{12,}$/;
/** What stays of the query: the parameters that name the page in SPSE 3.x (Tapestry). */
const PAGE_PARAMS = ['service', 'page'];
export const MAX_PATTERN_LENGTH = 300;

function generalise(segment: string): string {
  if (UUID.test(segment) || HEX.test(segment)) return '*';
  return segment.replace(/\d+/g, '*').replace(/\*+/g, '*');
}

export function pathPattern(site: SpseSite, url: string | URL): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  const path = u.pathname.toLowerCase();
  const base = site.basePath.toLowerCase();
  const rest = path.startsWith(base) ? path.slice(base.length) : path;
  const segments = rest
    .split('/')
    .map((s) => s.split(';')[0]!)
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    })
    .map(generalise);
  const query = PAGE_PARAMS.flatMap((name) => {
    const v = u.searchParams.get(name);
    return v ? [`${name}=${v.toLowerCase().split('/').map(generalise).join('/')}`] : [];
  });
  const pattern = `/${segments.join('/')}${query.length ? `?${query.join('&')}` : ''}`;
  return pattern.replace(/[^\x21-\x7e]/g, '_').slice(0, MAX_PATTERN_LENGTH);
}
