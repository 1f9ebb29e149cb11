/**
 * What SPSE pages are recognised by, kept as data (issue 3: signals as data, each with its evidence).
 * Texts are normalised (lowercase, single spaces) and matched as whole phrases.
 * Evidence tags follow shared/docs/spse-pages.md: [V] verbatim in a source, [S] stated by a source,
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
  },

  loginFailed: {
    /** Error containers of the login pages: [S] §2.1.4 `.alert-danger, .alert-error, .error`. */
    alertSelectors: '.alert-danger, .alert-error, .error, .alert.alert-warning, [role="alert"], .t-error',
  },

  /** Prominent texts: where a page says what it is (sop.md: judge by the page's own alert or heading). */
  prominentSelectors:
    'h1, h2, h3, h4, h5, legend, .modal-title, .card-header, .card-title, .panel-heading, .header1, .alert, [role="alert"], .callout, .jumbotron, .notice',
  /** Regions that are never the page's own message: the footer carries "Hubungi Kami" on every 4.5 page. */
  ignoredRegions: 'footer, .footer, #footer, nav, .navbar, #myModal .modal-header',

  activation: {
    /** [S] §3.1 manual titles "Aktivasi Agregasi Data Penyedia (ADP) Inaproc", "User ID Tunggal". */
    texts: ['aktivasi agregasi data penyedia', 'agregasi data penyedia', 'aktivasi adp', 'user id tunggal', 'aktivasi akun penyedia', 'aktivasi agregasi'],
  },

  nonActive: {
    /** [V] §3.2 "User ID yang Anda gunakan saat ini sudah tidak aktif"; others [I] sop.md wording. */
    texts: ['sudah tidak aktif', 'tidak aktif lagi', 'user id tidak aktif', 'akun tidak aktif', 'akun non aktif', 'akun nonaktif', 'telah dinonaktifkan', 'sudah dinonaktifkan', 'non aktif'],
    /** A replacement account named near these words [I] sop.md step 5 ("replaced by the account shown"). */
    replacementPattern:
      /(?:digantikan|diganti|pengganti|gunakan|menggunakan|beralih ke)\b[^.!?\n]{0,60}?\buser\s*id\b[^a-z0-9]{0,6}["'“”‘’«]?([a-z0-9][a-z0-9._-]{2,40})/i,
  },

  adminNotice: {
    /** [I] sop.md step 6: a notice from the LPSE admin asking to contact the LPSE; exact text not found (§3.5). */
    texts: ['notifikasi admin', 'pemberitahuan admin', 'pesan dari admin', 'notifikasi dari admin', 'pemberitahuan dari admin'],
    contactWords: ['hubungi', 'menghubungi', 'silakan datang', 'silahkan datang'],
    contactTargets: ['lpse', 'admin', 'helpdesk', 'pengelola', 'verifikator'],
  },

  loggedIn: {
    /** [V] §3.6 `#logout` link, `form#formLogout` posting to `B/logout`. */
    selectors: '#logout, form#formLogout, form[action$="/logout"], a[href$="/logout"], a[href*="logout"]',
    /** [V] §3.6 the user line `<span title="[USERID] - [NIP]">… - Pokja Pemilihan</span>`. */
    userLineSelector: '.float-right span[title], span[title*=" - "]',
    /** [S] spse-adp-texts.md: role words of penyedia. */
    penyediaWords: ['penyedia', 'rekanan', 'pelaku usaha'],
    /** [V] §3.6 non-penyedia roles in the user line and menu. */
    nonPenyediaWords: ['pokja', 'pokja pemilihan', 'ppk', 'pejabat pembuat komitmen', 'pejabat pengadaan', 'admin ppe', 'admin agency', 'verifikator', 'auditor', 'kupbj', 'pa/kpa', 'ppk/ppk', 'helpdesk'],
  },
} as const;
