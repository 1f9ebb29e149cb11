import { describe, expect, it } from 'vitest';
import { browserName, contactsIn, mailto } from '@/lib/contact';
import { composeMessage } from '@/lib/worker/contact-message';

describe('ready-made message to the LPSE', () => {
  const base = { lpseName: 'LPSE Kabupaten Batang', lpseAddress: 'https://spse.inaproc.id/batangkab', at: Date.UTC(2026, 10, 23, 3, 0), browser: 'Chrome 156', version: '0.1.0' };
  it('quotes the notice, names the LPSE, the time (WIB), the browser and the version, in Bahasa Indonesia', () => {
    const m = composeMessage({ ...base, notice: 'Akun Anda diblokir. Hubungi LPSE.' });
    expect(m.subject).toContain('LPSE Kabupaten Batang');
    expect(m.body).toContain('"Akun Anda diblokir. Hubungi LPSE."');
    expect(m.body).toContain('10.00 WIB');
    expect(m.body).toContain('Chrome 156');
    expect(m.body).toContain('SPSE Assist versi 0.1.0');
    expect(m.body).toContain('Mohon bantuan');
  });
  it('names the User ID only in the ticked version, even where the notice names it', () => {
    const m = composeMessage({ ...base, notice: 'User ID budi.01 diblokir', userId: 'BUDI.01' });
    expect(m.body).not.toMatch(/budi\.01/i);
    expect(m.body).toContain('[User ID] diblokir');
    expect(m.bodyWithUserId).toContain('User ID: BUDI.01');
  });
  it('mailto carries subject and body encoded', () => {
    expect(mailto('a@b.id', 'S & T', 'x\ny')).toBe('mailto:a%40b.id?subject=S%20%26%20T&body=x%0Ay');
  });
  it('finds an LPSE helpdesk’s email and phone in its notice', () => {
    expect(contactsIn('Hubungi helpdesk@lpse.batangkab.go.id atau 0812-3456-7890.')).toEqual([
      { kind: 'email', value: 'helpdesk@lpse.batangkab.go.id' },
      { kind: 'phone', value: '0812-3456-7890' },
    ]);
  });
  it('names the browser briefly', () => {
    expect(browserName('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36')).toBe('Chrome 156');
    expect(browserName('Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0')).toBe('Firefox 153');
  });
});
