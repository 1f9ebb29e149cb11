import { describe, expect, it } from 'vitest';
import { siteFromUrl } from '@/lib/spse/site';

describe('siteFromUrl', () => {
  it('reads a 4.5 LPSE from spse.inaproc.id/<slug> (origin + base path, never host alone)', () => {
    const a = siteFromUrl('https://spse.inaproc.id/jakarta/loginpass');
    const b = siteFromUrl('https://spse.inaproc.id/kemkes/');
    expect(a).toMatchObject({ base: 'https://spse.inaproc.id/jakarta', generation: '4.5', slug: 'jakarta', https: true });
    expect(b?.base).toBe('https://spse.inaproc.id/kemkes');
    expect(a?.base).not.toBe(b?.base);
  });
  it('reads old hosts by path: /eproc4 is 4.x, /eproc is 3.x', () => {
    expect(siteFromUrl('https://lpse.jatengprov.go.id/eproc4/login')).toMatchObject({ base: 'https://lpse.jatengprov.go.id/eproc4', generation: '4.x' });
    expect(siteFromUrl('http://lpse.kepahiangkab.go.id/eproc/app')).toMatchObject({ base: 'http://lpse.kepahiangkab.go.id/eproc', generation: '3.x', https: false });
  });
  it('says undefined for addresses that are not SPSE-shaped', () => {
    for (const url of ['https://spse.inaproc.id/', 'https://webmail.example.co.id/login', 'https://example.com/eproc4x/', 'not a url', 'chrome://extensions', 'https://spse.inaproc.id/public/x.png'])
      expect(siteFromUrl(url), url).toBeUndefined();
  });
});
