// The ready-made message to the LPSE: the notice's own sentences, what the notice asks
// for listed for the penyedia to fill ("Data yang diminta:"), the User ID only where ticked, always in
// Bahasa Indonesia; and the requested-items detection it rests on.
import { describe, expect, it } from 'vitest';
import { contactInfo } from '@/lib/worker/compose';
import { quoteNotice } from '@/lib/contact';
import { composeMessage } from '@/lib/worker/contact-message';
import { requestedItems } from '@/lib/worker/requested-items';
import { classifySnapshot, type PageResult } from '@/lib/page/recognition/page-kinds';
import { adminNoticeBody } from '../../scripts/simulator/content';
import { ACCOUNTS, LPSES } from '../../scripts/simulator/data';
import { snapshotOf } from '../../scripts/support/corpus';

const labels = (notice: string) => requestedItems(notice).map((i) => i.label);

describe('what a notice asks the penyedia to send', () => {
  it('reads the items a request phrase introduces, in the notice’s order', () => {
    expect(labels('Silakan menghubungi Helpdesk LPSE dengan menyertakan NPWP perusahaan dan User ID SPSE Anda:')).toEqual(['NPWP', 'User ID']);
    expect(labels('Lampirkan scan KTP direktur, akta pendirian dan NIB.')).toEqual(['KTP/NIK', 'Akta pendirian/perubahan', 'NIB/SIUP']);
    expect(labels('Silakan hubungi kami dengan menyertakan nama perusahaan, NPWP, dan nomor telepon yang dapat dihubungi.')).toEqual(['Nama perusahaan', 'NPWP', 'Nomor telepon']);
    expect(labels('Laporkan ke LPSE Support dengan melampirkan profil perusahaan.')).toEqual(['Profil perusahaan']);
    expect(labels('Datang langsung ke kantor LPSE dengan membawa KTP asli dan SIUP.')).toEqual(['KTP/NIK', 'NIB/SIUP']);
    expect(labels('Sertakan alamat email dan tangkapan layar halaman ini.')).toEqual(['Email', 'Tangkapan layar']);
    // A list of what to send, as recognition joins it (lib/page/recognition/notice.ts).
    expect(labels('Mohon hubungi verifikator LPSE dengan menyertakan: NPWP perusahaan, User ID SPSE')).toEqual(['NPWP', 'User ID']);
  });

  it('names nothing that is only mentioned, not asked for', () => {
    expect(labels('NPWP yang sama terdaftar pada lebih dari satu akun. Silakan hubungi LPSE.')).toEqual([]);
    expect(labels('User ID Anda diblokir. Hubungi helpdesk melalui email atau telepon.')).toEqual([]);
    // The request ends with its sentence: the NPWP of the next one is not asked for.
    expect(labels('Sertakan User ID Anda. NPWP Anda sudah kami terima.')).toEqual(['User ID']);
    expect(requestedItems(undefined)).toEqual([]);
  });

  it('marks the User ID (filled only where the penyedia ticks it)', () => {
    expect(requestedItems('dengan menyertakan NPWP dan User ID')).toEqual([{ label: 'NPWP' }, { label: 'User ID', userId: true }]);
  });
});

describe('the message quotes the notice’s sentences and lists what it asks for', () => {
  const base = { lpseName: 'LPSE Provinsi Daerah Khusus Ibukota Jakarta', lpseAddress: 'https://spse.inaproc.id/jakarta', at: Date.UTC(2026, 4, 12, 3, 15), browser: 'Chrome 156', version: '0.1.0' };

  async function simulatorNotice(): Promise<Extract<PageResult, { kind: 'admin-notice' }>> {
    const l = LPSES.find((x) => x.key === 'jakarta')!;
    const a = ACCOUNTS.find((x) => x.userId === 'NUSANTARA88')!;
    const html = `<!doctype html><html><head><title>LPSE  - Pemberitahuan</title></head><body><nav class="navbar"><a id="logout" href="#">LOGOUT</a></nav><main id="main">${adminNoticeBody(l, a, '/jakarta/')}</main><footer>Aplikasi SPSE v4.5u20250321</footer></body></html>`;
    const page = classifySnapshot(await snapshotOf(html, 'https://spse.inaproc.id/jakarta/home'));
    expect(page.kind).toBe('admin-notice');
    return page as Extract<PageResult, { kind: 'admin-notice' }>;
  }

  it('the simulator’s NUSANTARA88 notice at jakarta: no contact lines, no link labels, the data asked for to fill in', async () => {
    const l = LPSES.find((x) => x.key === 'jakarta')!;
    const page = await simulatorNotice();
    const info = contactInfo({
      ...base,
      generation: '4.5',
      own: [],
      problem: { id: 'p1', lpseKey: base.lpseAddress, kind: 'admin-notice', notice: page.notice, userId: 'NUSANTARA88', state: 'open', openedAt: 1 },
      now: base.at,
    });
    for (const body of [info.body, info.bodyWithUserId!]) {
      for (const gone of ['Telepon:', 'WhatsApp:', 'Email:', 'Datang langsung', l.helpdesk.email, l.helpdesk.unit, 'Kembali ke Beranda']) expect(body).not.toContain(gone);
      expect(body).toContain('verifikasi ulang');
      expect(body).toMatch(/\nData yang diminta:\nNPWP: ……\nUser ID: .+\n/);
    }
    expect(info.body).not.toContain('NUSANTARA88');
    expect(info.body).toContain('Login dengan User ID [User ID] belum dapat dilanjutkan');
    expect(info.body).toContain('\nUser ID: ……\n');
    expect(info.bodyWithUserId).toContain('Login dengan User ID NUSANTARA88 belum dapat dilanjutkan');
    expect(info.bodyWithUserId).toContain('\nUser ID: NUSANTARA88\n');
    // The User ID is named once in the ticked version's data, not again at its end.
    expect(info.bodyWithUserId!.match(/^User ID: NUSANTARA88$/gm)).toHaveLength(1);
  });

  it('"Data yang diminta" only where the notice asks for something; a User ID asked for and not known stays to fill', () => {
    const none = composeMessage({ ...base, notice: 'Akun BUDI.01 diblokir. Hubungi LPSE.', userId: 'BUDI.01' });
    expect(none.body).not.toContain('Data yang diminta');
    expect(none.body).not.toContain('BUDI.01');
    expect(none.bodyWithUserId).toContain('\nUser ID: BUDI.01\n');
    const asked = composeMessage({ ...base, notice: 'Sertakan User ID dan NPWP Anda.' });
    expect(asked.body).toContain('\n\nData yang diminta:\nUser ID: ……\nNPWP: ……\n\n');
    expect(asked.bodyWithUserId).toBeUndefined();
  });

  it('quotes the notice as the assistant shows it: redacted unless ticked, a User ID inside a word left alone', () => {
    expect(quoteNotice(' User ID budi.01 diblokir ', 'BUDI.01', '[User ID]', false)).toBe('User ID [User ID] diblokir');
    expect(quoteNotice('User ID budi.01 diblokir', 'BUDI.01', '[User ID]', true)).toBe('User ID budi.01 diblokir');
    expect(quoteNotice('Akun BUDI diblokir; hubungi Pak Budiman', 'BUDI', '[User ID]', false)).toBe('Akun [User ID] diblokir; hubungi Pak Budiman');
    expect(quoteNotice('x'.repeat(2000), undefined, '[User ID]', false)).toHaveLength(1500);
    // The message uses the same quote (it once turned "Budiman" into "[User ID]man").
    expect(composeMessage({ ...base, notice: 'Akun BUDI diblokir; hubungi Pak Budiman', userId: 'BUDI' }).body).toContain('"Akun [User ID] diblokir; hubungi Pak Budiman"');
  });
});
