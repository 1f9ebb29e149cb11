// Issue 14: pages worded as other LPSEs and other SPSE builds word them (not our corpus's phrasing), and
// systems that only look like SPSE. Identity from two evidence families; kinds from the page's main content.
import { describe, expect, it } from 'vitest';
import { describePage } from '@/lib/worker/describe';
import { explain } from '@/lib/page/recognition/explain';
import { snapshotOf } from '../../scripts/support/corpus';

const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const FOOTER_44 = '<div class="footer"><p>Sistem Pengadaan Secara Elektronik (SPSE) versi 4.4u20211201</p><p>© 2021 LKPP</p></div>';
const FOOTER_35 = '<div id="footer">Sistem Pengadaan Secara Elektronik v3.5 &middot; &copy; 2006-2015 Lembaga Kebijakan Pengadaan Barang dan Jasa Pemerintah</div>';

async function describeHtml(url: string, html: string) {
  return describePage(url, await snapshotOf(html, url));
}

describe('SPSE identity: two independent families, never one', () => {
  it('a 4.4 page whose footer says "(SPSE) versi 4.4u…" and "© … LKPP" is SPSE (product + LKPP credit)', async () => {
    const url = 'https://lpse.acehprov.go.id/eproc4/dashboard';
    const html = page('<title>LPSE Aceh</title>', `<nav class="navbar"><a href="/eproc4/logout">Keluar</a></nav><main><p>Selamat datang.</p></main>${FOOTER_44}`);
    expect(await describeHtml(url, html)).toMatchObject({ spse: true, kind: 'logged-in' });
    const why = explain(url, await snapshotOf(html, url));
    expect(why.families).toEqual(expect.arrayContaining(['product', 'lkpp-credit']));
    expect(why.evidence.map((e) => e.signal)).toEqual(expect.arrayContaining(['spse-version', 'lkpp-copyright']));
  });
  it.each([
    '© 2021 - LKPP',
    '© 2006-2021 Direktorat Pengembangan Sistem Pengadaan Secara Elektronik - LKPP',
    'Hak Cipta © 2021 Lembaga Kebijakan Pengadaan Barang dan Jasa Pemerintah',
    'Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah (LKPP) © 2021',
    'Dikembangkan oleh LKPP',
  ])('the LKPP credit worded "%s" counts', async (credit) => {
    const url = 'https://lpse.acehprov.go.id/eproc4/dashboard';
    const html = page('<title>LPSE Aceh</title>', `<main><p>Informasi</p></main><div class="footer"><p>SPSE versi 4.4u20211201</p><p>${credit}</p></div>`);
    expect(explain(url, await snapshotOf(html, url)).families).toEqual(['product', 'lkpp-credit']);
  });
  it.each(['© 2024 PT PLN (Persero). Sesuai Peraturan LKPP Nomor 9 Tahun 2018', '© 2024 PT PLN (Persero) · mengacu pada Peraturan Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah', 'Bantuan: layanan@lkpp.go.id ©'])('a citation of LKPP is no credit: "%s"', async (line) => {
    const url = 'https://eproc.pln.co.id/eproc/login';
    const html = page('<title>Login - e-Procurement</title>', `<form><input name="username"><input type="password" name="password"></form><p class="foot">${line}</p>`);
    expect(explain(url, await snapshotOf(html, url)).evidence.filter((e) => e.family === 'lkpp-credit')).toEqual([]);
  });
  it('a 3.x login whose footer says "Sistem Pengadaan Secara Elektronik v3.5" is SPSE', async () => {
    const url = 'https://lpse.kepahiangkab.go.id/eproc/';
    const html = page('<title>LPSE Kepahiang</title>', `<div id="content"><h2>Login Penyedia</h2><form method="post"><input name="userId" type="text"><input name="password" type="password"><button>Login</button></form></div>${FOOTER_35}`);
    expect(await describeHtml(url, html)).toMatchObject({ spse: true, kind: 'login', step: 'one-form' });
  });
  it.each([
    ['only cites LKPP', '<p class="foot">Mengacu pada Peraturan Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah Nomor 9 Tahun 2018 &middot; © 2024 PT PLN (Persero)</p>'],
    ['only says "Sistem Pengadaan Secara Elektronik"', '<h1>Sistem Pengadaan Secara Elektronik</h1>'],
    ['only has userid/password fields', ''],
    ['only has SPSE\'s own field names', '<input name="txtUserId"><input name="txtPassword" type="password">'],
    ['only shows "SPSE v4.5u…"', '<footer>Terintegrasi dengan SPSE v4.5u20250321</footer>'],
    // LKPP's name without the credit's form is no evidence: with the version string it is still one family.
    ['names LKPP in its footer and shows "SPSE v4.5u…"', '<p class="foot">Bekerja sama dengan Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah · © 2026 PT PLN (Persero) · terhubung ke SPSE v4.5u20250321</p>'],
  ])('a company e-procurement login under /eproc/ that %s is not SPSE', async (_what, extra) => {
    const url = 'https://eproc.pln.co.id/eproc/login';
    const html = page('<title>Login - e-Procurement</title>', `<form method="post"><input name="userid"><input name="password" type="password"><button>MASUK</button></form>${extra}`);
    expect(await describeHtml(url, html)).toMatchObject({ spse: false });
  });
  it('assets of another LPSE’s base path do not count for this address', async () => {
    const url = 'https://lpse-jakarta.example.net/eproc4/login';
    const html = page('<link rel="stylesheet" href="https://spse.inaproc.id/jakarta/public/css/application.css">', '<form><input name="userid"><input type="password" name="pw"></form><footer>© 2006-2026 Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah (LKPP)</footer>');
    expect(await describeHtml(url, html)).toMatchObject({ spse: false });
  });
});

describe('page kinds from the main content', () => {
  const shell45 = (main: string) =>
    page(
      '<title>LPSE Provinsi Jawa Tengah - Beranda</title><link rel="stylesheet" href="/eproc4/public/css/application.css">',
      `<nav class="navbar"><a href="/eproc4">BERANDA</a><a href="/eproc4/lelang">CARI PAKET</a><a id="logout" href="/eproc4/logout">LOGOUT</a></nav><main id="main">${main}</main>${FOOTER_44}`,
    );
  const url = 'https://lpse.jatengprov.go.id/eproc4/dashboard';

  it('a non-active notice in a card’s body, with the replacement to log in with', async () => {
    const html = shell45('<div class="card"><div class="card-body"><p>Akun lokal Anda pada LPSE ini telah dinonaktifkan karena telah diagregasi. Silakan login menggunakan User ID: CV.SUMBER-JAYA untuk selanjutnya.</p></div></div>');
    expect(await describeHtml(url, html)).toMatchObject({ spse: true, kind: 'non-active', replacementUserId: 'CV.SUMBER-JAYA' });
  });
  it('a notice beside a long listing is read (the listing\'s rows are left out, not the text around them)', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `<tr><td>${i}</td><td>Paket ${i}</td></tr>`).join('');
    const notice = 'Akun lokal Anda pada LPSE ini telah dinonaktifkan karena telah diagregasi. Silakan login menggunakan User ID: CV.SUMBER-JAYA untuk selanjutnya.';
    // The sentence in a paragraph next to the table, and as a bare text node of the element around the table.
    for (const main of [`<div class="content"><p>${notice}</p><table><tbody>${rows}</tbody></table></div>`, `<div class="content">${notice}<table><tbody>${rows}</tbody></table></div>`])
      expect(await describeHtml(url, shell45(main)), main.slice(0, 40)).toMatchObject({ spse: true, kind: 'non-active', replacementUserId: 'CV.SUMBER-JAYA' });
  });
  it('an admin notice in a plain paragraph, its own sentences as the notice', async () => {
    const html = shell45('<div class="row"><div class="col"><p>Pemberitahuan dari Admin: data NPWP perusahaan Anda tercatat ganda.</p><p>Silakan hubungi LPSE Provinsi Jawa Tengah untuk perbaikan data.</p></div></div>');
    expect(await describeHtml(url, html)).toMatchObject({ spse: true, kind: 'admin-notice' });
    expect((await describeHtml(url, html)).noticeText).toContain('tercatat ganda');
  });
  it('"Akses Ditolak!" alone, or with an expired session, is not non-active', async () => {
    for (const main of ['<h3>Akses Ditolak!</h3>', '<h3>Akses Ditolak!</h3><p>Session telah habis. Silakan login kembali.</p>', '<div class="alert alert-danger">Akses Ditolak! Sesi Anda sudah tidak aktif.</div>', '<h3>Akses Ditolak!</h3><p>Permintaan Anda diblokir oleh firewall.</p>']) {
      expect((await describeHtml(url, shell45(main))).kind, main).not.toBe('non-active');
    }
  });
  it('the User ID sentence makes it non-active, in a heading or in a paragraph', async () => {
    for (const main of ['<h3>Akses Ditolak! User ID yang Anda gunakan saat ini sudah tidak aktif!</h3>', '<h3>Akses Ditolak!</h3><p>User ID yang Anda gunakan saat ini sudah tidak aktif! Anda tidak dapat mengakses Aplikasi SPSE lebih lanjut</p>']) {
      expect((await describeHtml(url, shell45(main))).kind, main).toBe('non-active');
    }
  });
  it('a supposition or a question about inactive accounts (help text) is not non-active', async () => {
    for (const main of ['<p>Jika User ID Anda tidak aktif, silakan hubungi helpdesk.</p>', '<p>Mengapa akun saya dinonaktifkan?</p>', '<p>Akun PP/PPK yang diduga terduplikasi telah dinonaktifkan per tanggal 20 Agustus 2024.</p>']) {
      expect((await describeHtml(url, shell45(main))).kind, main).not.toBe('non-active');
    }
  });
  it('SPSE 3.x "Beranda Rekanan": the welcome line names the role', async () => {
    const url3 = 'https://lpse.sumbarprov.go.id/eproc/rekanan/home';
    const html = page(
      '<title>LPSE Sumatera Barat</title><link rel="stylesheet" href="/eproc/assets/e0c5ad2a721086bd/assets-eproc/default.css">',
      `<div id="topmenu"><a href="/eproc/">Home</a></div><div id="content"><div class="border"><p>Selamat datang, PT ANUGERAH JAYA (Rekanan)</p><p>Status lelang yang diikuti</p><a href="/eproc/app?service=Logout">Logout</a></div></div>${FOOTER_35}`,
    );
    expect(await describeHtml(url3, html)).toMatchObject({ spse: true, kind: 'logged-in', role: 'penyedia' });
    for (const line of ['Selamat Datang CV MAJU TERUS | REKANAN', 'Selamat datang, Anda login sebagai Rekanan'])
      expect(await describeHtml(url3, html.replace('Selamat datang, PT ANUGERAH JAYA (Rekanan)', line)), line).toMatchObject({ kind: 'logged-in', role: 'penyedia' });
    // The heading alone, its logout link of a shape not recognised: still the penyedia's home.
    const heading = html.replace('<p>Selamat datang, PT ANUGERAH JAYA (Rekanan)</p>', '<div class="header1">Beranda Rekanan</div>').replace('<a href="/eproc/app?service=Logout">Logout</a>', '<a href="/eproc/app?service=direct/1/Home/$Keluar">x</a>');
    expect(await describeHtml(url3, heading)).toMatchObject({ spse: true, kind: 'logged-in', role: 'penyedia' });
  });
});
