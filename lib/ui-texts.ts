/**
 * The labels the assistant and the contact panel show, in the penyedia's language: the background sends them
 * with its advice (the content script carries no string table) and the popup shows the same contact panel.
 */
import { t, type Lang, type MessageKey } from './i18n';

/** The assistant's own labels (keys of the `text` record it receives). */
const UI_KEYS = {
  label: 'ui_assistant_label',
  collapse: 'ui_collapse',
  expand: 'ui_expand',
  filled: 'ui_filled',
  noField: 'ui_no_field',
  contact: 'ui_contact_lpse',
  showSteps: 'ui_show_steps',
  stepsTitle: 'ui_activation_steps_title',
  step1: 'ui_activation_step_1',
  step2: 'ui_activation_step_2',
  step3: 'ui_activation_step_3',
  step4: 'ui_activation_step_4',
  stepsSource: 'ui_activation_source',
  choose: 'ui_choose_penyedia',
  start: 'ui_start_login',
  pickPenyedia: 'ui_pick_penyedia',
  askDefault: 'ui_ask_default',
  opening: 'ui_opening_login',
  noticeQuote: 'ui_notice_quote',
  ownHelpdesk: 'contact_own_helpdesk',
  ownUnknown: 'contact_own_unknown',
  ticket: 'contact_ticket',
  inPerson: 'contact_in_person',
  national: 'contact_national',
  callCenter: 'contact_call_center',
  whatsapp: 'contact_whatsapp',
  emailLkpp: 'contact_email_lkpp',
  helpCenter: 'contact_help_center',
  message: 'contact_message',
  copy: 'contact_copy',
  copied: 'contact_copied',
  email: 'contact_email',
  reported: 'contact_reported',
  solved: 'contact_solved',
  stateReported: 'contact_state_reported',
  stateSolved: 'contact_state_solved',
  afterCopy: 'contact_after_copy',
  afterEmail: 'contact_after_email',
  copyFailed: 'contact_copy_failed',
  afterReport: 'contact_after_report',
  // The notice is quoted on screen as in the message: the User ID redacted unless ticked.
  userIdRedacted: 'msg_user_id_redacted',
  // "Ini tidak tepat" (RULES.md R19) and its misdetection report.
  notRight: 'ui_not_right',
  notRightHint: 'ui_not_right_hint',
  notRightWhere: 'ui_not_right_where',
  notRightReport: 'ui_not_right_report',
  notRightFailed: 'ui_not_right_failed',
  copyReport: 'ui_copy_report',
  reportCopied: 'ui_report_copied',
  reportCopyFailed: 'ui_report_copy_failed',
  reportLabel: 'ui_report_label',
  reportIntro: 'ui_report_intro',
  close: 'ui_close',
} satisfies Record<string, MessageKey>;

export function uiStrings(lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(UI_KEYS).map(([k, key]) => [k, t(lang, key)]));
}

/** The labels a contact panel shows (in the page and in the popup). */
export function contactTexts(lang: Lang, lpseName: string | undefined, userId: string | undefined): Record<string, string> {
  return {
    ...uiStrings(lang),
    contactTitle: t(lang, 'contact_title', lpseName ?? 'LPSE'),
    ...(userId && { includeUserId: t(lang, 'contact_include_user_id', userId) }),
  };
}

