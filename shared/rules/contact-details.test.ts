import { describe, expect, it } from 'vitest';
import { CONTACT_KIND_LABELS, describeFindings, findContactDetails, normalizeForMatching, type ContactKind } from './contact-details';

type Expected = [ContactKind, string][];

const found = (text: string): Expected => findContactDetails(text).map((f) => [f.kind, f.text]);

describe('findContactDetails: contact details are found', () => {
  it.each<[string, Expected]>([
    // Phone numbers
    ['090-1234-5678', [['phone', '090-1234-5678']]],
    ['０９０ー１２３４ー５６７８', [['phone', '０９０ー１２３４ー５６７８']]],
    ['０９０−１２３４−５６７８', [['phone', '０９０−１２３４−５６７８']]],
    ['090‐1234‐5678', [['phone', '090‐1234‐5678']]],
    ['090–1234–5678', [['phone', '090–1234–5678']]],
    ['090―1234―5678', [['phone', '090―1234―5678']]],
    ['090‑1234‑5678', [['phone', '090‑1234‑5678']]],
    ['03(1234)5678', [['phone', '03(1234)5678']]],
    ['(03)1234-5678', [['phone', '(03)1234-5678']]],
    ['電話番号は０８０（１２３４）５６７８です', [['phone', '０８０（１２３４）５６７８']]],
    ['+81 90 1234 5678', [['phone', '+81 90 1234 5678']]],
    ['+81 (0)90-1234-5678', [['phone', '+81 (0)90-1234-5678']]],
    ['＋８１　９０　１２３４　５６７８', [['phone', '＋８１　９０　１２３４　５６７８']]],
    ['0120-123-456', [['phone', '0120-123-456']]],
    ['09012345678', [['phone', '09012345678']]],
    ['090 1234 5678', [['phone', '090 1234 5678']]],
    ['tel:0312345678', [['phone', '0312345678']]],
    ['TEL 1234-5678', [['phone', '1234-5678']]],
    ['電話：０３－１２３４－５６７８まで', [['phone', '０３－１２３４－５６７８']]],
    [
      'ご連絡は 090 1234 5678 か 03-1234-5678 まで',
      [
        ['phone', '090 1234 5678'],
        ['phone', '03-1234-5678'],
      ],
    ],
    // Email addresses
    ['taro@example.com', [['email', 'taro@example.com']]],
    ['taro [at] example.com', [['email', 'taro [at] example.com']]],
    ['taro＠example.co.jp', [['email', 'taro＠example.co.jp']]],
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ', [['email', 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ']]],
    ['メール taro.yamada+job@gmail.com です', [['email', 'taro.yamada+job@gmail.com']]],
    ['taro(at)example.co.jp', [['email', 'taro(at)example.co.jp']]],
    ['taro at example dot com', [['email', 'taro at example dot com']]],
    ['taro★example.com（★を@に）', [['email', 'taro★example.com']]],
    // Postal codes
    ['〒100-0001', [['postal_code', '〒100-0001']]],
    ['100-0001', [['postal_code', '100-0001']]],
    ['〒1000001', [['postal_code', '〒1000001']]],
    ['〒１６０－００２３', [['postal_code', '〒１６０－００２３']]],
    ['郵便番号 1600023', [['postal_code', '1600023']]],
    // Street addresses (番地)
    ['千代田区丸の内1-2-3', [['address', '1-2-3']]],
    ['丸の内１－２－３', [['address', '１－２－３']]],
    ['丸の内１ー２ー３', [['address', '１ー２ー３']]],
    ['丸の内一丁目2番3号', [['address', '一丁目2番3号']]],
    ['２丁目５−１', [['address', '２丁目５−１']]],
    ['新宿区西新宿２丁目８番１号', [['address', '２丁目８番１号']]],
    ['本町3丁目1番地', [['address', '3丁目1番地']]],
    ['大字山田123番地', [['address', '123番地']]],
    ['5番地の2', [['address', '5番地の2']]],
    [
      '住所：〒150-0002 東京都渋谷区渋谷2-21-1',
      [
        ['postal_code', '〒150-0002'],
        ['address', '2-21-1'],
      ],
    ],
    // 12-digit numbers
    ['1234 5678 9012', [['twelve_digit', '1234 5678 9012']]],
    ['1234-5678-9012', [['twelve_digit', '1234-5678-9012']]],
    ['123456789012', [['twelve_digit', '123456789012']]],
    ['マイナンバーは１２３４５６７８９０１２です', [['twelve_digit', '１２３４５６７８９０１２']]],
    // URLs
    ['https://example.com/a?b=1。', [['url', 'https://example.com/a?b=1']]],
    ['ブログ http://note.com/taro を見てください', [['url', 'http://note.com/taro']]],
    ['www.example.com', [['url', 'www.example.com']]],
    ['example.com', [['url', 'example.com']]],
    ['example.co.jp', [['url', 'example.co.jp']]],
    ['ｅｘａｍｐｌｅ．ｃｏ．ｊｐ', [['url', 'ｅｘａｍｐｌｅ．ｃｏ．ｊｐ']]],
    ['twitter.com/taro', [['url', 'twitter.com/taro']]],
    // Messenger IDs
    ['LINE ID: taro_123', [['messenger', 'LINE ID: taro_123']]],
    ['LINEID taro123', [['messenger', 'LINEID taro123']]],
    ['ライン ID は yamada88', [['messenger', 'ライン ID は yamada88']]],
    ['ＬＩＮＥ　ＩＤ：ｔａｒｏ１２３', [['messenger', 'ＬＩＮＥ　ＩＤ：ｔａｒｏ１２３']]],
    ['LINE @taro', [['messenger', 'LINE @taro']]],
    ['Instagram @taro.yamada', [['messenger', 'Instagram @taro.yamada']]],
    ['インスタ→ @taro_ig', [['messenger', 'インスタ→ @taro_ig']]],
    ['X（旧Twitter）@taro_x', [['messenger', 'X（旧Twitter）@taro_x']]],
    ['Twitter: @taro', [['messenger', 'Twitter: @taro']]],
    ['Discord: taro#1234', [['messenger', 'Discord: taro#1234']]],
    ['Skype ID taro.yamada', [['messenger', 'Skype ID taro.yamada']]],
    ['WeChat: wxid_abc123', [['messenger', 'WeChat: wxid_abc123']]],
    ['カカオ id: abc123', [['messenger', 'カカオ id: abc123']]],
    ['LINEやってます！id: taro99', [['messenger', 'LINEやってます！id: taro99']]],
  ])('R-MSG-4 R-FEED-2 finds %s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('findContactDetails: ordinary job text is left alone', () => {
  it.each([
    '年収400万円',
    '月給25万円〜30万円',
    '時給1,200円',
    '週5日 9:00-18:00',
    '9時〜18時',
    'TOEIC 800点',
    '経験3年',
    '2024年4月',
    '2026-11-27',
    '入社日2026-11-27',
    '2025.4.1 入社',
    '介護福祉士',
    '普通自動車第一種運転免許',
    '年間休日120日',
    '従業員数1,500名',
    '残業月20時間',
    'JLPT N1',
    'Excel・Word',
    '08:30〜17:30',
    '０８：３０〜１７：３０',
    '1日8時間',
    '時給1200円〜1500円',
    '賞与年2回(計4.0ヶ月分)',
    '100-200名規模',
    '従業員300-1000名',
    '100万-200万円',
    '応募は本サービスのメッセージで',
    '東京都',
    '横浜市',
    '勤務地：東京都千代田区、神奈川県横浜市中区',
    '丸の内一丁目',
    '製造ラインでの作業',
    'LINEでご連絡ください',
    'X線技師',
    'ASP.NET、Node.js、Vue.js、Python3.11',
    '求人番号 13010-12345671',
    '昇給年1回（1,000円〜5,000円）',
    '身長160-170cm、年齢18-35歳',
    'セクション1-2-3',
    '図1-2-3を参照',
    '平均年齢 35.5歳、前年度実績 4.5ヶ月',
    '介護付有料老人ホーム',
    '① 年収400万円 ② 週5日',
  ])('R-MSG-4 R-FEED-2 finds nothing in %s', (text) => {
    expect(findContactDetails(text)).toEqual([]);
  });

  it('R-FEED-2 a realistic self-introduction with wages, hours and dates has no findings', () => {
    const text =
      '介護福祉士（2019年取得）、普通自動車第一種運転免許。特別養護老人ホームで経験5年。希望は東京都世田谷区または横浜市、' +
      '月給25万円〜30万円、週5日 8:30-17:30、年間休日120日以上。TOEIC 800点、JLPT N1、Excel・Word可。2026-11-27以降に入社可能。';
    expect(findContactDetails(text)).toEqual([]);
  });
});

describe('findContactDetails: positions', () => {
  it('R-MSG-4 positions index the original full-width text', () => {
    const text = '携帯は０９０ー１２３４ー５６７８、メールはｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍです';
    const findings = findContactDetails(text);
    expect(findings).toEqual([
      { kind: 'phone', start: 3, end: 16, text: '０９０ー１２３４ー５６７８', label: '電話番号' },
      { kind: 'email', start: 21, end: 37, text: 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ', label: 'メールアドレス' },
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('R-MSG-4 positions stay right after characters NFKC expands or joins', () => {
    // ㈱ becomes (株) and ｶﾞ becomes ガ under NFKC; the original indices must not drift.
    const text = '㈱ｶﾞｲﾄﾞ 〒１００－０００１ 東京都千代田区丸の内１－２－３';
    const findings = findContactDetails(text);
    expect(findings.map((f) => [f.kind, f.start, f.end])).toEqual([
      ['postal_code', 7, 16],
      ['address', 27, 32],
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('R-MSG-4 positions stay right after surrogate pairs', () => {
    const text = '😀🎉 LINE ID: taro_123';
    const [finding] = findContactDetails(text);
    expect(finding).toMatchObject({ kind: 'messenger', start: 5, end: text.length, text: 'LINE ID: taro_123' });
  });

  it('R-FEED-2 findings are sorted by start, do not overlap, and carry the Japanese label', () => {
    const text =
      '連絡先：https://example.com/jobs?tel=09012345678 / taro@example.co.jp / 〒100-0001 丸の内1-2-3 / LINE ID: taro / 1234 5678 9012 / 03-1234-5678';
    const findings = findContactDetails(text);
    expect(findings.map((f) => f.kind)).toEqual(['url', 'email', 'postal_code', 'address', 'messenger', 'twelve_digit', 'phone']);
    for (const [i, f] of findings.entries()) {
      expect(f.label).toBe(CONTACT_KIND_LABELS[f.kind]);
      expect(text.slice(f.start, f.end)).toBe(f.text);
      const next = findings[i + 1];
      if (next) expect(f.end).toBeLessThanOrEqual(next.start);
    }
  });

  it.each<[ContactKind, string]>([
    ['phone', '電話番号'],
    ['email', 'メールアドレス'],
    ['postal_code', '郵便番号'],
    ['address', '住所（番地）'],
    ['twelve_digit', '12桁の番号（個人番号など）'],
    ['url', 'URL'],
    ['messenger', 'メッセンジャーID'],
  ])('R-MSG-4 the %s kind is named %s', (kind, label) => {
    expect(CONTACT_KIND_LABELS[kind]).toBe(label);
  });
});

describe('normalizeForMatching', () => {
  it('R-MSG-4 maps full-width text to ASCII and back to the original range', () => {
    const n = normalizeForMatching('電話：０９０');
    expect(n.text).toBe('電話:090');
    expect(n.toOriginal(3, 6)).toEqual({ start: 3, end: 6 });
  });

  it('R-MSG-4 maps an expanded character back to the whole original character', () => {
    const n = normalizeForMatching('a㈱b');
    expect(n.text).toBe('a(株)b');
    expect(n.toOriginal(2, 3)).toEqual({ start: 1, end: 2 });
    expect(n.toOriginal(4, 5)).toEqual({ start: 2, end: 3 });
  });
});

describe('describeFindings', () => {
  it.each<[string, string]>([
    ['090-1234-5678', '「電話番号（090-1234-5678）」が含まれています。'],
    ['090-1234-5678 / taro@example.com', '「電話番号（090-1234-5678）」と「メールアドレス（taro@example.com）」が含まれています。'],
    [
      '〒100-0001 example.com LINE ID: taro',
      '「郵便番号（〒100-0001）」、「URL（example.com）」と「メッセンジャーID（LINE ID: taro）」が含まれています。',
    ],
    ['年収400万円', ''],
  ])('R-MSG-4 R-FEED-2 describes %s politely', (text, sentence) => {
    expect(describeFindings(findContactDetails(text))).toBe(sentence);
  });

  it('R-MSG-4 shortens a very long finding', () => {
    const url = `https://example.com/${'a'.repeat(60)}`;
    expect(describeFindings(findContactDetails(url))).toBe(`「URL（${url.slice(0, 40)}…）」が含まれています。`);
  });
});
