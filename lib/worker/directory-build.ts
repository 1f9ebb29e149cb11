/** Builds the bundled LPSE directory from the CSV (pure; used by `npm run directory` and its sync test). */
import { onSpseHost, shortLpseKey } from '../spse/hosts';
export interface DirectoryLpse {
  /** `https://spse.inaproc.id/<slug>`: the LPSE's key. */
  key: string;
  slug: string;
  name: string;
  /** Other names the rows give the same LPSE (merged LPSEs). */
  otherNames: string[];
  /** K/L/PD served by this LPSE (the part before " > "). */
  agencies: string[];
  /** Old bases that are aliases of the key: `<old host>/eproc4`, `<old host>/eproc`. */
  oldBases: string[];
}

export interface Directory {
  source: string;
  sourceSha256: string;
  generated: string;
  lpses: DirectoryLpse[];
  /** Old hosts shared by several LPSEs: they name none of them. */
  ambiguousOldHosts: string[];
}

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, commas and newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows.filter((r) => r.some((f) => f.trim()));
}

export function buildDirectory(csv: string, meta: Pick<Directory, 'source' | 'sourceSha256' | 'generated'>): Directory {
  const [header, ...rows] = parseCsv(csv);
  if (!header || header.join(',') !== 'name,url,old_url') throw new Error(`unexpected CSV header: ${header?.join(',')}`);
  const byKey = new Map<string, { names: Map<string, number>; agencies: Set<string>; oldOrigins: Set<string> }>();
  const keysOfOldOrigin = new Map<string, Set<string>>();
  for (const [name = '', url = '', oldUrl = ''] of rows) {
    const key = url.trim().replace(/\/+$/, '');
    if (!onSpseHost(key) || !/^[a-z0-9-]+$/.test(shortLpseKey(key))) throw new Error(`not an spse.inaproc.id LPSE address: ${url}`);
    const cut = name.indexOf(' > ');
    const agency = (cut >= 0 ? name.slice(0, cut) : '').trim();
    const lpseName = (cut >= 0 ? name.slice(cut + 3) : name).trim();
    const entry = byKey.get(key) ?? { names: new Map(), agencies: new Set(), oldOrigins: new Set() };
    entry.names.set(lpseName, (entry.names.get(lpseName) ?? 0) + 1);
    if (agency) entry.agencies.add(agency);
    if (oldUrl.trim()) {
      // Some old URLs already end in /eproc4: the origin is what identifies the old host.
      const origin = new URL(oldUrl.trim()).origin;
      entry.oldOrigins.add(origin);
      keysOfOldOrigin.set(origin, (keysOfOldOrigin.get(origin) ?? new Set()).add(key));
    }
    byKey.set(key, entry);
  }
  const ambiguous = [...keysOfOldOrigin].filter(([, keys]) => keys.size > 1).map(([origin]) => origin).sort();
  const lpses: DirectoryLpse[] = [...byKey]
    .map(([key, e]) => {
      const names = [...e.names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n]) => n);
      const oldBases = [...e.oldOrigins]
        .filter((o) => !ambiguous.includes(o))
        .sort()
        .flatMap((o) => [`${o}/eproc4`, `${o}/eproc`]);
      return { key, slug: shortLpseKey(key), name: names[0]!, otherNames: names.slice(1), agencies: [...e.agencies].sort(), oldBases };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
  return { ...meta, lpses, ambiguousOldHosts: ambiguous };
}
