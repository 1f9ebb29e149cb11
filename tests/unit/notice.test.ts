// An admin notice as recognition reads it: the notice's own sentences, not the LPSE's
// contact block (lists of phone/WhatsApp/email/address lines, `<address>`, "Telepon:" lines) nor link labels
// ("Kembali ke Beranda"); the contact lines kept apart (`contactText`), where the router learns the helpdesk.
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { route, type RouterDeps } from '@/lib/worker/router';
import { contactsIn } from '@/lib/contact';
import { closeRegistry, openRegistry } from '@/lib/worker/registry/db';
import { readRegistry } from '@/lib/worker/registry/registry';
import { describePage } from '@/lib/worker/describe';
import { isContactLine } from '@/lib/page/recognition/notice';
import { classifySnapshot, type PageResult } from '@/lib/page/recognition/page-kinds';
import { adminNoticeBody } from '../../scripts/simulator/content';
import { ACCOUNTS, LPSES } from '../../scripts/simulator/data';
import { loadIndex, snapshotOf, snapshotOfFile } from '../../scripts/support/corpus';

const FOOTER_45 = '<footer id="footer">© 2006-2026 Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah (LKPP) Aplikasi SPSE v4.5u20250321</footer>';
const page45 = (main: string) =>
  `<!doctype html><html><head><title>LPSE  - Pemberitahuan</title></head><body><nav class="navbar"><a id="logout" href="#">LOGOUT</a></nav><main id="main" class="container-fluid">${main}</main>${FOOTER_45}</body></html>`;

type Notice = Extract<PageResult, { kind: 'admin-notice' }>;
async function noticeOf(html: string, url = 'https://spse.inaproc.id/jakarta/home'): Promise<Notice> {
  const page = classifySnapshot(await snapshotOf(html, url));
  expect(page.kind).toBe('admin-notice');
  return page as Notice;
}

describe('admin notice text: the notice’s sentences, not its contact block or link labels', () => {
  it('the simulator’s notice card (4.5 `.card`, `ul#kontakHelpdesk`, "Kembali ke Beranda")', async () => {
    const l = LPSES.find((x) => x.key === 'jakarta')!;
    const a = ACCOUNTS.find((x) => x.userId === 'NUSANTARA88')!;
    const n = await noticeOf(page45(adminNoticeBody(l, a, '/jakarta/')));
    expect(n.notice).toBe(
      'Login dengan User ID NUSANTARA88 belum dapat dilanjutkan. Data penyedia PT Nusantara Prima Delapan memerlukan verifikasi ulang oleh Admin Agency / Verifikator LPSE karena NPWP yang sama terdaftar pada lebih dari satu akun dengan alamat berbeda. Silakan menghubungi Helpdesk LPSE Provinsi Daerah Khusus Ibukota Jakarta dengan menyertakan NPWP perusahaan dan User ID SPSE Anda:',
    );
    for (const gone of [l.helpdesk.unit, 'Telepon', 'WhatsApp', 'Email', l.helpdesk.email, 'Datang langsung', l.helpdesk.address, 'Kembali ke Beranda']) expect(n.notice).not.toContain(gone);
    for (const kept of [l.helpdesk.unit, `Telepon: ${l.helpdesk.phone}`, `WhatsApp: ${l.helpdesk.whatsapp}`, `Email: ${l.helpdesk.email}`, `Datang langsung: ${l.helpdesk.address}`])
      expect(n.contactText).toContain(kept);
    expect(n.contactText).not.toContain('Kembali');
  });

  it('an SPSE 3.x `div.border` box with its `header1`, contact lines split by <br>, beside another box', async () => {
    const html = `<html><head><title>LPSE Kabupaten Kepahiang</title></head><body><div id="maincontainer"><div id="topmenu"><ul><li><a class="logout" title="Logout" href="/eproc/logout"> </a></li></ul></div>
      <div id="content"><div class="border"><div class="header1">Pemberitahuan</div>
        <p>Akun Anda belum dapat digunakan karena data perusahaan sedang diverifikasi ulang. Silakan menghubungi Helpdesk LPSE Kabupaten Kepahiang dengan melampirkan scan akta pendirian dan KTP direktur.</p>
        <p>Helpdesk LPSE Kabupaten Kepahiang<br>Telp. (0732) 391234<br>Email : lpse@kepahiangkab.go.id<br>Jam layanan: Senin - Jumat, 08.00 - 16.00 WIB</p>
        <p><a href="/eproc/">Kembali</a></p></div>
      <div class="border"><div class="header1">Berita Terbaru</div><p>Pelatihan penyedia tanggal 12 Mei 2026.</p></div></div>
      <div id="footer"><div class="right">© 2006-2015 Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah (<a href="http://www.lkpp.go.id">LKPP</a>)</div></div></div></body></html>`;
    const n = await noticeOf(html, 'https://lpse.kepahiangkab.go.id/eproc/rekanan/home');
    expect(n.notice).toBe(
      'Akun Anda belum dapat digunakan karena data perusahaan sedang diverifikasi ulang. Silakan menghubungi Helpdesk LPSE Kabupaten Kepahiang dengan melampirkan scan akta pendirian dan KTP direktur.',
    );
    expect(n.contactText).toBe('Helpdesk LPSE Kabupaten Kepahiang; Telp. (0732) 391234; Email : lpse@kepahiangkab.go.id; Jam layanan: Senin - Jumat, 08.00 - 16.00 WIB');
  });

  it('a 4.5 `.alert` whose contact list is separated by <br>, with an e-mail link and a link back', async () => {
    const n = await noticeOf(
      page45(`<div class="alert alert-danger"><strong>Perhatian!</strong> Akun penyedia Anda diblokir sementara oleh Admin LPSE.
        Silakan hubungi helpdesk kami dengan menyertakan nama perusahaan, NPWP, dan nomor telepon yang dapat dihubungi.<br><br>
        Helpdesk LPSE Kota Bandung<br>Telp: 022-4217123<br>WA: 0812-2000-3000<br>Email: <a href="mailto:lpse@bandung.go.id">lpse@bandung.go.id</a><br>
        Jl. Wastukancana No. 2, Bandung<br><a href="/bandung/" class="alert-link">Kembali ke Beranda</a></div>`),
      'https://spse.inaproc.id/bandung/home',
    );
    expect(n.notice).toBe(
      'Perhatian! Akun penyedia Anda diblokir sementara oleh Admin LPSE. Silakan hubungi helpdesk kami dengan menyertakan nama perusahaan, NPWP, dan nomor telepon yang dapat dihubungi.',
    );
    expect(n.contactText).toBe('Helpdesk LPSE Kota Bandung; Telp: 022-4217123; WA: 0812-2000-3000; Email: lpse@bandung.go.id; Jl. Wastukancana No. 2, Bandung');
  });

  it('a 4.x `.panel` with an <address> and a button-like link in its footer', async () => {
    const html = `<!doctype html><html><head><title>LPSE Provinsi Jawa Tengah - Pesan Admin</title></head><body>
      <nav class="navbar"><ul><li><a id="logout" href="/eproc4/logout">LOGOUT</a></li></ul></nav>
      <div id="main" class="container-fluid"><div class="panel panel-warning"><div class="panel-heading">Pesan dari Admin Agency</div><div class="panel-body">
        <p>Data penyedia Anda belum dapat diagregasi karena terdapat perbedaan alamat. Silakan datang langsung ke kantor LPSE dengan membawa KTP asli dan NIB perusahaan, atau hubungi helpdesk.</p>
        <address><strong>LPSE Provinsi Jawa Tengah</strong><br>Jl. Pahlawan No. 9, Semarang<br>(024) 8311174</address>
      </div><div class="panel-footer"><a href="/eproc4/dashboard" class="btn btn-default">OK</a></div></div></div>
      <footer id="footer">© 2006-2021 Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah (LKPP) Aplikasi SPSE v4.4u20211201</footer></body></html>`;
    const n = await noticeOf(html, 'https://lpse.jatengprov.go.id/eproc4/dashboard');
    expect(n.notice).toBe(
      'Data penyedia Anda belum dapat diagregasi karena terdapat perbedaan alamat. Silakan datang langsung ke kantor LPSE dengan membawa KTP asli dan NIB perusahaan, atau hubungi helpdesk.',
    );
    expect(n.contactText).toBe('LPSE Provinsi Jawa Tengah; Jl. Pahlawan No. 9, Semarang; (024) 8311174');
  });

  it('plain paragraphs under a heading, no box: the heading’s own section, contact sentences inside a paragraph apart', async () => {
    const n = await noticeOf(
      page45(`<h4>Pemberitahuan Admin LPSE</h4>
        <p>User ID Anda ditangguhkan sementara. Hubungi Helpdesk LPSE untuk informasi lebih lanjut, sertakan tangkapan layar halaman ini. Telepon: 021-555-7788, Email: helpdesk@lpse.example.go.id</p>
        <p><a href="/jakarta/">Kembali ke Beranda</a> | <a href="/jakarta/logout">Keluar</a></p>
        <h4>Tender Terbaru</h4><p>Pembangunan Jembatan Kali Ciliwung.</p>`),
    );
    expect(n.notice).toBe('User ID Anda ditangguhkan sementara. Hubungi Helpdesk LPSE untuk informasi lebih lanjut, sertakan tangkapan layar halaman ini.');
    expect(n.contactText).toBe('Telepon: 021-555-7788, Email: helpdesk@lpse.example.go.id');
  });

  it('an open 4.x modal with a contact table, and the list of what to send before it', async () => {
    const n = await noticeOf(
      page45(`<div class="modal fade in" style="display:block"><div class="modal-dialog"><div class="modal-content">
        <div class="modal-header"><button type="button" class="close">×</button><h4 class="modal-title">Informasi</h4></div>
        <div class="modal-body"><p>Data Anda sedang diverifikasi ulang. Mohon hubungi verifikator LPSE dengan menyertakan:</p>
          <ul><li>NPWP perusahaan</li><li>User ID SPSE</li></ul>
          <table><tr><td>Telepon</td><td>: 021-123-4567</td></tr><tr><td>Email</td><td>: lpse@x.go.id</td></tr></table></div>
        <div class="modal-footer"><button type="button" class="btn">Tutup</button><a class="btn btn-primary" href="/x/">OK</a></div></div></div></div>`),
    );
    expect(n.notice).toBe('Data Anda sedang diverifikasi ulang. Mohon hubungi verifikator LPSE dengan menyertakan: NPWP perusahaan, User ID SPSE');
    expect(n.contactText).toBe('Telepon : 021-123-4567; Email : lpse@x.go.id');
  });

  it('a link inside a sentence keeps its words; only a line that is all link text is a label', async () => {
    const n = await noticeOf(page45(`<div class="card"><div class="card-header">Pemberitahuan dari Admin LPSE</div><div class="card-body">
      <p>Silakan menghubungi Admin LPSE melalui <a href="/jakarta/eproc-lainnya">LPSE Support</a> untuk perbaikan data.</p><p><a href="/jakarta/">Kembali ke Beranda</a></p></div></div>`));
    expect(n.notice).toBe('Silakan menghubungi Admin LPSE melalui LPSE Support untuk perbaikan data.');
  });

  it('a notice that is only its heading keeps the heading', async () => {
    const n = await noticeOf(page45('<div class="card"><div class="card-header">Notifikasi Admin: akun Anda diblokir, hubungi LPSE</div><div class="card-body"><p>Telp. 021-555-1234</p></div></div>'));
    expect(n.notice).toBe('Notifikasi Admin: akun Anda diblokir, hubungi LPSE');
    expect(n.contactText).toBe('Telp. 021-555-1234');
  });

  it('every admin notice of the corpus: no contact line, no "Kembali", and its expected words', async () => {
    const entries = loadIndex().filter((e) => e.expect.kind === 'admin-notice');
    expect(entries.length).toBeGreaterThanOrEqual(5);
    for (const e of entries) {
      const d = describePage(e.url, await snapshotOfFile(e.file, e.url));
      expect(d.noticeText, e.file).toContain(e.expect.noticeText);
      expect(d.noticeText, e.file).not.toMatch(/\b(?:Telp|Telepon|Email|WhatsApp)\s*[.:]|Kembali ke/i);
    }
    // The 4.5 card's own contact line ("Telp. … · Email: …") was part of the notice before.
    const card = entries.find((e) => e.file === 'reconstructed/spse45-admin-notice.html')!;
    const d = describePage(card.url, await snapshotOfFile(card.file, card.url));
    expect(d.noticeText).not.toContain('3822255');
  });

  it('tells contact lines from sentences', () => {
    for (const line of ['Telepon: (021) 555 0101', 'Telp. 021-555', 'WA 0812 5550 0101', 'Email : a@b.go.id', 'Call Center 144', 'Datang langsung: Gedung Blok G', 'Jl. Medan Merdeka Selatan No. 8', 'helpdesk@lpse.go.id', '(024) 8311174'])
      expect(isContactLine(line), line).toBe(true);
    for (const line of ['Silakan hubungi helpdesk@lpse.go.id untuk bantuan lebih lanjut.', 'Email Anda belum terverifikasi.', 'Helpdesk LPSE akan memverifikasi data Anda.', 'Layanan dan Dukungan LPSE menerima laporan Anda.'])
      expect(isContactLine(line), line).toBe(false);
  });
});

describe('the router learns the LPSE’s helpdesk from the notice’s contact lines', () => {
  beforeEach(async () => {
    await closeRegistry();
    globalThis.indexedDB = new IDBFactory();
  });

  it('contacts named only in `contactText` are learned; the problem keeps only the sentences', async () => {
    const l = LPSES.find((x) => x.key === 'jakarta')!;
    const a = ACCOUNTS.find((x) => x.userId === 'NUSANTARA88')!;
    const page = await noticeOf(page45(adminNoticeBody(l, a, '/jakarta/')));
    expect(contactsIn(page.notice)).toEqual([]); // the sentences alone name no channel
    const deps: RouterDeps = {
      extensionId: 'ext',
      extensionOrigin: 'chrome-extension://ext',
      tabs: { get: async () => null, set: async () => undefined },
      session: { has: async () => false, add: async () => undefined },
      db: openRegistry,
      now: () => 1000,
      newId: () => 'p1',
    };
    const url = 'https://spse.inaproc.id/jakarta/home';
    const site = { base: 'https://spse.inaproc.id/jakarta', origin: 'https://spse.inaproc.id', basePath: '/jakarta', generation: '4.5', slug: 'jakarta', https: true };
    const reply = await route({ type: 'page/recognised', recognition: { url, site, page, loginForm: false } }, { id: 'ext', url, tab: { id: 3 } }, deps);
    expect(reply).toMatchObject({ ok: true, value: { pageKind: 'admin-notice', nextAction: 'contact-lpse', contact: { own: expect.arrayContaining([{ kind: 'email', value: l.helpdesk.email }]) } } });
    const reg = await readRegistry(await openRegistry());
    expect(reg.problems).toEqual([expect.objectContaining({ notice: page.notice })]);
    expect(reg.lpses.find((x) => x.key === site.base)?.contacts).toEqual(expect.arrayContaining([{ kind: 'email', value: l.helpdesk.email }, { kind: 'phone', value: l.helpdesk.whatsapp }]));
  });
});
