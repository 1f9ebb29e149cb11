/**
 * SPSE 3.x (Tapestry 5) on an LPSE's own host under /eproc: "LOGIN PENYEDIA" button on the home page, the
 * "Login Sebagai Penyedia" form (fields `userid`, `password`, hidden `t:formdata`; POST /eproc/login.loginform),
 * Tapestry-style error box (div.t-error). No captcha, no 2FA, no authenticityToken (Tapestry has t:formdata).
 */
import { type Ctx, SPSE3X_DEFAULT_CSS, esc, fill, hex, nowId, redirect, sendBody, sendHtml, template } from './common.js';
import {
  MSG,
  helpdeskBlock,
  notFoundBody,
  tendersFor,
} from './content.js';
import { type AccountDef, type LpseDef, decideLogin } from './data.js';
import { type SiteEnv, activationPost, applyOutcome, homeView } from './spse45.js';

interface Page3x {
  title: string;
  main: string;
  account?: AccountDef;
}

function layout(l: LpseDef, p: Page3x): string {
  const B = l.basePath;
  const userbar = p.account
    ? `<!-- reconstructed: logged-in user line of SPSE 3.x (not captured) --><div id="userbar"><b>${esc(p.account.userId)}</b> - ${esc(p.account.penyedia)} (Penyedia) | <a href="${B}/logout" id="logout">Logout</a></div>`
    : '';
  return fill(template('spse3x-layout.html'), {
    LPSE_KEY: esc(l.key),
    TITLE: p.title ? `${esc(l.name)} - ${esc(p.title)}` : esc(l.name),
    B,
    USERBAR: userbar,
    MAIN: p.main,
    NOW: `${nowId(7)} WIB`,
  });
}

/** Tapestry 5 form error banner. */
function tError(msg?: string): string {
  return msg
    ? `<div class="t-error"><div class="t-banner">Anda harus memperbaiki kesalahan berikut sebelum melanjutkan.</div><ul><li>${esc(msg)}</li></ul></div>`
    : '';
}

function formdata(): string {
  return `<div class="t-invisible"><input value="${hex(20)}:H4sIAAAAAAAAAFvzloG1nJ+B1yc1JzEv3ao4NSc1" name="t:formdata" type="hidden"></input></div>`;
}

function homePage(l: LpseDef): string {
  const B = l.basePath;
  const rows = tendersFor(l)
    .map(
      (t, i) =>
        `<tr class="horizLineTop${i === 0 ? ' t-first' : ''}"><td class="lls_id">${i + 1}</td><td class="pkt_nama"><b><a width="600" class="jpopup" height="400" href="${B}/lelang/view/${t.kode}">${esc(t.nama)}</a></b><br/><div class="list"><span style="padding:2px;width:60px;">Kategori</span><span>:</span><span>${esc(t.kategori)}</span></div></td><td class="pkt_hps"><span align="right" style="white-space:nowrap;">${esc(t.hps)}</span></td></tr>`,
    )
    .join('');
  return layout(l, {
    title: '',
    main: `<!-- reconstructed: home page with the "LOGIN PENYEDIA" button (Scribd 330226927, LPSE Kepahiang 3.x guide:
     "LOGIN PENYEDIA" opens "form Login Sebagai Penyedia" with "LUPA PASSWORD"); list markup copied from the 3.5 page -->
<div class="border"><div class="header1">Selamat Datang di ${esc(l.name)}</div>
<p><a class="button" id="btnLoginPenyedia" href="${B}/login">LOGIN PENYEDIA</a> &nbsp; <a class="button" href="${B}/daftar">PENDAFTARAN PENYEDIA</a></p></div>
<div class="border"><div class="header1">Lelang</div><div class="t-data-grid"><table width="100%" class="t-data-grid"><thead><tr><th class="lls_id t-first">No</th><th class="pkt_nama">Nama Lelang</th><th class="pkt_hps t-last">HPS</th></tr></thead><tbody>${rows}</tbody></table></div></div>`,
  });
}

function loginPage(l: LpseDef, error?: string, userId = ''): string {
  const B = l.basePath;
  return layout(l, {
    title: 'Login Penyedia',
    main: `<!-- reconstructed: "form Login Sebagai Penyedia" with "LUPA PASSWORD" (Scribd 330226927); field names userid /
     password and the Tapestry event URL login.loginform are the simulator's choice -->
<div class="border"><div class="header1">Login Sebagai Penyedia</div>
${tError(error)}
<form onsubmit="javascript:return true;" action="${B}/login.loginform" method="post" id="loginForm">${formdata()}
<table class="form">
<tr><td><label for="userid">User ID</label></td><td><input id="userid" name="userid" type="text" value="${esc(userId)}" autocomplete="username"></input></td></tr>
<tr><td><label for="password">Password</label></td><td><input id="password" name="password" type="password" autocomplete="current-password"></input></td></tr>
<tr><td></td><td><input type="submit" value="Login" id="btnLogin"></input></td></tr>
</table>
</form>
<p><a href="${B}/lupapassword">LUPA PASSWORD</a></p>
</div>`,
  });
}

export async function handleSpse3x(ctx: Ctx, l: LpseDef, env: SiteEnv): Promise<void> {
  const B = l.basePath;
  const rest = ctx.path === B ? '/' : ctx.path.slice(B.length);
  const { sessions, state } = env;
  const get = ctx.method === 'GET' || ctx.method === 'HEAD';
  const post = ctx.method === 'POST';

  if (get && rest.startsWith('/assets/')) {
    if (rest.endsWith('.css')) return sendBody(ctx, 200, 'text/css; charset=utf-8', SPSE3X_DEFAULT_CSS, true);
    return sendBody(ctx, 404, 'text/plain; charset=utf-8', 'Not found');
  }
  if (get && rest === '/') return sendHtml(ctx, 200, homePage(l));
  if (get && rest === '/kontak') {
    return sendHtml(ctx, 200, layout(l, {
      title: 'Kontak Kami',
      main: `<!-- reconstructed: /eproc/kontak is linked from the real 3.5 menu; contacts are fictitious -->
<div class="border"><div class="header1">Kontak Kami</div>${helpdeskBlock(l)}</div>`,
    }));
  }
  if (get && rest === '/login') return sendHtml(ctx, 200, loginPage(l));
  if (post && rest === '/login.loginform') {
    const userId = (ctx.form.get('userid') ?? '').trim();
    const password = ctx.form.get('password') ?? '';
    if (!userId) return sendHtml(ctx, 200, loginPage(l, MSG.emptyUserId));
    if (!password) return sendHtml(ctx, 200, loginPage(l, MSG.emptyPassword, userId));
    const outcome = decideLogin(state, l, userId, password);
    if (outcome.kind === 'bad-credentials') return sendHtml(ctx, 200, loginPage(l, MSG.badCredentials, userId));
    applyOutcome(sessions.create(ctx, l), outcome);
    return redirect(ctx, `${B}/home`);
  }
  if (get && rest === '/home') {
    return homeView(ctx, l, env, {
      layout,
      activationHidden: () => formdata(),
      frame: (main, heading) => `<div class="border">${heading ? `<div class="header1">${heading}</div>` : ''}${main}</div>`,
    });
  }
  if (post && (rest === '/aktivasi' || rest === '/aktivasi/tunda')) {
    return activationPost(ctx, l, env, rest === '/aktivasi/tunda', false);
  }
  if (rest === '/logout' && (get || post)) {
    sessions.destroy(ctx, l);
    return redirect(ctx, `${B}/`);
  }
  return notFound(ctx, l);
}

export function notFound(ctx: Ctx, l: LpseDef): void {
  return sendHtml(ctx, 404, layout(l, { title: 'Halaman Tidak Ditemukan', main: `<div class="border">${notFoundBody()}</div>` }));
}
