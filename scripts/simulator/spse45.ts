/**
 * SPSE 4.5 (spse.inaproc.id/<slug>): public home with the PILIH JENIS USER modal, selecttype fragment,
 * User ID step, loginpass (password + captcha), optional Security Code step, penyedia home, logout.
 */
import {
  type Ctx,
  LOGO_SVG,
  SPSE45_APP_CSS,
  TINY_PNG,
  captchaSvg,
  esc,
  fill,
  hex,
  newCaptchaCode,
  nowId,
  redirect,
  sendBody,
  sendHtml,
  template,
  vendor,
} from './common.js';
import {
  MSG,
  activationBody,
  adminNoticeBody,
  dashboardBody,
  nonActiveBody,
  notFoundBody,
  sessionExpiredBody,
  tendersFor,
} from './content.js';
import {
  type AccountDef,
  type AccountState,
  type LoginOutcome,
  type LpseDef,
  OTP_CODE,
  decideLogin,
  findAccount,
} from './data.js';
import type { Session, SessionStore } from './sessions.js';

export interface SiteEnv {
  state: AccountState;
  sessions: SessionStore;
}

// ---------------------------------------------------------------- shell

function publicMenu(B: string): string {
  return `<!-- inferred: public (not logged-in) menu; only the logged-in menu was captured -->
<div class="topmenu navbar navbar-expand-lg">
    <div class="container-fluid navbar-collapse">
        <ul class="navbar-nav">
            <li class="nav-item ">
                <a class="nav-link" href="${B}" target="_self">BERANDA</a>
            </li>
            <li class="nav-item ">
                <a class="nav-link" href="${B}/lelang" target="_self">CARI PAKET</a>
            </li>
            <li class="nav-item ">
                <a class="nav-link" href="${B}/berita" target="_self">BERITA</a>
            </li>
        </ul>
        <ul class="navbar-nav ml-auto">
            <li class="nav-item"><a class="nav-link" id="login" href="#"><i class="fa fa-sign-in"></i> LOGIN</a></li>
        </ul>
     </div>
</div>`;
}

function penyediaMenu(B: string, a: AccountDef): string {
  return `<!-- menu and user line: structure copied from the real logged-in (non-penyedia) page; the penyedia
     menu entries follow the SPSE 4.x penyedia manual TOC and the role word "Penyedia" is inferred -->
<div class="topmenu navbar navbar-expand-lg">
    <div class="container-fluid navbar-collapse">
        <ul class="navbar-nav">
            <li class="nav-item ">
                <a class="nav-link" href="${B}/home" target="_self">BERANDA</a>
            </li>
            <li class="nav-item ">
                <a class="nav-link" href="${B}/rekanan/identitas" target="_self">DATA PENYEDIA</a>
            </li>
            <li class="nav-item ">
                <a class="nav-link" href="${B}/lelang/baru" target="_self">PAKET BARU</a>
            </li>
            <li class="nav-item ">
                <a class="nav-link" href="${B}/rekanan/inbox" target="_self">INBOX</a>
            </li>
            <li class="nav-item ">
                <a class="nav-link" href="${B}/user/loguser" target="_self">LOG AKSES</a>
            </li>
            <li class="nav-item ">
                <a class="nav-link" href="${B}/user/gantipassword" target="_self">GANTI PASSWORD</a>
            </li>
        </ul>
        <ul class="navbar-nav ml-auto">
            <li class="nav-item"><a class="nav-link" id="logout" href="#"><i class="fa fa-power-off"></i> LOGOUT</a></li>
        </ul>
     </div>
</div>
<div class="submenu">
    <div class="container-fluid" style="margin-bottom: 5px;margin-top:5px;">
        <div class="float-right"><span title="[${esc(a.userId)}] - ${esc(a.npwp)}"><a href="${B}/user/viewuser" class="dialog" title="Detail Infomasi Pengguna" onhide-refresh="true">${esc(a.penyedia)}</a> - Penyedia</span>${a.otp ? '' : ` | <a href="${B}/login/homeotp"><i class="fa fa-key"></i> Enable  2FA</a>`}</div>
        <div class="navBlock">
            <a href="#" id="showHideHeader" title="Header show/hide..." class="space"><i class="fa fa-angle-double-up"></i></a>
            <a href="https://inaproc.id/unduh?q=Aplikasi" target="_blank" title="Aplikasi Apendo Penyedia" class="space"><span class="badge badge-info"><i class="fa fa-download"></i> Apendo/Spamkodok</span></a>
            <a href="https://inaproc.id/unduh?q=Petunjuk%20Penggunaan" target="_blank" class="space"><span class="badge badge-info"> <i class="fa fa-book"></i>  Petunjuk Penggunaan</span></a>
            <a href="${B}/eproc-lainnya" target="_blank" class="space"><span class="badge badge-info">Aplikasi e-Procurement Lainnya</span></a>
        </div>
    </div>
</div>`;
}

interface Page45 {
  title: string;
  main: string;
  account?: AccountDef; // logged-in menu when set
  scripts?: string;
}

function layout(l: LpseDef, p: Page45): string {
  const B = l.basePath;
  return fill(template('spse45-layout.html'), {
    LPSE_KEY: esc(l.key),
    TITLE: `${esc(l.name)}  - ${esc(p.title)} `,
    CANONICAL: esc(l.baseUrl),
    B,
    MENU: p.account ? penyediaMenu(B, p.account) : publicMenu(B),
    MAIN: p.main,
    LOGOUT_FORM: p.account ? `<form id="formLogout" action="${B}/logout" method="post"></form>` : '',
    NOW: nowId(7),
    TZ: l.tz,
    SCRIPTS: p.scripts ?? '',
  });
}

function alertDanger(msg?: string): string {
  return msg ? `<div class="alert alert-danger">${esc(msg)}</div>` : '';
}

function tokenField(s: Session): string {
  return `<input type="hidden" name="authenticityToken" value="${s.token}">`;
}

// ---------------------------------------------------------------- pages

function homePage(l: LpseDef): string {
  const B = l.basePath;
  const rows = tendersFor(l)
    .map(
      (t, i) => `        <tr>
            <td>${i + 1}</td>
            <td><a href="${B}/lelang/${t.kode}/pengumumanlelang" target="_blank">${esc(t.nama)}</a><br><small class="text-muted">${esc(t.kategori)}</small></td>
            <td class="table-hps">${esc(t.hps)}</td>
            <td class="center">${esc(t.akhir)}</td>
        </tr>`,
    )
    .join('\n');
  const main = `<!-- reconstructed: no capture of a public SPSE 4.5 home exists (spse-pages.md §2.1, §9); the #login trigger
     and its loader script are real (jadwal_debug.html), the tender table is the simulator's (#tbllelang id as used
     by smallest87/LPSE-Table-Scraper on the listing page) -->
<div class="row">
  <div class="col-md-8">
    <div class="card mb-3">
      <div class="card-header"><a href="${B}/lelang">Tender &raquo;</a></div>
      <table class="table table-sm mb-0" id="tbllelang">
        <thead><tr><th width="5%">No</th><th>Nama Paket</th><th width="120">HPS</th><th width="170">Akhir Pendaftaran</th></tr></thead>
        <tbody>
${rows}
        </tbody>
      </table>
    </div>
  </div>
  <div class="col-md-4">
    <div class="list-group">
      <a href="${B}/berita" class="list-group-item active">Pengumuman dan Berita &raquo;</a>
      <a href="${B}/berita" class="list-group-item">Jadwal pemeliharaan server SPSE</a>
      <a href="${B}/berita" class="list-group-item">Sosialisasi SPSE 4.5 bagi Pelaku Usaha</a>
    </div>
  </div>
</div>`;
  return layout(l, { title: 'Beranda', main });
}

function lelangPage(l: LpseDef): string {
  const B = l.basePath;
  const rows = tendersFor(l)
    .map(
      (t) =>
        `<tr><td>${esc(t.kode)}</td><td><a href="${B}/lelang/${t.kode}/pengumumanlelang">${esc(t.nama)}</a></td><td>${esc(t.kategori)}</td><td>${esc(t.hps)}</td></tr>`,
    )
    .join('\n');
  const main = `<ul class="nav nav-tabs" id="tabs"><li class="nav-item"><a class="nav-link active" href="${B}/lelang">Tender</a></li><li class="nav-item"><a class="nav-link" href="${B}/nontender">Non Tender</a></li></ul>
<table class="table table-sm table-striped" id="tbllelang"><thead><tr><th>Kode</th><th>Nama Paket</th><th>Kategori</th><th>HPS</th></tr></thead><tbody>
${rows}
</tbody></table>`;
  return layout(l, { title: 'Cari Paket', main });
}

function beritaPage(l: LpseDef): string {
  // Deliberate negative: a news item that merely talks about ADP activation is not an activation page.
  const main = `<h4>Berita</h4>
<div class="list-group">
  <div class="list-group-item"><small class="text-muted">02 Maret 2026</small><br><strong>Jadwal pemeliharaan server SPSE</strong><p class="mb-0">Layanan SPSE tidak dapat diakses pada Sabtu pukul 22.00 - 24.00 WIB.</p></div>
  <div class="list-group-item"><small class="text-muted">14 Januari 2026</small><br><strong>Himbauan Aktivasi Agregasi Data Penyedia (ADP)</strong><p class="mb-0">Penyedia yang belum melakukan aktivasi ADP dihimbau melakukan aktivasi di LPSE tempat mendaftar agar User ID dapat digunakan di LPSE lain.</p></div>
</div>`;
  return layout(l, { title: 'Berita', main });
}

function selectTypeFragment(l: LpseDef): string {
  const B = l.basePath;
  return `<!-- reconstructed: the real fragment was not captured; it holds <button>s whose text includes "PENYEDIA"
     and "NON PENYEDIA" (asisten-pokja spse_login.py), the .button1 width rule sits in the real menu markup -->
<div class="text-center" id="selecttype">
    <button type="button" class="btn btn-primary button1" id="btnPenyedia" onclick="window.location.href='${B}/login/penyedia'">PENYEDIA</button>
    <br><br>
    <button type="button" class="btn btn-outline-primary button1" id="btnNonPenyedia" onclick="window.location.href='${B}/login/nonpenyedia'">NON PENYEDIA</button>
    <br><br>
</div>
`;
}

function userIdPage(l: LpseDef, s: Session, type: 'penyedia' | 'non-penyedia', error?: string, userId = ''): string {
  const B = l.basePath;
  const action = type === 'penyedia' ? `${B}/login/penyedia` : `${B}/login/nonpenyedia`;
  const heading = type === 'penyedia' ? 'Login Penyedia' : 'Login Non Penyedia';
  const main = `<!-- reconstructed: User ID step of the 4.5 login (spse-pages.md §2.1 step 3: input[name='txtUserId'] and
     button[type='submit']; PUPR guide "Input User ID dan klik button Login"). Action/method not captured: POST to the
     same path assumed (Play framework). -->
<div class="card login-box">
  <div class="card-header"><h5 class="mb-0">${heading}</h5></div>
  <div class="card-body">
    ${alertDanger(error)}
    <form method="post" action="${action}" id="formLogin">
      ${tokenField(s)}
      <div class="form-group">
        <label for="txtUserId">User ID</label>
        <input type="text" class="form-control" id="txtUserId" name="txtUserId" value="${esc(userId)}" placeholder="User ID" autocomplete="username" autofocus>
      </div>
      <button type="submit" class="btn btn-primary btn-block">Login</button>
    </form>
    <p class="mt-3 mb-0 small"><a href="${B}/user/lupapassword">Lupa Password?</a></p>
  </div>
</div>`;
  return layout(l, { title: heading, main });
}

function loginPassPage(l: LpseDef, s: Session, error?: string): string {
  const B = l.basePath;
  const back = s.userType === 'non-penyedia' ? `${B}/login/nonpenyedia` : `${B}/login/penyedia`;
  const main = `<!-- reconstructed: the loginpass page was not captured; ids #txtPassword, #txtCode, img[src*='showcaptcha'],
     the "klik di sini" refresh link, button[type='submit'] and the .alert-danger error container come from
     asisten-pokja spse_login.py (spse-pages.md §2.1 step 4). -->
<div class="card login-box">
  <div class="card-header"><h5 class="mb-0">Login</h5></div>
  <div class="card-body">
    ${alertDanger(error)}
    <form method="post" action="${B}/loginpass" id="formLoginPass">
      ${tokenField(s)}
      <div class="form-group">
        <label>User ID</label>
        <div class="form-control-plaintext font-weight-bold" id="userIdLogin">${esc(s.pendingUserId ?? '')}</div>
        <small><a href="${back}">Ganti User ID</a></small>
      </div>
      <div class="form-group">
        <label for="txtPassword">Password</label>
        <input type="password" class="form-control" id="txtPassword" name="txtPassword" autocomplete="current-password" autofocus>
      </div>
      <div class="form-group">
        <label for="txtCode">Kode Keamanan</label>
        <div class="mb-1"><img id="captchaImage" src="${B}/showcaptcha?uuid=${hex(8)}" alt="captcha" width="160" height="50"></div>
        <small>Gambar tidak terbaca? <a href="#" id="refreshCaptcha">klik di sini</a></small>
        <input type="text" class="form-control" id="txtCode" name="txtCode" autocomplete="off" placeholder="Masukkan kode di atas">
      </div>
      <button type="submit" class="btn btn-primary btn-block">Login</button>
    </form>
  </div>
</div>`;
  const scripts = `<script type="text/javascript">
  document.getElementById('refreshCaptcha').addEventListener('click', function (e) {
    e.preventDefault();
    document.getElementById('captchaImage').src = '${B}/showcaptcha?uuid=' + Date.now();
  });
</script>`;
  return layout(l, { title: 'Login', main, scripts });
}

function otpPage(l: LpseDef, s: Session, error?: string): string {
  const B = l.basePath;
  const main = `<!-- reconstructed: 2FA step; "Security Code" from the Android app "SPSE Authenticator" (PUPR TOTP guide,
     spse-pages.md §2.1 step 5). Field name txtOtp is the simulator's. -->
<div class="card login-box">
  <div class="card-header"><h5 class="mb-0">Security Code</h5></div>
  <div class="card-body">
    ${alertDanger(error)}
    <p>Masukkan Security Code yang tampil pada aplikasi <strong>SPSE Authenticator</strong> untuk User ID
       <strong>${esc(s.otpUserId ?? '')}</strong>.</p>
    <form method="post" action="${B}/login/otp" id="formOtp">
      ${tokenField(s)}
      <div class="form-group">
        <label for="txtOtp">Security Code</label>
        <input type="text" class="form-control" id="txtOtp" name="txtOtp" inputmode="numeric" maxlength="6" autocomplete="one-time-code" autofocus>
      </div>
      <button type="submit" class="btn btn-primary btn-block">Verifikasi</button>
    </form>
  </div>
</div>`;
  return layout(l, { title: 'Security Code', main });
}

// ---------------------------------------------------------------- router

export async function handleSpse45(ctx: Ctx, l: LpseDef, env: SiteEnv): Promise<void> {
  const B = l.basePath;
  const rest = ctx.path === B ? '/' : ctx.path.slice(B.length); // starts with '/'
  const { sessions, state } = env;
  const get = ctx.method === 'GET' || ctx.method === 'HEAD';
  const post = ctx.method === 'POST';

  // static assets
  if (get && rest.startsWith('/public/')) return serveAsset45(ctx, rest);

  if (get && rest === '/') return sendHtml(ctx, 200, homePage(l));
  if (get && rest === '/lelang') return sendHtml(ctx, 200, lelangPage(l));
  if (get && rest === '/berita') return sendHtml(ctx, 200, beritaPage(l));
  if (get && rest === '/publik/selecttype') return sendHtml(ctx, 200, selectTypeFragment(l));

  if (rest === '/login/penyedia' || rest === '/login/nonpenyedia') {
    const type = rest === '/login/penyedia' ? 'penyedia' : 'non-penyedia';
    if (get) {
      const s = sessions.getOrCreate(ctx, l);
      return sendHtml(ctx, 200, userIdPage(l, s, type));
    }
    if (post) {
      const s = sessions.get(ctx, l);
      const userId = (ctx.form.get('txtUserId') ?? '').trim();
      if (!s || ctx.form.get('authenticityToken') !== s.token) {
        const fresh = sessions.create(ctx, l);
        return sendHtml(ctx, 200, userIdPage(l, fresh, type, MSG.sessionExpired, userId));
      }
      if (!userId) return sendHtml(ctx, 200, userIdPage(l, s, type, MSG.emptyUserId));
      s.userType = type;
      s.pendingUserId = userId.toUpperCase();
      s.captcha = newCaptchaCode();
      return redirect(ctx, `${B}/loginpass`);
    }
  }

  if (get && rest === '/showcaptcha') {
    const s = sessions.getOrCreate(ctx, l);
    s.captcha = newCaptchaCode();
    return sendBody(ctx, 200, 'image/svg+xml', captchaSvg(s.captcha));
  }

  if (rest === '/loginpass') {
    const s = sessions.get(ctx, l);
    // "SPSE kembali ke beranda tanpa sesi" (spse-pages.md §2.1 step 4)
    if (!s || !s.pendingUserId) return redirect(ctx, `${B}/`);
    if (get) return sendHtml(ctx, 200, loginPassPage(l, s));
    if (post) {
      if (ctx.form.get('authenticityToken') !== s.token) return sendHtml(ctx, 200, loginPassPage(l, s, MSG.sessionExpired));
      const password = ctx.form.get('txtPassword') ?? '';
      const code = (ctx.form.get('txtCode') ?? '').trim();
      if (!code) return sendHtml(ctx, 200, loginPassPage(l, s, MSG.emptyCaptcha));
      if (!password) return sendHtml(ctx, 200, loginPassPage(l, s, MSG.emptyPassword));
      if (s.userType === 'non-penyedia') return sendHtml(ctx, 200, loginPassPage(l, s, MSG.badCredentials));
      const outcome = decideLogin(state, l, s.pendingUserId, password);
      if (outcome.kind === 'bad-credentials') return sendHtml(ctx, 200, loginPassPage(l, s, MSG.badCredentials));
      const ns = sessions.create(ctx, l); // new session id after authentication
      if (outcome.kind === 'logged-in' && outcome.account.otp) {
        ns.otpUserId = outcome.account.userId;
        ns.otpLocal = outcome.local;
        return redirect(ctx, `${B}/login/otp`);
      }
      applyOutcome(ns, outcome);
      return redirect(ctx, `${B}/home`);
    }
  }

  if (rest === '/login/otp') {
    const s = sessions.get(ctx, l);
    if (!s || !s.otpUserId) return redirect(ctx, `${B}/`);
    if (get) return sendHtml(ctx, 200, otpPage(l, s));
    if (post) {
      if (ctx.form.get('authenticityToken') !== s.token) return sendHtml(ctx, 200, otpPage(l, s, MSG.sessionExpired));
      if ((ctx.form.get('txtOtp') ?? '').trim() !== OTP_CODE) return sendHtml(ctx, 200, otpPage(l, s, MSG.badOtp));
      s.userId = s.otpUserId;
      s.local = s.otpLocal;
      s.view = 'dashboard';
      delete s.otpUserId;
      return redirect(ctx, `${B}/home`);
    }
  }

  if (get && rest === '/home') return homeView(ctx, l, env);

  if (post && (rest === '/aktivasi' || rest === '/aktivasi/tunda')) {
    return activationPost(ctx, l, env, rest === '/aktivasi/tunda');
  }

  if (rest === '/logout' && (post || get)) {
    sessions.destroy(ctx, l);
    return redirect(ctx, `${B}/`);
  }

  return sendHtml(ctx, 404, layout(l, { title: 'Halaman Tidak Ditemukan', main: notFoundBody() }));
}

/** Stores the result of a successful credential check in a (new) session. */
export function applyOutcome(s: Session, outcome: Exclude<LoginOutcome, { kind: 'bad-credentials' }>): void {
  switch (outcome.kind) {
    case 'logged-in':
      s.userId = outcome.account.userId;
      s.local = outcome.local;
      s.view = 'dashboard';
      break;
    case 'activation':
      s.userId = outcome.account.userId;
      s.local = true;
      s.view = 'activation';
      break;
    case 'non-active':
      s.view = 'non-active';
      s.noticeUserId = outcome.account.userId;
      s.noticeReplacement = outcome.replacement;
      break;
    case 'admin-notice':
      s.view = 'admin-notice';
      s.noticeUserId = outcome.account.userId;
      break;
  }
}

/** How a generation dresses the pages after login (its layout, its form's hidden field, its frame). */
export interface HomeLook {
  layout: (l: LpseDef, p: { title: string; account?: AccountDef; main: string }) => string;
  activationHidden: (s: Session) => string;
  /** Wraps a page's main part (SPSE 3.x puts it in `div.border` with a `header1` heading). */
  frame?: (main: string, heading?: string) => string;
}

/** `B/home` after a login, shared by every generation: the outcome the login left in the session. */
export function homeView(ctx: Ctx, l: LpseDef, env: SiteEnv, look: HomeLook = { layout, activationHidden: tokenField }): void {
  const B = l.basePath;
  const frame = look.frame ?? ((main: string) => main);
  const s = env.sessions.get(ctx, l);
  const denied = (): void => sendHtml(ctx, 403, look.layout(l, { title: 'Terjadi Kesalahan', main: sessionExpiredBody() }));
  if (!s || !s.view) return denied();
  if (s.view === 'non-active') {
    return sendHtml(ctx, 200, look.layout(l, {
      title: 'Akses Ditolak',
      main: nonActiveBody(l, s.noticeUserId ?? '', s.noticeReplacement ?? '', `${B}/`),
    }));
  }
  if (s.view === 'admin-notice') {
    const a = findAccount(s.noticeUserId ?? '');
    if (!a) return denied();
    return sendHtml(ctx, 200, look.layout(l, { title: 'Pemberitahuan', main: adminNoticeBody(l, a, `${B}/`) }));
  }
  const a = findAccount(s.userId ?? '');
  if (!a) return denied();
  const flash = s.flash;
  delete s.flash;
  if (s.view === 'activation') {
    return sendHtml(ctx, 200, look.layout(l, {
      title: 'Aktivasi Agregasi Data Penyedia',
      account: a,
      main: frame(activationBody(l, a, look.activationHidden(s), { activate: `${B}/aktivasi`, postpone: `${B}/aktivasi/tunda` }, flash)),
    }));
  }
  return sendHtml(ctx, 200, look.layout(l, { title: 'Beranda Penyedia', account: a, main: frame(dashboardBody(l, a, s.local ?? true, flash), 'Beranda Penyedia') }));
}

/** Shared by 4.5 and 4.x: POST aktivasi / aktivasi/tunda. */
export function activationPost(ctx: Ctx, l: LpseDef, env: SiteEnv, postpone: boolean, checkToken = true): void {
  const B = l.basePath;
  const s = env.sessions.get(ctx, l);
  if (!s || s.view !== 'activation' || !s.userId) return redirect(ctx, `${B}/home`);
  if (checkToken && ctx.form.get('authenticityToken') !== s.token) return redirect(ctx, `${B}/home`);
  const a = findAccount(s.userId);
  if (!a) return redirect(ctx, `${B}/home`);
  if (postpone) {
    s.view = 'dashboard';
    return redirect(ctx, `${B}/home`);
  }
  if (ctx.form.get('setuju') !== 'true') {
    s.flash = MSG.mustAgree;
    return redirect(ctx, `${B}/home`);
  }
  env.state.activate(a);
  s.view = 'dashboard';
  s.flash = `Aktivasi berhasil. User ID ${a.userId} sekarang dapat digunakan untuk login di seluruh LPSE yang teragregasi.`;
  return redirect(ctx, `${B}/home`);
}

/** /public/... assets shared by 4.5 and 4.x shells. */
export function serveAsset45(ctx: Ctx, rest: string, appCss = SPSE45_APP_CSS): void {
  const v = vendor();
  switch (rest) {
    case '/public/js/jquery.min.js':
      return sendBody(ctx, 200, 'application/javascript; charset=utf-8', v.jquery, true);
    case '/public/js/bootstrap.bundle.min.js':
      return sendBody(ctx, 200, 'application/javascript; charset=utf-8', v.bootstrapJs, true);
    case '/public/css/bootstrap.min.css':
      return sendBody(ctx, 200, 'text/css; charset=utf-8', v.bootstrapCss, true);
    case '/public/css/application.css':
      return sendBody(ctx, 200, 'text/css; charset=utf-8', appCss, true);
    default:
      break;
  }
  if (rest.startsWith('/public/images/')) {
    if (rest.endsWith('.svg')) return sendBody(ctx, 200, 'image/svg+xml', LOGO_SVG, true);
    if (rest.endsWith('.png') || rest.endsWith('.ico')) return sendBody(ctx, 200, 'image/png', TINY_PNG, true);
  }
  return sendBody(ctx, 404, 'text/plain; charset=utf-8', 'Not found');
}
