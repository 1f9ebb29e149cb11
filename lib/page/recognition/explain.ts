/**
 * Why a page was taken for SPSE (or not) and for its kind, as stable ids only — never a value, never page
 * text: what `npm run classify -- --explain` prints and what the popup's misdetection report carries.
 */
import { FAMILIES, identityOf, type Family } from './identity';
import { classifySnapshot, kindReasons, PREDICATE_NAMES, type PageKind } from './page-kinds';
import { signals } from './signals';
import { siteFromUrl } from '../../spse/site';
import type { PageSnapshot } from './snapshot';

export interface Explanation {
  /** The address has SPSE's shape (necessary, never sufficient). */
  address: boolean;
  spse: boolean;
  /** Distinct families counted, and how many are needed (signals.ts `identity`). */
  families: Family[];
  threshold: number;
  /** The evidence that counted, in the order found. */
  evidence: { family: Family; signal: string }[];
  /** Evidence found that did not count: path-scoped under another base, or of another generation's framework. */
  ignored: { family: Family; signal: string }[];
  /** Counter-evidence: the other system the page names itself as (our data's phrase), or null. */
  otherSystem: string | null;
  kind: PageKind | null;
  /** The predicate of lib/page/recognition/page-kinds.ts that holds, and what it rested on. */
  predicate: string | null;
  reasons: string[];
}

const plain = (e: { family: Family; signal: string }) => ({ family: e.family, signal: e.signal });

export function explain(url: string, snapshot: PageSnapshot): Explanation {
  const site = siteFromUrl(url);
  const id = site ? identityOf(snapshot.evidence, site, snapshot.otherSystem) : undefined;
  const counted = id?.evidence ?? [];
  const ignored = snapshot.evidence.filter((e) => !counted.includes(e));
  const spse = !!id?.spse;
  const kind = spse ? classifySnapshot(snapshot).kind : null;
  return {
    address: !!site,
    spse,
    families: FAMILIES.filter((f) => id?.families.includes(f)),
    threshold: signals.identity.threshold,
    evidence: counted.map(plain),
    ignored: ignored.map(plain),
    otherSystem: id?.otherSystem ?? null,
    kind,
    predicate: kind ? PREDICATE_NAMES[kind] : null,
    reasons: kind ? kindReasons(snapshot) : [],
  };
}

/** The explanation in one line of ids, for a misdetection report: `spse=1 kind=login families=… signals=…`. */
export function explainLine(e: Explanation): string {
  return [
    `address=${e.address ? 1 : 0}`,
    `spse=${e.spse ? 1 : 0}`,
    `families=${e.families.join(',') || '-'}/${e.threshold}`,
    `signals=${e.evidence.map((x) => `${x.family}:${x.signal}`).join(',') || '-'}`,
    ...(e.ignored.length ? [`ignored=${e.ignored.map((x) => `${x.family}:${x.signal}`).join(',')}`] : []),
    ...(e.otherSystem ? [`other-system=${e.otherSystem.replace(/\s+/g, '-')}`] : []),
    `kind=${e.kind ?? '-'}`,
    `predicate=${e.predicate ?? '-'}`,
    `reasons=${e.reasons.join(',') || '-'}`,
  ].join(' ');
}
