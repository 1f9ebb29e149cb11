/**
 * Page bodies shared by the three SPSE generations: outcome pages (activation, non-active, admin notice,
 * penyedia home), tender rows, contact blocks. The wrappers (shells) live in spse45.ts / spse4x.ts / spse3x.ts.
 */
import type { AccountDef, LpseDef } from './data.js';
import { esc } from './common.js';

export const MSG = {
  // reconstructed: the exact SPSE texts for these failures were never captured (spse-pages.md §B2);
  // the container (.alert-danger on 4.x/4.5) is documented, the wording is the simulator's.
  badCredentials: 'Login gagal! User ID atau Password yang Anda masukkan salah.',
  emptyUserId: 'User ID harus diisi.',
  emptyPassword: 'Password harus diisi.',
  emptyCaptcha: 'Kode keamanan (captcha) harus diisi.',
  badOtp: 'Security Code tidak valid. Silakan ulangi.',
  sessionExpired: 'Sesi telah habis. Silakan ulangi login.',
  mustAgree: 'Anda harus menyetujui pernyataan di atas untuk melanjutkan aktivasi.',
};

export interface Tender {
  kode: string;
  nama: string;
  hps: string;
  akhir: string;
  kategori: string;
}

export function tendersFor(l: LpseDef): Tender[] {
  const n = l.name.replace(/^LPSE\s+/, '');
  const seed = [...l.key].reduce((a, c) => a + c.charCodeAt(0), 0);
  const base = 10_100_000 + seed * 1000;
  return [
    { kode: `${base + 11}000`, nama: `Belanja Modal Pengadaan Komputer dan Perangkat Jaringan ${n} Tahun 2026`, hps: 'Rp 1,24 M', akhir: '28 April 2026 23:59', kategori: 'Pengadaan Barang' },
    { kode: `${base + 27}000`, nama: `Rehabilitasi Gedung Kantor ${n}`, hps: 'Rp 3,6 M', akhir: '30 April 2026 15:00', kategori: 'Pekerjaan Konstruksi' },
    { kode: `${base + 35}000`, nama: `Jasa Konsultansi Pengawasan Pembangunan Jalan Lingkungan Tahap II`, hps: 'Rp 486,5 Jt', akhir: '04 Mei 2026 16:00', kategori: 'Jasa Konsultansi Badan Usaha' },
    { kode: `${base + 42}000`, nama: `Jasa Kebersihan dan Pengamanan Kantor ${n} Tahun Anggaran 2026`, hps: 'Rp 812 Jt', akhir: '06 Mei 2026 23:59', kategori: 'Jasa Lainnya' },
  ];
}

/** The LPSE's own helpdesk (fictitious contacts). */
export function helpdeskBlock(l: LpseDef): string {
  const h = l.helpdesk;
  return `<ul class="list-unstyled" id="kontakHelpdesk">
    <li><strong>${esc(h.unit)}</strong></li>
    <li>Telepon: ${esc(h.phone)}</li>
    <li>WhatsApp: ${esc(h.whatsapp)}</li>
    <li>Email: <a href="mailto:${esc(h.email)}">${esc(h.email)}</a></li>
    <li>Datang langsung: ${esc(h.address)}</li>
  </ul>`;
}

export function activationBody(
  l: LpseDef,
  a: AccountDef,
  hidden: string,
  actions: { activate: string; postpone: string },
  error?: string,
): string {
  return `<!-- reconstructed: no capture of the ADP activation page exists (spse-pages.md §1.3, §3.1, §B0).
     Evidence: title after the SPSE 3.5 penyedia manual TOC "Aktivasi Agregasi Data Penyedia (ADP) Inaproc";
     definitions ("Agregrasi Inaproc merupakan sistem … tanpa melakukan registrasi dan verifikasi ulang",
     "User ID Tunggal") and rules (once per User ID at the LPSE where it was registered; can be postponed;
     duplicate check on User ID, email, NPWP) from the ADP manual v1.0.2; "Form aktivasi terdapat di halaman Home
     penyedia … setelah penyedia login" (LPSE Kotim 2011). Wording and form fields are the simulator's. -->
<div class="card" id="aktivasiAdp">
  <div class="card-header"><h5 class="mb-0">Aktivasi Agregasi Data Penyedia (ADP) Inaproc</h5></div>
  <div class="card-body">
    ${error ? `<div class="alert alert-danger">${esc(error)}</div>` : ''}
    <p>User ID <strong>${esc(a.userId)}</strong> belum diaktivasi untuk Agregasi Data Penyedia (ADP).
       Agregasi Inaproc memungkinkan satu penyedia yang terdaftar di satu LPSE dapat mengikuti lelang di LPSE lain
       tanpa melakukan registrasi dan verifikasi ulang.</p>
    <p>Setelah aktivasi, User ID ini menjadi <strong>User ID Tunggal</strong> yang dapat digunakan untuk login di
       seluruh LPSE yang telah teragregasi (roaming).</p>
    <p>Aktivasi cukup dilakukan satu kali, di LPSE tempat Anda terdaftar (${esc(l.name)}). Pada saat aktivasi
       sistem memeriksa kesamaan User ID, email dan NPWP di seluruh LPSE. Aktivasi dapat ditunda tanpa
       mempengaruhi data maupun tender yang sedang diikuti.</p>
    <table class="table table-sm table-bordered">
      <tr><th width="200">Nama Penyedia</th><td>${esc(a.penyedia)}</td></tr>
      <tr><th>NPWP</th><td>${esc(a.npwp)}</td></tr>
      <tr><th>Email</th><td>${esc(a.email)}</td></tr>
      <tr><th>User ID</th><td>${esc(a.userId)}</td></tr>
    </table>
    <form method="post" action="${esc(actions.activate)}" id="formAktivasi">
      ${hidden}
      <div class="form-check mb-2">
        <input class="form-check-input" type="checkbox" name="setuju" value="true" id="setuju">
        <label class="form-check-label" for="setuju">Saya menyatakan bahwa data di atas adalah benar dan menyetujui
          aktivasi Agregasi Data Penyedia (ADP).</label>
      </div>
      <button type="submit" class="btn btn-primary" id="btnAktivasi">Aktivasi</button>
    </form>
    <form method="post" action="${esc(actions.postpone)}" id="formTundaAktivasi" class="mt-2">
      ${hidden}
      <button type="submit" class="btn btn-link" id="btnTunda">Aktivasi nanti</button>
    </form>
  </div>
</div>`;
}

export function nonActiveBody(l: LpseDef, userId: string, replacement: string, home: string): string {
  return `<!-- reconstructed: the heading is the real SPSE notice quoted verbatim in news
     (dialeksis.com, May 2024; spse-pages.md §3.2). The sentence naming the replacement User ID follows
     SOP-LPSE.BTG-002 step 5 ("local account deactivated and replaced by the account shown on the non-active page");
     no real page naming a replacement was ever captured. -->
<div class="card border-danger" id="akunNonAktif">
  <div class="card-body">
    <h5 class="text-danger">Akses Ditolak! User ID yang Anda gunakan saat ini sudah tidak aktif! Anda tidak dapat mengakses Aplikasi SPSE lebih lanjut</h5>
    <p>User ID <strong>${esc(userId)}</strong> telah dinonaktifkan dan digantikan oleh User ID
       <strong id="userIdPengganti">${esc(replacement)}</strong>.</p>
    <p>Silakan login kembali menggunakan User ID <strong>${esc(replacement)}</strong>.</p>
    <p><a href="${esc(home)}">Kembali ke Beranda ${esc(l.name)}</a></p>
  </div>
</div>`;
}

export function adminNoticeBody(l: LpseDef, a: AccountDef, home: string): string {
  return `<!-- reconstructed: no admin notice was ever captured (spse-pages.md §B0). Shape after SOP-LPSE.BTG-002
     step 6 ("notification from the admin … contact the LPSE"); the cause wording after the ADP manual's duplicate
     table ("NPWP yang sama namun berbeda alamat"); channels after LPSE helpdesk blocks (spse-pages.md §B5.1).
     The contacts below are fictitious. -->
<div class="card border-warning" id="notifikasiAdmin">
  <div class="card-header"><h5 class="mb-0">Pemberitahuan dari Admin ${esc(l.name)}</h5></div>
  <div class="card-body">
    <p>Login dengan User ID <strong>${esc(a.userId)}</strong> belum dapat dilanjutkan. Data penyedia
       <strong>${esc(a.penyedia)}</strong> memerlukan verifikasi ulang oleh Admin Agency / Verifikator LPSE karena
       NPWP yang sama terdaftar pada lebih dari satu akun dengan alamat berbeda.</p>
    <p>Silakan menghubungi Helpdesk ${esc(l.name)} dengan menyertakan NPWP perusahaan dan User ID SPSE Anda:</p>
    ${helpdeskBlock(l)}
    <p><a href="${esc(home)}">Kembali ke Beranda</a></p>
  </div>
</div>`;
}

export function dashboardBody(l: LpseDef, a: AccountDef, local: boolean, flash?: string): string {
  return `<!-- reconstructed: no logged-in penyedia page was ever captured (spse-pages.md §B4). Content after the
     SPSE 4 penyedia manual ("Menu home ini berisi informasi status lelang yang diikuti, link download untuk
     Aplikasi Pengaman Dokumen APENDO Peserta …, link Petunjuk Penggunaan dan link Aplikasi e-procurement lainnya"). -->
${flash ? `<div class="alert alert-success">${esc(flash)}</div>` : ''}
<h5 id="selamatDatang">Selamat datang, ${esc(a.penyedia)}</h5>
<p class="text-muted small">${local ? 'Login lokal' : 'Login melalui agregasi (roaming)'} di ${esc(l.name)}</p>
<div class="card mb-3">
  <div class="card-header">Tender yang Diikuti</div>
  <table class="table table-sm mb-0" id="tblTenderDiikuti">
    <thead><tr><th>Kode</th><th>Nama Paket</th><th>Tahap</th><th>Status</th></tr></thead>
    <tbody><tr><td colspan="4" class="text-center">Tidak ada data</td></tr></tbody>
  </table>
</div>`;
}

export function notFoundBody(): string {
  return `<!-- reconstructed: text of SPSE's 404 page after pyproc's check_error regex (spse-pages.md §3.3) -->
<div class="text-center py-5" id="halamanTidakDitemukan">
  <h3>Halaman yang dituju tidak ditemukan</h3>
  <p>Periksa kembali alamat yang Anda tuju.</p>
</div>`;
}

export function sessionExpiredBody(): string {
  return `<!-- reconstructed: "Akses Ditolak! Session telah habis." and the title "Terjadi Kesalahan" after
     asisten-pokja's test strings (spse-pages.md §3.3) -->
<div class="text-center py-5"><h4>Akses Ditolak! Session telah habis.</h4></div>`;
}
