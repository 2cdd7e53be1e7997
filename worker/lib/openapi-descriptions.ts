/**
 * Japanese descriptions for the parameters of the OpenAPI document, by name, so every query and
 * path parameter explains itself in `/v1/docs` without repeating the text in each route. A
 * description written on the schema itself (`.meta({ description })`) wins.
 */

/** Query parameters, by name. */
const QUERY: Record<string, string> = {
  occupation:
    '希望職種（職業分類の中分類コード、3桁）。カンマ区切りまたは繰り返しで複数指定（いずれかに一致）。一覧: GET /v1/public/codes/occupations',
  industry: '希望産業（日本標準産業分類の大分類 A〜T）。複数指定可（いずれかに一致）。一覧: GET /v1/public/codes/industries',
  prefecture: '都道府県コード（2桁、例 13 = 東京都）。複数指定可（いずれかに一致）。一覧: GET /v1/public/codes/prefectures',
  municipality: '市区町村コード（全国地方公共団体コード5桁、検査数字なし。例 13101 = 千代田区）。複数指定可',
  employmentType: '雇用形態（regular 正社員、contract 契約社員、part_time パート、dispatch 派遣、other その他）。複数指定可',
  wageMin: '希望賃金の下限（円）。wageUnit と一緒に指定',
  wageMax: '希望賃金の上限（円）。wageUnit と一緒に指定',
  wageUnit: '賃金の単位（hour 時給、day 日給、month 月給、year 年収）',
  hoursMin: '希望する週の労働時間の下限（時間）',
  hoursMax: '希望する週の労働時間の上限（時間）',
  ageBand: '年齢層。年齢による絞り込みは募集・採用での年齢制限にあたるため使わないでください（R-FEED-3）',
  qualification: '免許・資格（名称の一部で検索、例「介護福祉士」）',
  experienceOccupation: '経験のある職種（職業分類の中分類コード、3桁）',
  experienceYearsMin: 'その職種の経験年数の下限（年）',
  education: '最終学歴（複数指定可）',
  q: 'キーワード（日本語可。空白区切りの語をすべて含むものを探す。1〜2文字の語も可）',
  cursor: '次のページを読むためのカーソル（前の答えの nextCursor をそのまま渡す）',
  limit: '1ページの件数',
  status: '状態で絞り込み',
  kind: '種類で絞り込み',
  service: '利用するサービスで絞り込み（job_offer 求人情報、jobseeker 求職情報）',
  fiscalYear: '年度（4月始まり、例 2026 は 2026年4月〜2027年3月）',
  agencyId: '事業者のID',
  forwarded: '事業者へ回付済みか（true / false）',
  after: 'このカーソル（seq）より後のものだけを返す',
  before: 'この時刻より前のものだけを返す（ISO 8601）',
  action: '操作の種類で絞り込み',
};

/** Path segments before `{id}`, and what the ID names. */
const ID_OF: Record<string, string> = {
  agencies: '事業者のID',
  'change-requests': '変更届のID',
  renewals: '更新申請のID',
  registrations: '登録（利用申請）のID',
  complaints: '苦情のID',
  profiles: '求職者の公開ID（例 13-7K3QM2XPA9）',
  conversations: '会話（スレッド）のID',
  events: 'イベントのID',
  sessions: 'セッションのID',
  seats: '利用者（席）のID',
  'correction-requests': '是正要請のID',
  'report-requests': '報告依頼のID',
  announcements: 'お知らせのID',
  'job-offers': '求人のID',
  'job-orders': '求人受理のID',
  staff: '職員アカウントのID',
};

/** Path parameters other than `{id}`, by name. */
const PATH: Record<string, string> = {
  profileId: '求職者の公開ID（例 13-7K3QM2XPA9）',
  agencyId: '事業者のID',
  fiscalYear: '年度（4月始まり、例 2026）',
};

type Parameter = { name: string; in: string; description?: string };
type Document = { paths?: Record<string, Record<string, { parameters?: Parameter[] } | unknown>> };

/**
 * Fills in the Japanese description of every query and path parameter that has none.
 *
 * @example
 * app.get('/v1/openapi.json', (c) => c.json(describeParameters(app.getOpenAPI31Document(config))));
 */
export function describeParameters<T extends object>(doc: T): T {
  for (const [path, item] of Object.entries((doc as Document).paths ?? {})) {
    const segments = path.split('/');
    for (const op of Object.values(item)) {
      const params = (op as { parameters?: Parameter[] } | null)?.parameters;
      if (!Array.isArray(params)) continue;
      for (const p of params) {
        if (p.description) continue;
        if (p.in === 'query') p.description = QUERY[p.name] ?? `${p.name}（絞り込み条件）`;
        if (p.in === 'path') {
          const before = segments[segments.indexOf(`{${p.name}}`) - 1] ?? '';
          p.description = p.name === 'id' ? (ID_OF[before] ?? '対象のID') : (PATH[p.name] ?? `${p.name}（パスの値）`);
        }
      }
    }
  }
  return doc;
}
