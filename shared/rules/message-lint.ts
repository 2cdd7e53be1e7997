import { normalizeForMatching } from './contact-details';

/**
 * Compose-time warnings for agency messages (R-MSG-5). The terms forbid one-sided promotion
 * of seminars, fairs and goods and steering toward other services (§8(2)②), working on a
 * jobseeker to register as a dispatch worker (§7(2)②オ), and offering paid services the
 * jobseeker did not ask for (§7(2)②イ・ウ, §7(2)①ケ). Whether a message does that is a
 * judgement, so these are warnings the sender may override, never refusals — except that a
 * paid-service offer to a new graduate without the bureau's notification and the jobseeker's
 * consent is refused (R-MSG-7, `paid-services.ts`, which reuses this detection).
 *
 * Matching runs on an NFKC form; positions point into the original text.
 */

/**
 * What a {@link Warning} is about (R-MSG-5): promotion of seminars and fairs or of goods
 * (§8(2)②), steering toward dispatch registration (§7(2)②オ), paid side services (§7(2)②イ・ウ).
 *
 * @example
 * const kind: WarningKind = 'dispatch_registration';
 */
export type WarningKind = 'seminar_promotion' | 'goods_sales' | 'dispatch_registration' | 'paid_side_service';

/**
 * One phrase that may break the terms (R-MSG-5); `start`/`end` are UTF-16 indices into the
 * original text, so `text === original.slice(start, end)`.
 *
 * @example
 * const warning: Warning = { kind: 'seminar_promotion', start: 3, end: 7, text: 'セミナー', message: LINT_MESSAGES.seminar_promotion };
 */
export type Warning = {
  kind: WarningKind;
  start: number;
  end: number;
  /** The original text between `start` and `end`. */
  text: string;
  /** A polite Japanese explanation citing the section of the terms. */
  message: string;
};

/**
 * The explanation shown for each {@link WarningKind} (R-MSG-5), citing the terms.
 *
 * @example
 * LINT_MESSAGES.dispatch_registration.includes('7(2)②オ'); // true
 */
export const LINT_MESSAGES: Readonly<Record<WarningKind, string>> = {
  seminar_promotion:
    'セミナー・説明会・面接会などへの参加を一方的に宣伝する内容は、利用規約8(2)②（求職対象団体による宣伝、他サービスへの誘導等）で禁止されており、6か月のサービス停止の対象となるおそれがあります。求職申込みに向けたご案内になっているか、送信前にご確認ください。',
  goods_sales:
    '商品や教材などの販売・購入のご案内は、職業紹介に関係しない情報の送付として利用規約8(2)②（求職対象団体による宣伝、他サービスへの誘導等）に反するおそれがあります。送信前に内容をご確認ください。',
  dispatch_registration:
    '求職者に派遣労働者としての登録を働きかけることは、利用規約7(2)②オで禁止されています（8(2)②の他サービスへの誘導にもあたるおそれがあります）。送信前に内容をご確認ください。',
  paid_side_service:
    '職業紹介以外の有料サービスは、求職者が希望した場合に限り提供できます（利用規約7(2)②ウ）。職業紹介に伴う手数料が発生する場合は求職受理前の説明が必要です（7(2)②イ）。一方的な宣伝は8(2)②に反するおそれがあります。送信前に内容をご確認ください。',
};

type LintRule = {
  kind: WarningKind;
  /** The phrase that is highlighted. */
  trigger: RegExp;
  /** Another phrase that must appear in the same sentence or the next ("説明会を開きます。お申し込みは…"). */
  requires?: RegExp;
  /** Phrases in the same sentence showing it is not the forbidden act ("手数料はいただきません"). */
  unless?: RegExp;
};

// The jobseeker pays nothing, or the employer or company pays.
const NOT_CHARGED =
  /無料|(?<![\d,.])0円|不要|かかりません|掛かりません|いただきません|頂きません|いただいておりません|頂いておりません|発生しません|ありません|ございません|会社負担|全額負担|支給|補助|求人企業|求人者|企業様|企業から|事業主|採用企業/u;

const RULES: readonly LintRule[] = [
  {
    kind: 'seminar_promotion',
    trigger:
      /合同企業説明会|合同説明会|会社説明会|企業説明会|就職説明会|転職説明会|説明会|セミナー|ウェビナー|webinar|seminar|相談会|面接会|就職フェア|転職フェア|就活フェア|フェア|(?<!社内)イベント|講演会|講習会|勉強会|交流会|座談会|見学会|体験会/giu,
    requires: /参加|申し?込|予約|エントリー|来場|お越しください/u,
  },
  {
    kind: 'goods_sales',
    trigger:
      /情報商材|ご購入|購入特典|購入はこちら|購入(?:いただ|できます|可能|して(?:ください|いただ)|者限定)|お買い求め|お買い上げ|販売中|販売(?:して|いた)(?:います|おります|します)|販売会|特別価格|割引価格|限定価格|送料無料|(?:商品|教材|グッズ|書籍|テキスト|サプリ(?:メント)?)(?:を|の)?(?:ご)?(?:購入|お求め|ご注文|注文)/gu,
  },
  {
    kind: 'goods_sales',
    trigger: /リクルートスーツ|就活スーツ/gu,
    requires: /販売|購入|割引|特価|価格|セール|お求め|注文|\d[\d,]*円/u,
  },
  {
    kind: 'dispatch_registration',
    trigger:
      /派遣(?:会社|元|スタッフ|社員|労働者|就業)?(?:へ|に|と|として)?(?:の)?(?:ご|お)?登録|登録会|まずは(?:ご|お)?登録|(?:スタッフ|人材)登録/gu,
    unless: /不要|必要ありません|必要はありません|いたしません|しません|ではありません/u,
  },
  {
    kind: 'paid_side_service',
    // 有料職業紹介 is the licence kind and 有料老人ホーム a workplace, neither a paid side service.
    trigger:
      /有料(?!の?職業紹介|老人ホーム|道路|駐車場|駐輪場)(?:講座|コンサル(?:ティング)?|サービス|サポート|プラン|会員|セミナー|オプション|添削)?/gu,
    unless: /有料ではありません|有料ではございません/u,
  },
  {
    kind: 'paid_side_service',
    trigger: /受講料|受講費|年会費|月会費|会費|入会金|参加費|登録料|教材費|教材代|相談料|添削料|コンサル(?:ティング)?料|サポート料/gu,
    unless: NOT_CHARGED,
  },
  {
    kind: 'paid_side_service',
    // Only the jobseeker-paid sense: a fee the employer pays is the ordinary business of a paid agency.
    trigger: /手数料/gu,
    requires:
      /円|ご負担|お支払|支払い|いただきます|頂きます|いただいております|頂いております|必要です|必要となります|かかります|掛かります|発生します|徴収/u,
    unless: NOT_CHARGED,
  },
  {
    kind: 'paid_side_service',
    trigger: /履歴書添削|職務経歴書添削|添削サービス|面接対策|キャリアコーチング|転職コーチング|キャリアコンサルティング/gu,
    requires: /有料|円|料金|費用|価格/u,
    unless: NOT_CHARGED,
  },
];

type Sentence = { start: number; end: number };

function sentences(text: string): Sentence[] {
  const found: Sentence[] = [];
  let start = 0;
  for (const m of text.matchAll(/[。！？!?\n]/gu)) {
    const end = (m.index ?? 0) + 1;
    found.push({ start, end });
    start = end;
  }
  if (start < text.length) found.push({ start, end: text.length });
  return found;
}

/**
 * Warns about phrases in an agency's message that look like what the terms forbid
 * (R-MSG-5): one-sided promotion of seminars, fairs and events (§8(2)②), sales of goods
 * or teaching materials (§8(2)②), steering toward dispatch registration (§7(2)②オ), and
 * paid side services charged to the jobseeker (§7(2)②イ・ウ). Half- and full-width text
 * match alike (NFKC). A trigger and its companion phrase (セミナー … 参加) may sit in the same
 * sentence or the next. One warning per kind per sentence, sorted by `start`; ordinary
 * recruitment text gets none.
 *
 * @example
 * lintMessage('来週のセミナーにぜひご参加ください。')[0]?.kind; // 'seminar_promotion'
 * lintMessage('介護職の求人があります。面接日程をご相談させてください。'); // []
 */
export function lintMessage(text: string): Warning[] {
  const normalized = normalizeForMatching(text);
  const warnings: Warning[] = [];
  const all = sentences(normalized.text);
  for (const [index, sentence] of all.entries()) {
    const next = all[index + 1];
    const body = normalized.text.slice(sentence.start, sentence.end);
    const withNext = normalized.text.slice(sentence.start, next?.end ?? sentence.end);
    const seen = new Set<WarningKind>();
    const hits: { kind: WarningKind; start: number; end: number }[] = [];
    for (const rule of RULES) {
      if (rule.requires && !rule.requires.test(withNext)) continue;
      if (rule.unless?.test(body)) continue;
      for (const m of body.matchAll(rule.trigger)) {
        const start = sentence.start + (m.index ?? 0);
        hits.push({ kind: rule.kind, start, end: start + m[0].length });
      }
    }
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    for (const hit of hits) {
      if (seen.has(hit.kind)) continue;
      seen.add(hit.kind);
      const { start, end } = normalized.toOriginal(hit.start, hit.end);
      warnings.push({ kind: hit.kind, start, end, text: text.slice(start, end), message: LINT_MESSAGES[hit.kind] });
    }
  }
  return warnings.sort((a, b) => a.start - b.start);
}
