import data from './directory.json';
import type { Directory, DirectoryLpse } from './directory-build';
import { SPSE_HOST } from '../spse/hosts';
import type { SpseSite } from '../spse/site';

/** The bundled LPSE directory (600 LPSEs). Lives in the background only: it stays out of the content script. */
export const directory = data as Directory;

const byBase = new Map<string, DirectoryLpse>();
for (const lpse of directory.lpses) {
  byBase.set(lpse.key, lpse);
  for (const old of lpse.oldBases) byBase.set(old, lpse);
}
// Old bases were written https://; an http:// address of the same LPSE is the same LPSE (and suspicious).
const withHttps = (base: string) => base.replace(/^http:/, 'https:');

/** The directory's LPSE for a site (by origin + base path; an old address resolves to its new key). */
export function lpseOf(site: SpseSite): DirectoryLpse | undefined {
  return byBase.get(withHttps(site.base).toLowerCase());
}

/**
 * A genuine LPSE address (sop.md): any `https://spse.inaproc.id/<slug>` (LKPP's own host, even for a slug the
 * directory does not list yet), or an old base of a directory LPSE over HTTPS.
 */
export function isGenuineLpse(site: SpseSite): boolean {
  if (!site.https) return false;
  if (new URL(site.origin).hostname === SPSE_HOST) return true;
  return lpseOf(site) !== undefined;
}

/** The key that identifies the LPSE in the registry: its spse.inaproc.id address when known. */
export function lpseKey(site: SpseSite): string {
  return lpseOf(site)?.key ?? site.base;
}

/** Search by LPSE name, agency (K/L/PD) or slug; words in any order, case-insensitive. */
export function searchDirectory(query: string, limit = 20): { key: string; name: string; agencies: string[] }[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits: { key: string; name: string; agencies: string[]; score: number }[] = [];
  for (const l of directory.lpses) {
    const hay = `${l.name} ${l.otherNames.join(' ')} ${l.agencies.join(' ')} ${l.slug}`.toLowerCase();
    if (!words.every((w) => hay.includes(w))) continue;
    const score = (l.name.toLowerCase().includes(words.join(' ')) ? 0 : 1) + l.name.length / 1000;
    hits.push({ key: l.key, name: l.name, agencies: l.agencies.slice(0, 5), score });
  }
  return hits
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map(({ score: _s, ...h }) => h);
}
