/**
 * What SPSE pages are recognised by, kept as data, each with its evidence.
 * Texts are normalised (lowercase, single spaces) and matched as whole phrases.
 * Evidence tags follow docs/spse-pages.md: [V] verbatim in a source, [S] stated by a source,
 * [I] inferred. Inferred signals are only used together with a verified one.
 */
import { USER_ID_CHARS } from '../../spse/kinds';

export const signals = {
  /**
   * "Is this an SPSE page at all?" (spse-pages.md §3.7, §10). The address shape (lib/spse/site.ts) is
   * necessary, never sufficient: other systems live under `/eproc/` and `/eproc4/` too, and each kind of
   * evidence below is also found on pages that are not SPSE — companies' portals cite LKPP's regulations and
   * call themselves "Sistem Pengadaan Secara Elektronik" (§10), Play and Tapestry are general frameworks,
   * `txtUserId`/`txtPassword` are a common naming habit (ASP.NET, VB), "Beranda" and "Inbox" are every
   * portal's and webmail's menu, any page may tell people to call LKPP. So **no family alone decides**:
   *
   * RULE: a page at an address of SPSE's shape is SPSE when it carries evidence of at least
   * `threshold` (2) *different* families, and does not name itself as another system (`otherSystems`). Two
   * independent families together are what only SPSE's own template carries (every real page of
   * tests/fixtures/real/ has 2 or more, the 3.5 pop-ups exactly 2; a page only one family dresses is not
   * SPSE: tests/unit/variants.test.ts). Signals of one family never add up (three menu entries are one
   * menu). Path-scoped signals (`scoped`) count only when the asset sits under the page's own LPSE base path
   * (`/jakarta/public/…` on `spse.inaproc.id/jakarta`, `/eproc/assets/…` on `…/eproc`); framework signals
   * only at their generation's addresses (`generations`).
   *
   * Each signal: `id` (stable: `npm run classify -- --explain` and the misdetection report name it), the
   * evidence tag of its source ([V] verbatim, [S] stated, [I] inferred: spse-pages.md).
   */
  identity: {
    threshold: 2,
    /**
     * Texts, normalised (lowercase, single spaces); looked for in the noscript line, the footer, the title and
     * the page's last words, then (when still undecided) the page's text.
     */
    texts: [
      // product — the name and version in their variants
      { family: 'product', id: 'noscript-line', re: /\buntuk tampilan aplikasi spse yang lebih baik\b/ }, // [V] §3.7, every 4.5 page
      { family: 'product', id: 'spse-version', re: /\bspse\)?\s*(?:versi|version|ver\.?|v\.?)?\s*[2-9]\.\d{1,2}(?:\.\d+)?(?:\s*u\s*\d{6,8})?(?!\d|\.\d)/ }, // [V] §3.7 "SPSE v4.5u20250321"; [S] §11 "(SPSE) versi 4.4u…"
      { family: 'product', id: 'full-name-version', re: /\bsistem pengadaan secara elektronik\s*(?:\(spse\)\s*)?(?:versi|version|ver\.?|v\.?)\s*[2-9]\.\d{1,2}/ }, // [S] §11 "Sistem Pengadaan Secara Elektronik v3.5"
      { family: 'product', id: 'full-name-spse', re: /\bsistem pengadaan secara elektronik\s*\(\s*spse\s*\)/ }, // [S] §11; the bare name is no evidence (§10: other portals say it)
      { family: 'product', id: 'build-stamp', re: /\b[34]\.\d{1,2}u(?:20\d{6})\b/ }, // [V] §3.7 SPSE's build stamp `4.5u20250321`, also "4.3u20191009" [I]
      // lkpp-credit — LKPP named as the maker, in the credit's forms. LKPP's name alone is no credit: companies'
      // portals name or cite LKPP in their footers (§10; the simulator's vendor login does).
      { family: 'lkpp-credit', id: 'lkpp-copyright', re: /(?:©|\(c\)|copyright|hak cipta)(?:(?!peraturan|perpres|perlem|perka|sesuai|mengacu|berdasarkan|pedoman|ketentuan|regulasi)[^.|·•;!?]){0,80}?(?:\blkpp\b(?![@.])|\blembaga kebijakan pengadaan barang\s*(?:\/|dan|&)\s*jasa pemerintah)|(?:\blkpp\b|\blembaga kebijakan pengadaan barang\s*(?:\/|dan|&)\s*jasa pemerintah(?:\s*\(lkpp\))?)\s*©/ }, // [V] §3.7 "© 2006-2026 Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah (LKPP)"; [S] §11 "© … LKPP". A © and LKPP in one segment, no citation between: "© 2024 PT X. Sesuai Peraturan LKPP" is none
      { family: 'lkpp-credit', id: 'lkpp-developer', re: /\b(?:dikembangkan|dibangun|developed|powered)\s+(?:oleh|by)\s+(?:lkpp\b(?![@.])|lembaga kebijakan pengadaan)/ }, // [I] the credit worded as the developer
      // national-contacts — LKPP's national channels, in the 4.5 footer
      { family: 'national-contacts', id: 'call-center-144', re: /\bcall cent(?:er|re)\s*(?:lkpp\s*)?:?\s*144\b/ }, // [V] §5.1
      { family: 'national-contacts', id: 'lkpp-email', re: /\blayanan@lkpp\.go\.id\b/ }, // [V] §5.1
      { family: 'national-contacts', id: 'lkpp-whatsapp', re: /\b08\s?111\s?5577\s?09\b/ }, // [V] §5.1
    ],
    /** Generation assets and framework traces (`href`/`src` of the page's links, scripts and images; field names; the generator meta). */
    assets: [
      // product — SPSE names itself in its own files too (its logo, SPSE 3.x's asset bundle): the product's
      // names, not the framework's, so they count wherever the file is served from
      { family: 'product', id: 'spse-logo', re: /\/logo-spse[\w-]*\.(?:svg|png|jpe?g|gif|webp)\b/i }, // [V] §3.7 `/…/public/images/global/logo-spse.svg`
      { family: 'product', id: 'eproc-asset-bundle', re: /\/assets-eproc\//i }, // [V] herpiko 3.5 `/eproc/assets/<hash>/assets-eproc/default.css`
      // framework — each generation's own framework only (`generations`): SPSE 4.x and 4.5 are Play, 3.x is
      // Tapestry (§1.1); a Play app under `/eproc/` or a Tapestry one under `/eproc4/` is not SPSE's
      { family: 'framework', id: 'play-public-assets', re: /^(.*?)\/public\/(?:css|js|images|fonts|img)\//i, scoped: true, generations: ['4.5', '4.x'] }, // [V] §1.1 `/<slug>/public/…`, 4.x `/eproc4/public/…`
      { family: 'framework', id: 'tapestry-assets', re: /^(.*?)\/assets\/(?:[0-9a-f]{8,}|meta|stack|ctx)\//i, scoped: true, generations: ['3.x'] }, // [V] herpiko 3.5 `/eproc/assets/<hash>/…`
    ],
    /**
     * Counter-evidence: the page names itself (its title or main heading) as another system. LKPP's other
     * applications (SiRUP, e-Katalog, SiKAP, the INAPROC account: §1.3, §10) carry LKPP's credit and contacts
     * as SPSE does, so one more family dressed onto them would make two; their own name says they are not SPSE.
     */
    otherSystems: ['sirup', 'sistem informasi rencana umum pengadaan', 'katalog elektronik', 'e-katalog', 'ekatalog', 'sikap', 'sistem informasi kinerja penyedia', 'akun inaproc', 'manajemen akun terpusat', 'webmail', 'outlook', 'roundcube', 'zimbra', 'moodle', 'osticket', 'oss', 'simpeg', 'internet banking'],
    /** `<meta name="generator">` of Tapestry [S] §11. */
    generator: { family: 'framework', id: 'tapestry-generator', re: /\btapestry\b/i, generations: ['3.x'] },
    /** Field names, lowercased: framework traces and SPSE's own names. */
    fields: [
      { family: 'framework', id: 'play-authenticity-token', names: ['authenticitytoken'], generations: ['4.5', '4.x'] }, // [V] §2.1 step 7 Play's CSRF field
      { family: 'framework', id: 'tapestry-formdata', names: ['t:formdata'], generations: ['3.x'] }, // [V] herpiko 3.5 forms
      { family: 'framework', id: 'tapestry4-service', names: ['service', 'sp'], all: true, generations: ['3.x'] }, // [I] Tapestry 4 forms post `service` and `sp`
      { family: 'field-names', id: 'txtuserid', names: ['txtuserid'] }, // [S] §2.1 step 3, §2.2
      { family: 'field-names', id: 'txtpassword', names: ['txtpassword'] }, // [S] §2.1 step 4, §2.2
      { family: 'field-names', id: 'txtcode', names: ['txtcode'] }, // [S] §2.1 step 4
      { family: 'field-names', id: 'isrekanan', names: ['isrekanan'] }, // [S] §2.2
    ],
    /**
     * SPSE's menu entries (whole texts of the page's first links). The family holds with at least two entries of
     * which one is SPSE's own (`own`): "Beranda" and "Inbox" alone are any portal's or webmail's.
     */
    menu: {
      family: 'menu',
      own: ['cari paket', 'log akses', 'data penyedia', 'data pelaku usaha', 'data rekanan', 'daftar paket', 'inbox penyedia', 'inbox pelaku usaha', 'konten khusus', 'paket baru', 'tender baru', 'lelang baru'], // [V] §3.6 (DAFTAR PAKET, LOG AKSES); [S] §11 (CARI PAKET, DATA PENYEDIA / PELAKU USAHA / REKANAN); [V-TOC] §B4; 'konten khusus' [I] the corpus's 4.5 public menu
      common: ['beranda', 'inbox', 'regulasi', 'berita', 'kontak kami', 'ganti password', 'log out', 'logout', 'keluar', 'tender', 'non tender', 'pencatatan', 'lelang'], // [V] §3.6; [S] §B2 "KELUAR"
      minimum: 2,
    },
  },

  login: {
    /** User ID field: [S] §2.1.3 `txtUserId` (4.5), §2.2 (4.0–4.4). */
    userIdFields: ['txtuserid'],
    /** Password field: [S] §2.1.4 `#txtPassword`, §2.2. Only its presence is read, never its value. */
    passwordFields: ['txtpassword'],
    /** CAPTCHA text field: [S] §2.1.4 `#txtCode`. */
    captchaFields: ['txtcode'],
    /** 4.0–4.4 one-form login marks penyedia with `isRekanan`: [S] §2.2. */
    oneFormFields: ['isrekanan'],
    /** SPSE 3.x "Login Penyedia": field names not verified [I] §2.3; matched by the form's shape instead. */
    genericUserFieldPattern: /^(txt)?(user(_?id|name)?|userid|username|login|uid)$/i,
    /** 2FA code [S] §2.1.5 "Security Code" from "SPSE Authenticator"; field names [I]. */
    otpFieldPattern: /(otp|totp|securitycode|security_code|kodeotp|txtkode2fa|2fa)/i,
    otpTexts: ['security code', 'spse authenticator', 'kode otp', 'kode keamanan'],
    /** Chooser buttons [S] §2.1.2 "PENYEDIA" / "NON PENYEDIA", loaded into `#loginloader`. */
    chooserContainer: '#loginloader, .modal-body',
    chooserPenyedia: 'penyedia',
    chooserNonPenyedia: 'non penyedia',
    /**
     * SPSE's own LOGIN control on public pages: [S] §2.1 steps 1–2 the LOGIN trigger (opens the PILIH JENIS USER modal; its markup never captured)
     * of 4.5; [S] 4.x "klik menu login … akan pop up Login"; [S] 3.x "LOGIN PENYEDIA" button. Matched by its
     * whole text, so "Logout", "Lupa password" or a news link about login never count.
     */
    entrySelectors: '#login, #btnLoginPenyedia, a[href*="login" i], button[data-target*="login" i], a[data-target*="login" i]',
    entryText: /^(?:log\s?in|masuk)(?:\s+(?:sebagai\s+)?(?:penyedia|rekanan|pelaku usaha))?$/i,
  },

  loginFailed: {
    /** Error containers of the login pages: [S] §2.1.4 `.alert-danger, .alert-error, .error`. */
    alertSelectors: '.alert-danger, .alert-error, .error, .alert.alert-warning, [role="alert"], .t-error',
  },

  /** Prominent texts: where a page says what it is (sop.md: judge by the page's own alert or heading). */
  prominentSelectors:
    'h1, h2, h3, h4, h5, legend, .modal-title, .modal-body, .card-header, .card-title, .panel-heading, .header1, .alert, [role="alert"], .callout, .jumbotron, .notice',
  /**
   * Regions that are never the page's own message: the footer carries "Hubungi Kami" on every 4.5 page
   * [V]; the noscript line is an `.alert` on every 4.5 page [V]; news items only mention topics (sop.md).
   */
  ignoredRegions: 'footer, .footer, #footer, nav, .navbar, noscript, #myModal .modal-header, article, .berita, .news, .post, .list-berita',
  /**
   * Where the page's own message is not (sop.md: a topic only mentioned does not make the kind): besides the
   * regions above, SPSE 3.x's `#topmenu`, sidebars; and (lib/page/recognition/snapshot.ts) whatever is hidden. Listings are
   * left out by the scope.
   */
  notMainContent: 'footer, .footer, #footer, nav, .navbar, #topmenu, .topmenu, .menu, #menu, noscript, article, .berita, .news, .post, .list-berita, aside, .sidebar, .modal-header',
  /** Menus: [V] §3.6 top menu of 4.5 (`.topmenu`, `.navbar`), [V] 3.5 `#topmenu`. */
  menuSelectors: 'nav a, .navbar a, .topmenu a, #topmenu a, ul.nav a, .menurekanan a',

  activation: {
    /** [S] §3.1 manual titles "Aktivasi Agregasi Data Penyedia (ADP) Inaproc", "User ID Tunggal". */
    texts: ['aktivasi agregasi data penyedia', 'agregasi data penyedia', 'aktivasi adp', 'user id tunggal', 'aktivasi akun penyedia', 'aktivasi agregasi'],
    /** [V-TOC] §3.1 "Aktivasi … (ADP) Inaproc belum dapat Dilakukan": activation blocked, only the LPSE can help. */
    blockedTexts: ['belum dapat dilakukan', 'tidak dapat dilakukan', 'tidak dapat diproses'],
  },

  nonActive: {
    /**
     * A sentence saying this account is no longer active: a subject (the User ID, the account) and its state,
     * as whole phrases in one sentence. [V] §3.2 "User ID yang Anda gunakan saat ini sudah tidak aktif"; [S]
     * [S] §11 "… telah dinonaktifkan … Silakan login menggunakan User ID: X"; others [I] sop.md wording.
     * "Akses Ditolak!" alone is not it (§10: SPSE's firewall and an expired session say it too), nor a
     * session that is no longer active: without the subject nothing counts.
     */
    subjects: ['user id', 'userid', 'akun', 'account', 'akun penyedia', 'akun rekanan'],
    states: ['sudah tidak aktif', 'tidak aktif lagi', 'tidak aktif', 'non aktif', 'nonaktif', 'non-aktif', 'telah dinonaktifkan', 'sudah dinonaktifkan', 'dinonaktifkan', 'telah di-nonaktifkan'],
    /** Sentences that only suppose or ask ("Jika User ID Anda tidak aktif…", an FAQ) say nothing of this account [I]. */
    notStatements: ['jika', 'apabila', 'bila', 'kalau', 'bagaimana', 'mengapa', 'kenapa', 'cara', 'agar'],
    /**
     * Outside a heading or alert (a card's body, a paragraph) the sentence must speak to the penyedia or the
     * page name the replacement: a news item saying some accounts were deactivated does neither [V] §B3.
     */
    addressed: ['anda', 'saudara'],
    /**
     * The replacement account named on the page [I] sop.md step 5 ("replaced by the account shown"): a User ID
     * after a word of replacing ("digantikan oleh User ID X", "gunakan User ID pengganti: X") or after
     * "User ID pengganti/baru". No source shows the real sentence (spse-pages.md §B0).
     */
    replacementPatterns: [
      new RegExp(String.raw`(?:digantikan|diganti|digabungkan|dialihkan|beralih|gunakan|menggunakan|pengganti)\b[^.!?\n]{0,60}?\buser\s*id\b(?:\s+(?:pengganti|baru|default|tunggal))?\s*[:：]?\s*["'“”‘’«(]?([A-Za-z0-9][${USER_ID_CHARS}]{1,63})`, 'i'),
      new RegExp(String.raw`\buser\s*id\s+(?:pengganti|baru)\b\s*[:：]?\s*["'“”‘’«(]?([A-Za-z0-9][${USER_ID_CHARS}]{1,63})`, 'i'),
    ],
    /** Words that follow "User ID" in a sentence but are not an account. */
    notAUserId: ['tersebut', 'anda', 'yang', 'baru', 'pengganti', 'default', 'ini', 'itu', 'untuk', 'dan', 'lalu', 'lama', 'tunggal', 'oleh'],
  },

  adminNotice: {
    /** [I] sop.md step 6: a notice from the LPSE admin asking to contact the LPSE; exact text not found (§3.5). */
    texts: ['notifikasi admin', 'pemberitahuan admin', 'pesan dari admin', 'notifikasi dari admin', 'pemberitahuan dari admin'],
    contactWords: ['hubungi', 'menghubungi', 'silakan datang', 'silahkan datang'],
    contactTargets: ['lpse', 'admin', 'helpdesk', 'pengelola', 'verifikator'],
    /** Headings that introduce a notice whose body asks to contact the LPSE [I]. */
    headingWords: ['pemberitahuan', 'perhatian', 'pesan', 'informasi', 'akses ditolak', 'notifikasi'],
  },

  loggedIn: {
    /** [V] §3.6 `#logout` link, `form#formLogout` posting to `B/logout`. */
    selectors: '#logout, #formLogout, form[action$="/logout" i], a[href*="logout" i]',
    /** [V] §3.6 the user line `<span title="[USERID] - [NIP]">… - Pokja Pemilihan</span>`. */
    userLineSelector: '.float-right span[title], span[title*=" - "]',
    /** [S] spse-pages.md §B4: role words of penyedia (4.1 "Penyedia", 4.3+ "Pelaku Usaha", 3.x "Rekanan"). */
    penyediaWords: ['penyedia', 'rekanan', 'pelaku usaha'],
    /** [V-TOC] spse-pages.md §B4: penyedia-only menu entries of the vendor guides. */
    penyediaMenu: ['data penyedia', 'data pelaku usaha', 'tender baru', 'lelang baru', 'inbox penyedia', 'inbox pelaku usaha'],
    /**
     * The welcome line of a penyedia's home, 3.x "Beranda Rekanan": "Selamat datang, PT … (Rekanan)" [S] §11;
     * the role word after the name, in brackets or after a dash. Also a session where no logout link is found.
     */
    welcome: 'selamat datang',
    /** A penyedia's home heading, seen only inside a session: one where no logout link is recognised (3.x) [S]. */
    homeHeadings: ['beranda penyedia', 'beranda rekanan', 'beranda pelaku usaha'],
    /** Logout links by their whole text [V] §3.6 LOGOUT, [S] §B2 KELUAR (hrefs vary: `logout`, Tapestry's `…Logout`). */
    logoutTexts: ['logout', 'log out', 'keluar', 'sign out'],
    /** [S] 3.x "Beranda Rekanan" (penyedia guides), 4.x "Beranda Penyedia" / "Pelaku Usaha": a penyedia's home heading. */
    penyediaHomeTexts: ['beranda penyedia', 'beranda rekanan', 'beranda pelaku usaha', 'halaman penyedia', 'halaman rekanan'],
    /** [V] spse-pages.md §3.6: the non-penyedia menu of a 4.5 Pokja page. */
    nonPenyediaMenu: ['daftar paket'],
    /** [V] §3.6 non-penyedia roles in the user line and menu. */
    nonPenyediaWords: ['pokja', 'pokja pemilihan', 'ppk', 'pejabat pembuat komitmen', 'pejabat pengadaan', 'admin ppe', 'admin agency', 'verifikator', 'auditor', 'kupbj', 'pa/kpa', 'ppk/ppk', 'helpdesk'],
  },
} as const;
