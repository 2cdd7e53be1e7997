/**
 * Every problem code the worker answers with, in one place: its HTTP status and its Japanese title
 * (R-SEC-3). The worker builds refusals from this catalog (`refuse`, `ApiError` in
 * worker/lib/problem.ts), so a misspelt code fails `npm run typecheck`; the extension's
 * explanations (extension/utils/refusal.ts) are keyed by the same type and must cover every code.
 * A refusal may say more than the default title (e.g. which procedure was not found), and a
 * handful answer another status where the situation calls for it (each such site names its rule).
 */
export const PROBLEMS = {
  age_filter_not_allowed: { status: 400, title: '年齢では絞り込めません' },
  already_accepted: { status: 409, title: 'すでに求職受理しています' },
  fee_statement_required: { status: 422, title: '手数料の説明の記録が必要です' },
  fees_explained_after_acceptance: { status: 422, title: '手数料の説明は求職受理の前に必要です' },
  paid_service_not_allowed: { status: 422, title: '有料サービスの案内はできません' },
  paid_services_not_applicable: { status: 422, title: '有料サービスの届出は不要です' },
  refused_before_acquisition: { status: 422, title: '不受理の日付が取得日より前です' },
  refused_in_future: { status: 422, title: '不受理の日付が未来です' },
  bootstrap_ministry_only: { status: 400, title: '最初のアカウントは厚生労働省です' },
  invalid_cursor: { status: 400, title: 'カーソルが正しくありません' },
  invalid_request: { status: 400, title: '入力内容に誤りがあります' },
  malformed_json: { status: 400, title: 'JSON の形式が正しくありません' },
  use_staff_creation: { status: 400, title: 'この方法ではサインインできません' },
  activation_expired: { status: 401, title: '有効化できませんでした' },
  activation_invalid: { status: 401, title: '有効化できませんでした' },
  invalid_credentials: { status: 401, title: 'サインインできませんでした' },
  unauthenticated: { status: 401, title: 'サインインが必要です' },
  agency_revoked: { status: 403, title: '利用解除されました' },
  agency_service_not_admitted: { status: 403, title: '求職情報提供サービスの利用者ではありません' },
  agency_suspended: { status: 403, title: '利用停止中です' },
  agency_withdrawn: { status: 403, title: '退会済みです' },
  blocked_by_recipient: { status: 403, title: 'この求職者には送信できません' },
  ministry_only: { status: 403, title: '厚生労働省の職員のみの操作です' },
  out_of_scope: { status: 403, title: '管轄外です' },
  service_not_admitted: { status: 403, title: '求職情報提供サービスの利用者ではありません' },
  wrong_role: { status: 403, title: 'この操作はできません' },
  agency_not_found: { status: 404, title: '事業者が見つかりません' },
  complaint_not_found: { status: 404, title: '苦情が見つかりません' },
  conversation_not_found: { status: 404, title: '会話が見つかりません' },
  event_not_found: { status: 404, title: 'お知らせが見つかりません' },
  not_acquired: { status: 404, title: '取得していない求職者です' },
  not_found: { status: 404, title: 'お探しのページは見つかりません' },
  procedure_not_found: { status: 404, title: '申請が見つかりません' },
  profile_not_found: { status: 404, title: '求職者情報が見つかりません' },
  registration_not_found: { status: 404, title: '登録が見つかりません' },
  session_not_found: { status: 404, title: 'セッションが見つかりません' },
  activation_used: { status: 409, title: '有効化できませんでした' },
  already_activated: { status: 409, title: 'すでに有効化されています' },
  already_forwarded: { status: 409, title: '連絡済みです' },
  already_suspended: { status: 409, title: 'すでに利用停止中です' },
  bootstrap_used: { status: 409, title: '初期アカウントは作成済みです' },
  conversation_blocked: { status: 409, title: 'ブロック中の事業者です' },
  conversation_exists: { status: 409, title: 'すでに会話があります' },
  email_in_use: { status: 409, title: 'このアカウントIDは使用中です' },
  email_taken: { status: 409, title: 'このメールアドレスは使われています' },
  first_message_already_sent: { status: 409, title: '求職者からの返信を待っています' },
  mandatory_information_missing: { status: 409, title: '必須情報が登録されていません' },
  not_suspended: { status: 409, title: '利用停止中ではありません' },
  procedure_decided: { status: 409, title: 'この申請は処理済みです' },
  procedure_expired: { status: 409, title: '完了期限を過ぎています' },
  procedure_pending: { status: 409, title: '手続中の申請があります' },
  registration_decided: { status: 409, title: 'この登録は処理済みです' },
  registration_expired: { status: 409, title: '完了期限を過ぎています' },
  registration_pending: { status: 409, title: '申請中の登録があります' },
  send_in_progress: { status: 409, title: '同じ送信を処理中です' },
  conversation_closed: { status: 410, title: 'この会話は終了しています' },
  data_deleted: { status: 410, title: 'この情報は利用できません' },
  payload_too_large: { status: 413, title: '送信データが大きすぎます' },
  too_many_rows: { status: 413, title: '行数が多すぎます' },
  unsupported_media_type: { status: 415, title: '形式が違います' },
  accepted_before_acquisition: { status: 422, title: '受理日が取得日より前です' },
  accepted_in_future: { status: 422, title: '受理日が未来の日付です' },
  contact_details_not_allowed: { status: 422, title: '連絡先などは送信できません' },
  email_reserved: { status: 422, title: 'このアカウントIDは使用できません' },
  handled_before_received: { status: 422, title: '対応日が受付日より前です' },
  handled_in_future: { status: 422, title: '対応日が未来の日付です' },
  idempotency_key_reused: { status: 422, title: '冪等キーが別の送信に使われています' },
  invalid_received_on: { status: 422, title: '受領日が正しくありません' },
  licence_not_eligible: { status: 422, title: '求職情報提供サービスを利用できない届出区分です' },
  mandatory_information_not_applicable: { status: 422, title: '必須情報は不要です' },
  no_qualifying_placement: { status: 422, title: '常用就職の実績が確認できません' },
  received_in_future: { status: 422, title: '受付日が未来の日付です' },
  renewal_not_eligible: { status: 422, title: '求職情報提供サービスを更新できません' },
  report_fields: { status: 422, title: '報告の内容を確認してください' },
  report_period_not_open: { status: 422, title: 'この年度の報告はまだできません' },
  report_year_before_admission: { status: 422, title: '利用開始前の年度です' },
  revoked_recently: { status: 422, title: '利用解除から3年を経過していません' },
  school_not_eligible: { status: 422, title: 'この学校は利用できません' },
  service_not_held: { status: 422, title: '利用していないサービスは更新できません' },
  under_order: { status: 422, title: '現在は申請できません' },
  violation_not_found: { status: 422, title: '違反の記録が見つかりません' },
  cap_reached: { status: 429, title: '本日の送信上限に達しました' },
  rate_limited: { status: 429, title: 'アクセスが集中しています' },
  internal_error: { status: 500, title: 'システムエラーが発生しました' },
  maintenance: { status: 503, title: 'ただいまメンテナンス中です' },
  access_restricted: { status: 429, title: 'ただいまアクセスを制限しています' },
  terms_not_confirmed: { status: 403, title: '新しい利用規約の確認が必要です' },
  announcement_start_required: { status: 400, title: '開始日時を指定してください' },
  announcement_not_in_advance: { status: 422, title: '開始日時は未来にしてください' },
  announcement_ends_before_start: { status: 422, title: '終了日時が開始日時より前です' },
  announcement_not_found: { status: 404, title: 'お知らせが見つかりません' },
  announcement_already_ended: { status: 409, title: 'このお知らせは終了しています' },
  terms_effective_date_not_future: { status: 422, title: '施行日は翌日以降にしてください' },
  terms_version_pending: { status: 409, title: '施行前の版があります' },
  terms_version_not_found: { status: 404, title: 'その版の利用規約はありません' },
  terms_version_not_current: { status: 409, title: '施行中の版ではありません' },
  due_date_passed: { status: 422, title: '期限が過ぎています' },
  correction_request_not_found: { status: 404, title: '是正要請が見つかりません' },
  correction_already_confirmed: { status: 409, title: '是正は確認済みです' },
  done_on_in_future: { status: 422, title: '実施日が未来です' },
  correction_not_answered: { status: 409, title: '回答がまだありません' },
  no_report_targets: { status: 422, title: '対象の事業者がいません' },
  report_request_not_found: { status: 404, title: '報告の依頼が見つかりません' },
  answers_do_not_match_questions: { status: 422, title: '回答の数が質問の数と違います' },
} as const satisfies Record<string, { status: number; title: string }>;

/** A problem code the worker can emit (the keys of PROBLEMS). */
export type ProblemCode = keyof typeof PROBLEMS;

/**
 * A code made from an HTTP status the framework answered with (`http_405` …): deliberately
 * generic, explained by its status alone.
 */
export type GenericHttpCode = `http_${number}`;

/** Every code, for tests and documentation. */
export const PROBLEM_CODES = Object.keys(PROBLEMS) as ProblemCode[];

/** Whether a string is a code of the catalog (a client reading an answer from a newer worker may see others). */
export function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(PROBLEMS, code);
}
