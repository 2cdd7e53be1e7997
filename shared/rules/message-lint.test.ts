import { describe, expect, it } from 'vitest';
import { LINT_MESSAGES, lintMessage, type WarningKind } from './message-lint';

const warned = (text: string): [WarningKind, string][] => lintMessage(text).map((w) => [w.kind, w.text]);

describe('lintMessage: promotion, sales, dispatch steering and paid services are warned about', () => {
  it.each<[string, [WarningKind, string][]]>([
    // Seminars, fairs, events (§8(2)②)
    ['来週のセミナーにぜひご参加ください。', [['seminar_promotion', 'セミナー']]],
    ['合同企業説明会を開催します。お申し込みはこちら。', [['seminar_promotion', '合同企業説明会']]],
    ['会社説明会のご予約を受け付けています', [['seminar_promotion', '会社説明会']]],
    ['転職相談会のご予約はお早めに', [['seminar_promotion', '相談会']]],
    ['就職フェアへの参加をお待ちしています', [['seminar_promotion', '就職フェア']]],
    ['オンラインイベントに参加しませんか？', [['seminar_promotion', 'イベント']]],
    ['合同面接会にエントリーしてください', [['seminar_promotion', '面接会']]],
    ['ｾﾐﾅｰにご参加ください', [['seminar_promotion', 'ｾﾐﾅｰ']]],
    ['ＳＥＭＩＮＡＲ参加受付中', [['seminar_promotion', 'ＳＥＭＩＮＡＲ']]],
    // Goods (§8(2)②)
    ['就活に役立つ教材を特別価格で販売しています。', [['goods_sales', '特別価格']]],
    ['情報商材のご案内です', [['goods_sales', '情報商材']]],
    ['リクルートスーツを19,800円で販売中です', [['goods_sales', 'リクルートスーツ']]],
    ['ご購入はこちらから', [['goods_sales', 'ご購入']]],
    ['おすすめの商品をご購入いただけます', [['goods_sales', '商品をご購入']]],
    ['教材の購入をお願いします', [['goods_sales', '教材の購入']]],
    // Dispatch registration (§7(2)②オ)
    ['まずは派遣登録をお願いします', [['dispatch_registration', '派遣登録']]],
    ['派遣会社への登録をおすすめします', [['dispatch_registration', '派遣会社への登録']]],
    ['派遣スタッフとしてご登録いただけます', [['dispatch_registration', '派遣スタッフとしてご登録']]],
    ['登録会にお越しください', [['dispatch_registration', '登録会']]],
    ['まずはご登録ください', [['dispatch_registration', 'まずはご登録']]],
    ['まずは登録をお願いします', [['dispatch_registration', 'まずは登録']]],
    // Paid side services (§7(2)②イ・ウ)
    ['有料講座のご案内', [['paid_side_service', '有料講座']]],
    ['有料コンサルをご用意しています', [['paid_side_service', '有料コンサル']]],
    ['有料のサポートプランもございます', [['paid_side_service', '有料']]],
    ['受講料は3万円です', [['paid_side_service', '受講料']]],
    ['入会金・月会費が必要です', [['paid_side_service', '入会金']]],
    ['参加費1,000円', [['paid_side_service', '参加費']]],
    ['紹介手数料として5万円をお支払いいただきます', [['paid_side_service', '手数料']]],
    ['履歴書添削（有料）も承ります', [['paid_side_service', '履歴書添削']]],
    ['履歴書添削は1回3,000円です', [['paid_side_service', '履歴書添削']]],
    // Several at once, one per kind per sentence, in text order
    [
      '有料セミナーを開催します。参加費は5,000円です。派遣登録もお願いします。',
      [
        ['paid_side_service', '有料セミナー'],
        ['seminar_promotion', 'セミナー'],
        ['paid_side_service', '参加費'],
        ['dispatch_registration', '派遣登録'],
      ],
    ],
  ])('R-MSG-5 warns about %s', (text, expected) => {
    expect(warned(text)).toEqual(expected);
  });
});

describe('lintMessage: ordinary recruitment text gets no warning', () => {
  it.each([
    '求人のご紹介',
    '面接日程を調整させてください',
    '正社員の求人があります',
    '介護職の求人があります',
    'ご興味があれば、求職申込みのご案内をお送りします。',
    '当社は有料職業紹介事業者です',
    '当社は有料の職業紹介を行っています',
    '介護付有料老人ホームでの介護職です',
    '手数料は求人企業からいただくため、求職者様のご負担はありません',
    '求職者様から手数料をいただくことは一切ございません',
    'アパレル商品の販売・接客業務です',
    '販売スタッフの求人があります',
    '資材の購入業務を担当します',
    '教材作成の経験がある方を歓迎します',
    '社内イベントへの参加は任意です',
    '紹介予定派遣の求人です',
    '派遣登録は不要です',
    '資格取得支援制度あり（講座費用は会社負担、上限10万円）',
    '研修期間中も月給25万円',
    '月額給与25万円、寮費は月1万円',
    '説明会の日程は未定です',
  ])('R-MSG-5 does not warn about %s', (text) => {
    expect(lintMessage(text)).toEqual([]);
  });
});

describe('lintMessage: positions and messages', () => {
  it('R-MSG-5 positions index the original full-width text', () => {
    const text = 'ぜひ　ＳＥＭＩＮＡＲ　に参加を。まずは派遣登録を。';
    const warnings = lintMessage(text);
    expect(warnings.map((w) => [w.kind, w.start, w.end, w.text])).toEqual([
      ['seminar_promotion', 3, 10, 'ＳＥＭＩＮＡＲ'],
      ['dispatch_registration', 19, 23, '派遣登録'],
    ]);
    for (const w of warnings) expect(text.slice(w.start, w.end)).toBe(w.text);
  });

  it.each<[WarningKind, string]>([
    ['seminar_promotion', '8(2)②'],
    ['goods_sales', '8(2)②'],
    ['dispatch_registration', '7(2)②オ'],
    ['paid_side_service', '7(2)②ウ'],
  ])('R-MSG-5 the %s warning explains itself politely and cites %s', (kind, section) => {
    expect(LINT_MESSAGES[kind]).toContain(section);
    expect(LINT_MESSAGES[kind]).toMatch(/ください。$/u);
  });

  it('R-MSG-5 each warning carries the message of its kind', () => {
    for (const w of lintMessage('セミナーに参加を。情報商材です。派遣登録を。有料講座です。')) {
      expect(w.message).toBe(LINT_MESSAGES[w.kind]);
    }
    expect(lintMessage('セミナーに参加を。情報商材です。派遣登録を。有料講座です。').map((w) => w.kind)).toEqual([
      'seminar_promotion',
      'goods_sales',
      'dispatch_registration',
      'paid_side_service',
    ]);
  });
});
