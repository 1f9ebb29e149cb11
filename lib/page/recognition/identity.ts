/**
 * SPSE identity from independent evidence families (signals.ts `identity`: the data, the rule and why).
 * The collector records what it finds, each item with its family and signal id; the decision (`identityOf`)
 * needs the address, so it is made in recognise(), never in the page.
 */
import { signals } from './signals';
import type { SpseSite } from '../../spse/site';
import { hasPhrase } from '../../spse/text';

const I = signals.identity;
export type Family = (typeof I.texts)[number]['family'] | 'framework' | 'field-names' | 'menu';
export const FAMILIES: readonly Family[] = ['product', 'lkpp-credit', 'framework', 'field-names', 'menu', 'national-contacts'];

/** One piece of evidence. `at`: for a path-scoped signal, the address prefix the asset sits under (no value, no text). */
export interface Evidence {
  family: Family;
  signal: string;
  at?: string;
}

const add = (into: Evidence[], e: Evidence) => {
  if (!into.some((x) => x.signal === e.signal && x.at === e.at)) into.push(e);
};

/** Text evidence (normalised text). */
export function textEvidence(text: string, into: Evidence[]): void {
  for (const t of I.texts) if (t.re.test(text)) add(into, { family: t.family, signal: t.id });
}

/** Asset evidence from an `href`/`src`: the prefix before SPSE's asset folder, for the base-path check. */
export function assetEvidence(ref: string, into: Evidence[]): void {
  for (const a of I.assets) {
    const m = a.re.exec(ref);
    if (m) add(into, 'scoped' in a && a.scoped ? { family: a.family, signal: a.id, at: (m[1] ?? '').toLowerCase() } : { family: a.family, signal: a.id });
  }
}

/** Field-name evidence (names lowercased; never a value). */
export function fieldEvidence(names: ReadonlySet<string>, into: Evidence[]): void {
  for (const f of I.fields) {
    const hit = 'all' in f && f.all ? f.names.every((n) => names.has(n)) : f.names.some((n) => names.has(n));
    if (hit) add(into, { family: f.family, signal: f.id });
  }
}

/** Menu evidence from the whole texts of links (normalised). */
export function menuEvidence(labels: readonly string[], into: Evidence[]): void {
  const M = I.menu;
  const own = M.own.filter((w) => labels.some((l) => l === w || (hasPhrase(l, w) && l.length <= w.length + 12)));
  const common = M.common.filter((w) => labels.includes(w));
  if (own.length >= 1 && own.length + common.length >= M.minimum)
    for (const w of [...own, ...common]) add(into, { family: M.family, signal: `menu:${w.replace(/\s+/g, '-')}` });
}

export function generatorEvidence(content: string, into: Evidence[]): void {
  if (I.generator.re.test(content)) add(into, { family: I.generator.family, signal: I.generator.id });
}

/** The families evidence counts for, distinct. */
export const familiesOf = (evidence: readonly Evidence[]): Family[] => [...new Set(evidence.map((e) => e.family))];

/**
 * Whether a path-scoped piece of evidence sits under the page's own LPSE: `/jakarta/public/…` counts on
 * `https://spse.inaproc.id/jakarta`, not on `…/bandung` nor on another host.
 */
function inBase(at: string, base: string): boolean {
  try {
    const u = new URL(`${at}/`, `${base}/`);
    return `${u.origin}${u.pathname}`.toLowerCase() === `${base}/`.toLowerCase();
  } catch {
    return false;
  }
}

export interface Identity {
  spse: boolean;
  /** Counter-evidence: the other system the page names itself as. */
  otherSystem?: string;
  /** The evidence that counts (path-scoped evidence outside the base left out), in the collector's order. */
  evidence: Evidence[];
  families: Family[];
}

/** The generations a signal belongs to, where it is bound to one (signals.ts: each generation's framework). */
const GENERATIONS = new Map<string, readonly string[]>(
  [...I.assets, I.generator, ...I.fields].flatMap((x) => ('generations' in x ? [[x.id, x.generations as readonly string[]] as const] : [])),
);

/** Whether a piece of evidence counts at this site: its generation's, and under its base when path-scoped. */
export const countsAt = (e: Evidence, site: Pick<SpseSite, 'base' | 'generation'>) =>
  (GENERATIONS.get(e.signal)?.includes(site.generation) ?? true) && (e.at === undefined || inBase(e.at, site.base));

/**
 * The rule of signals.ts `identity`: at least `threshold` different families counted at the site, and the
 * page not naming itself as another system.
 */
export function identityOf(evidence: readonly Evidence[], site: Pick<SpseSite, 'base' | 'generation'>, otherSystem?: string): Identity {
  const counted = evidence.filter((e) => countsAt(e, site));
  const families = familiesOf(counted);
  return { spse: families.length >= I.threshold && !otherSystem, evidence: counted, families, ...(otherSystem && { otherSystem }) };
}
