/**
 * What SPSE pages are recognised by, kept as data (issue 3: signals as data, each with its evidence).
 * Texts are normalised (lowercase, single spaces) and matched as whole phrases.
 * Evidence tags follow docs/spse-pages.md: [V] verbatim in a source, [S] stated by a source,
 * [I] inferred. Inferred signals are only used together with a verified one.
 */
export const signals = {
  /** "Is this an SPSE page at all?" (spse-pages.md §3.7) */
  markers: {
    texts: [
      'untuk tampilan aplikasi spse yang lebih baik', // [V] §3.7 <noscript> line of every 4.5 page
      'lembaga kebijakan pengadaan barang/jasa pemerintah', // [V] §3.7 footer, 4.5 and 3.5 (herpiko fixture)
    ],
    /** `SPSE v4.5u20250321` [V] §3.7 footer version string. */
    versionPattern: /\bspse v\d+\.\d+(?:u\d+)?\b/i,
    selectors: [
      'img[src*="/public/images/global/logo-spse"]', // [V] §3.7 header image
      'img[src*="/public/images/imgng/lpse-"]', // [V] §3.7 header image
      'link[href*="/public/css/application.css"]', // [V] jadwal_debug excerpt head
      'link[href*="/eproc/assets/"][href*="assets-eproc"]', // [V] SPSE 3.5 Tapestry assets (herpiko fixture)
      'a[href*="inaproc.id/aplikasi#spse"]', // [V] §0.2 footer link "Aplikasi SPSE v4.5…"
      'input[name="authenticityToken"]', // [V] §2.1.7 Play framework CSRF field of 4.x forms
      'input[name="txtUserId" i]', // [S] §2.1.3, §2.2 SPSE's own field name
    ],
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
  /** Menus: [V] §3.6 top menu of 4.5 (`.topmenu`, `.navbar`), [V] 3.5 `#topmenu`. */
  menuSelectors: 'nav a, .navbar a, .topmenu a, #topmenu a, ul.nav a, .menurekanan a',

  activation: {
    /** [S] §3.1 manual titles "Aktivasi Agregasi Data Penyedia (ADP) Inaproc", "User ID Tunggal". */
    texts: ['aktivasi agregasi data penyedia', 'agregasi data penyedia', 'aktivasi adp', 'user id tunggal', 'aktivasi akun penyedia', 'aktivasi agregasi'],
    /** [V-TOC] §3.1 "Aktivasi … (ADP) Inaproc belum dapat Dilakukan": activation blocked, only the LPSE can help. */
    blockedTexts: ['belum dapat dilakukan', 'tidak dapat dilakukan', 'tidak dapat diproses'],
  },

  nonActive: {
    /** [V] §3.2 "User ID yang Anda gunakan saat ini sudah tidak aktif"; others [I] sop.md wording. */
    texts: ['sudah tidak aktif', 'tidak aktif lagi', 'user id tidak aktif', 'akun tidak aktif', 'akun non aktif', 'akun nonaktif', 'telah dinonaktifkan', 'sudah dinonaktifkan', 'non aktif'],
    /**
     * The replacement account named on the page [I] sop.md step 5 ("replaced by the account shown"): a User ID
     * after a word of replacing ("digantikan oleh User ID X", "gunakan User ID pengganti: X") or after
     * "User ID pengganti/baru". No source shows the real sentence (spse-pages.md §B0).
     */
    replacementPatterns: [
      /(?:digantikan|diganti|digabungkan|dialihkan|beralih|gunakan|menggunakan|pengganti)\b[^.!?\n]{0,60}?\buser\s*id\b(?:\s+(?:pengganti|baru|default|tunggal))?\s*[:：]?\s*["'“”‘’«(]?([A-Za-z0-9][A-Za-z0-9._@-]{1,63})/i,
      /\buser\s*id\s+(?:pengganti|baru)\b\s*[:：]?\s*["'“”‘’«(]?([A-Za-z0-9][A-Za-z0-9._@-]{1,63})/i,
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
    selectors: '#logout, #formLogout, form[action$="/logout"], a[href*="logout"]',
    /** [V] §3.6 the user line `<span title="[USERID] - [NIP]">… - Pokja Pemilihan</span>`. */
    userLineSelector: '.float-right span[title], span[title*=" - "]',
    /** [S] spse-pages.md §B4: role words of penyedia (4.1 "Penyedia", 4.3+ "Pelaku Usaha", 3.x "Rekanan"). */
    penyediaWords: ['penyedia', 'rekanan', 'pelaku usaha'],
    /** [V-TOC] spse-pages.md §B4: penyedia-only menu entries of the vendor guides. */
    penyediaMenu: ['data penyedia', 'data pelaku usaha', 'tender baru', 'lelang baru', 'inbox penyedia', 'inbox pelaku usaha'],
    /** [S] 3.x "Beranda Rekanan" (penyedia guides), 4.x "Beranda Penyedia" / "Pelaku Usaha": a penyedia's home heading. */
    penyediaHomeTexts: ['beranda penyedia', 'beranda rekanan', 'beranda pelaku usaha', 'halaman penyedia', 'halaman rekanan'],
    /** [V] spse-pages.md §3.6: the non-penyedia menu of a 4.5 Pokja page. */
    nonPenyediaMenu: ['daftar paket'],
    /** [V] §3.6 non-penyedia roles in the user line and menu. */
    nonPenyediaWords: ['pokja', 'pokja pemilihan', 'ppk', 'pejabat pembuat komitmen', 'pejabat pengadaan', 'admin ppe', 'admin agency', 'verifikator', 'auditor', 'kupbj', 'pa/kpa', 'ppk/ppk', 'helpdesk'],
  },
} as const;
