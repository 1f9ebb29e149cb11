import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDirectory } from '@/lib/worker/directory-build';
import { directory, isGenuineLpse, lpseKey, lpseOf } from '@/lib/worker/directory';
import { siteFromUrl } from '@/lib/spse/site';

const csvPath = resolve(import.meta.dirname, '../../scripts/data/lpse-directory.csv');

describe('bundled LPSE directory', () => {
  it('is in sync with scripts/data/lpse-directory.csv (run `npm run directory` when it is not)', () => {
    const csv = readFileSync(csvPath, 'utf8');
    const sha = createHash('sha256').update(csv).digest('hex');
    expect(directory.sourceSha256).toBe(sha);
    const rebuilt = buildDirectory(csv, { source: directory.source, sourceSha256: sha, generated: directory.generated });
    expect(rebuilt).toEqual(directory);
  });
  it('has 600 LPSEs keyed by their spse.inaproc.id address, the LPSE name after " > "', () => {
    expect(directory.lpses).toHaveLength(600);
    expect(lpseOf(siteFromUrl('https://spse.inaproc.id/jakarta/')!)?.name).toBe('LPSE Provinsi Daerah Khusus Ibukota Jakarta');
  });
  it('maps old addresses to the new key, also when the old URL already ended in /eproc4', () => {
    expect(lpseKey(siteFromUrl('https://lpse.jatengprov.go.id/eproc4/')!)).toBe('https://spse.inaproc.id/jatengprov');
    expect(lpseKey(siteFromUrl('https://lpse.kepahiangkab.go.id/eproc/')!)).toBe('https://spse.inaproc.id/kepahiangkab');
    expect(lpseKey(siteFromUrl('https://lpse.polri.go.id/eproc4/login')!)).toBe('https://spse.inaproc.id/polri');
  });
  it('lets an old host shared by several LPSEs name none of them', () => {
    expect(directory.ambiguousOldHosts).toContain('https://spse.lkpp.go.id');
    expect(lpseOf(siteFromUrl('https://spse.lkpp.go.id/eproc4/')!)).toBeUndefined();
  });
  it('calls genuine only HTTPS addresses of known LPSEs, and any spse.inaproc.id slug', () => {
    const genuine = (u: string) => isGenuineLpse(siteFromUrl(u)!);
    expect(genuine('https://spse.inaproc.id/jakarta/')).toBe(true);
    expect(genuine('https://spse.inaproc.id/newslug2027/')).toBe(true);
    expect(genuine('https://lpse.jatengprov.go.id/eproc4/')).toBe(true);
    expect(genuine('http://lpse.jatengprov.go.id/eproc4/')).toBe(false);
    expect(genuine('http://spse.inaproc.id/jakarta/')).toBe(false);
    expect(genuine('https://lpse-jakarta.net/eproc4/')).toBe(false);
    expect(genuine('https://spse.inaproc.id.example.com/eproc4/')).toBe(false);
  });
});
