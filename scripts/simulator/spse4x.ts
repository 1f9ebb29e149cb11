/**
 * SPSE 4.0–4.4 on an LPSE's own host under /eproc4: one-form login (POST /eproc4/login with txtUserId,
 * txtPassword, isRekanan, authenticityToken), no captcha, no 2FA.
 */
import { type Ctx, SPSE4X_APP_CSS, esc, fill, nowId, redirect, sendHtml, template } from './common.js';
import {
  MSG,
  helpdeskBlock,
  notFoundBody,
  tendersFor,
} from './content.js';
import { type AccountDef, type LpseDef, decideLogin } from './data.js';
import type { Session } from './sessions.js';
import { type SiteEnv, activationPost, applyOutcome, homeView, serveAsset45 } from './spse45.js';

function publicMenu(B: string, withModal: boolean): string {
  const login = withModal
    ? `<a class="nav-link" id="login" href="${B}/login" data-toggle="modal" data-target="#loginModal">LOGIN</a>`
    : `<a class="nav-link" id="login" href="${B}/login">LOGIN</a>`;
  return `<nav class="navbar navbar-expand-lg navbar-custom">
    <div class="container-fluid">
        <ul class="navbar-nav">
            <li class="nav-item"><a class="nav-link" href="${B}/">BERANDA</a></li>
            <li class="nav-item"><a class="nav-link" href="${B}/lelang">CARI PAKET</a></li>
            <li class="nav-item"><a class="nav-link" href="${B}/publik/regulasi">REGULASI</a></li>
            <li class="nav-item"><a class="nav-link" href="${B}/publik/kontenkhusus">KONTEN KHUSUS</a></li>
            <li class="nav-item"><a class="nav-link" href="${B}/publik/daftarhitam">DAFTAR HITAM</a></li>
            <li class="nav-item"><a class="nav-link" href="${B}/publik/kontakkami">KONTAK KAMI</a></li>
        </ul>
        <ul class="navbar-nav ml-auto">
            <li class="nav-item"><a class="nav-link" href="${B}/rekanan/daftar">Daftar Penyedia</a></li>
            <li class="nav-item">${login}</li>
        </ul>
    </div>
</nav>`;
}

function penyediaMenu(B: string, a: AccountDef): string {
  return `<nav class="navbar navbar-expand-lg navbar-custom">
    <div class="container-fluid">
        <ul class="navbar-nav">
            <li class="nav-item"><a class="nav-link" href="${B}/home">BERANDA</a></li>
            <li class="nav-item"><a class="nav-link" href="${B}/rekanan/identitas">DATA PENYEDIA</a></li>
            <li class="nav-item"><a class="nav-link" href="${B}/lelang/baru">TENDER BARU</a></li>
            <li class="nav-item"><a class="nav-link" href="${B}/rekanan/inbox">INBOX</a></li>
            <li class="nav-item"><a class="nav-link" href="${B}/user/loguser">LOG AKSES</a></li>
            <li class="nav-item"><a class="nav-link" href="${B}/user/gantipassword">GANTI PASSWORD</a></li>
        </ul>
        <ul class="navbar-nav ml-auto">
            <li class="nav-item"><a class="nav-link" id="logout" href="#"><i class="fa fa-power-off"></i> LOGOUT</a></li>
        </ul>
    </div>
</nav>
<div class="submenu container-fluid py-1 small">
    <div class="float-right"><span title="[${esc(a.userId)}] - ${esc(a.npwp)}"><a href="${B}/user/viewuser" class="dialog" title="Detail Infomasi Pengguna">${esc(a.penyedia)}</a> - Penyedia</span></div>
    <div>&nbsp;</div>
</div>`;
}

function loginForm(B: string, s: Session, idSuffix: string, error?: string, userId = ''): string {
  return `${error ? `<div class="alert alert-danger">${esc(error)}</div>` : ''}
    <form method="post" action="${B}/login" id="formLogin${idSuffix}">
      <input type="hidden" name="authenticityToken" value="${s.token}">
      <div class="form-group">
        <label for="txtUserId${idSuffix}">User ID</label>
        <input type="text" class="form-control" id="txtUserId${idSuffix}" name="txtUserId" value="${esc(userId)}" autocomplete="username">
      </div>
      <div class="form-group">
        <label for="txtPassword${idSuffix}">Password</label>
        <input type="password" class="form-control" id="txtPassword${idSuffix}" name="txtPassword" autocomplete="current-password">
      </div>
      <div class="form-group">
        <div class="custom-control custom-radio custom-control-inline">
          <input type="radio" class="custom-control-input" id="isRekananTrue${idSuffix}" name="isRekanan" value="true" checked>
          <label class="custom-control-label" for="isRekananTrue${idSuffix}">Penyedia</label>
        </div>
        <div class="custom-control custom-radio custom-control-inline">
          <input type="radio" class="custom-control-input" id="isRekananFalse${idSuffix}" name="isRekanan" value="false">
          <label class="custom-control-label" for="isRekananFalse${idSuffix}">Non Penyedia</label>
        </div>
      </div>
      <button type="submit" class="btn btn-primary btn-block">Login</button>
      <p class="mt-2 mb-0 small"><a href="${B}/user/lupapassword">Lupa Password?</a></p>
    </form>`;
}

interface Page4x {
  title: string;
  main: string;
  account?: AccountDef;
  loginModal?: string;
}

function layout(l: LpseDef, p: Page4x): string {
  const B = l.basePath;
  return fill(template('spse4x-layout.html'), {
    LPSE_KEY: esc(l.key),
    TITLE: `${esc(l.name)}  - ${esc(p.title)} `,
    B,
    MENU: p.account ? penyediaMenu(B, p.account) : publicMenu(B, p.loginModal !== undefined),
    MAIN: p.main,
    LOGOUT_FORM: p.account ? `<form id="formLogout" action="${B}/logout" method="post"></form>` : '',
    NOW: nowId(7),
    TZ: l.tz,
    LOGIN_MODAL: p.loginModal ?? '',
    SCRIPTS: '',
  });
}

function homePage(l: LpseDef, s: Session): string {
  const B = l.basePath;
  const rows = tendersFor(l)
    .map(
      (t, i) => `<tr><td class="text-center">${i + 1}</td><td><a href="${B}/lelang/${t.kode}/pengumumanlelang" target="_blank">${esc(t.nama)}</a></td><td class="table-hps">${esc(t.hps)}</td><td class="center">${esc(t.akhir)}</td></tr>`,
    )
    .join('\n');
  const main = `<div class="row">
  <div class="col-md-8">
    <div class="card mb-3">
      <div class="card-header bg-primary"><a class="text-white" href="${B}/lelang">Tender &raquo;</a></div>
      <table class="table table-sm mb-0"><thead><tr><th width="5%">No</th><th>Nama Paket</th><th width="120">HPS</th><th width="170">Akhir Pendaftaran</th></tr></thead>
      <tbody>
${rows}
      </tbody></table>
    </div>
  </div>
  <div class="col-md-4">
    <div class="list-group">
      <a href="${B}/pengumuman" class="list-group-item active">Pengumuman dan Berita &raquo;</a>
      <a href="${B}/pengumuman" class="list-group-item">Jadwal pemeliharaan server</a>
    </div>
  </div>
</div>`;
  const modal = `<div class="modal fade" id="loginModal" tabindex="-1" role="dialog" aria-labelledby="loginModalTitle" aria-hidden="true">
  <div class="modal-dialog modal-dialog-centered" role="document">
    <div class="modal-content">
      <div class="modal-header">
        <h5 class="modal-title" id="loginModalTitle">Login</h5>
        <button type="button" class="close" data-dismiss="modal" aria-label="Close"><span aria-hidden="true">&times;</span></button>
      </div>
      <div class="modal-body">
${loginForm(B, s, 'Modal')}
      </div>
    </div>
  </div>
</div>`;
  return layout(l, { title: 'Beranda', main, loginModal: modal });
}

function loginPage(l: LpseDef, s: Session, error?: string, userId = ''): string {
  const main = `<div class="card" style="max-width:460px;margin:20px auto;">
  <div class="card-header"><h5 class="mb-0">Login</h5></div>
  <div class="card-body">
${loginForm(l.basePath, s, '', error, userId)}
  </div>
</div>`;
  return layout(l, { title: 'Login', main });
}

export async function handleSpse4x(ctx: Ctx, l: LpseDef, env: SiteEnv): Promise<void> {
  const B = l.basePath;
  const rest = ctx.path === B ? '/' : ctx.path.slice(B.length);
  const { sessions, state } = env;
  const get = ctx.method === 'GET' || ctx.method === 'HEAD';
  const post = ctx.method === 'POST';

  if (get && rest.startsWith('/public/')) return serveAsset45(ctx, rest, SPSE4X_APP_CSS);
  if (get && rest === '/') return sendHtml(ctx, 200, homePage(l, sessions.getOrCreate(ctx, l)));
  if (get && rest === '/publik/kontakkami') {
    const main = `<!-- reconstructed: contact page (path seen only in a SPSE 4.3 look-alike); contacts are fictitious -->
<h4>Kontak Kami</h4>
${helpdeskBlock(l)}`;
    return sendHtml(ctx, 200, layout(l, { title: 'Kontak Kami', main }));
  }

  if (rest === '/login') {
    if (get) return sendHtml(ctx, 200, loginPage(l, sessions.getOrCreate(ctx, l)));
    if (post) {
      const s = sessions.get(ctx, l);
      const userId = (ctx.form.get('txtUserId') ?? '').trim();
      const password = ctx.form.get('txtPassword') ?? '';
      if (!s || ctx.form.get('authenticityToken') !== s.token) {
        return sendHtml(ctx, 200, loginPage(l, sessions.create(ctx, l), MSG.sessionExpired, userId));
      }
      if (!userId) return sendHtml(ctx, 200, loginPage(l, s, MSG.emptyUserId));
      if (!password) return sendHtml(ctx, 200, loginPage(l, s, MSG.emptyPassword, userId));
      const isRekanan = ctx.form.get('isRekanan') ?? 'true';
      if (isRekanan !== 'true') return sendHtml(ctx, 200, loginPage(l, s, MSG.badCredentials, userId));
      const outcome = decideLogin(state, l, userId, password);
      if (outcome.kind === 'bad-credentials') return sendHtml(ctx, 200, loginPage(l, s, MSG.badCredentials, userId));
      applyOutcome(sessions.create(ctx, l), outcome);
      return redirect(ctx, `${B}/home`);
    }
  }

  if (get && rest === '/home') {
    return homeView(ctx, l, env, { layout, activationHidden: (s) => `<input type="hidden" name="authenticityToken" value="${s.token}">` });
  }

  if (post && (rest === '/aktivasi' || rest === '/aktivasi/tunda')) {
    return activationPost(ctx, l, env, rest === '/aktivasi/tunda');
  }

  if (rest === '/logout' && (post || get)) {
    sessions.destroy(ctx, l);
    return redirect(ctx, `${B}/`);
  }

  return notFound(ctx, l);
}

export function notFound(ctx: Ctx, l: LpseDef): void {
  return sendHtml(ctx, 404, layout(l, { title: 'Halaman Tidak Ditemukan', main: notFoundBody() }));
}
