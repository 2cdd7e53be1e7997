/**
 * The shared detector at the worker's other call sites: the bureau's feed load (R-FEED-2) and a
 * jobseeker's complaint passed on to the agency (R-MSG-4, R-CMP-1).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { api, bureau, jst, loadRows, profileRow, setClock } from './helpers';
import { agencyIn, seekerIn, type Agency } from './bureau-helpers';

const TODAY = '2026-11-27';

describe('R-FEED-2 the feed load sees through disguises', () => {
  beforeAll(async () => {
    await setClock(jst(TODAY, '10:00'));
  });

  it.each([
    ['slashes', '連絡は090/1234/5678まで', '電話番号'],
    ['underscores', '携帯 090_1234_5678', '電話番号'],
    ['commas', '090,1234,5678 にどうぞ', '電話番号'],
    ['kanji numerals', '〇九〇ー一二三四ー五六七八', '電話番号'],
    ['spelled-out at and dot', 'taro あっと example どっと com', 'メールアドレス'],
    ['a LINE ID after は', 'LINEはtaro_123です', 'メッセンジャーID'],
    ['a stated name', '山田太郎と申します。介護職を希望します。', '氏名'],
    ['a 12-digit number in kanji', 'マイナンバー 一二三四五六七八九〇一二', '12桁'],
    ['a street address with 丁目', '西新宿二丁目8番1号に住んでいます', '住所'],
  ])('R-FEED-2 refuses a row with %s, with field and reason, and loads the rest', async (_what, text, label) => {
    const res = await loadRows([
      profileRow({ selfIntroduction: '介護福祉士。月給25万円、9:00〜18:00希望。2026年4月から勤務可能。' }),
      profileRow({ selfIntroduction: text }),
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ loaded: 1, refused: 1 });
    const refused = res.body.results.find((r: { ok: boolean }) => !r.ok);
    expect(refused.errors[0]).toMatchObject({ field: 'selfIntroduction', code: 'contact_details' });
    expect(refused.errors[0].reason).toContain(label);
  });
});

describe('R-MSG-4 a complaint passed on to the agency carries no contact details', () => {
  let agency: Agency;
  let seeker: { token: string; profileId: string };
  let osaka: string;

  beforeAll(async () => {
    await setClock(jst(TODAY, '10:00'));
    agency = await agencyIn('27');
    seeker = await seekerIn('13');
    osaka = await bureau('27');
  });

  it('R-MSG-4 R-CMP-1 refuses to pass on a complaint holding the jobseeker’s name or contact details, and passes on a clean summary', async () => {
    const content = '山田太郎と申します。〇九〇ー一二三四ー五六七八 に夜遅く何度も電話がありました。';
    const filed = (await api('POST', '/v1/seeker/complaints', { token: seeker.token, body: { agencyId: agency.id, content } })).body;
    const refused = await api('POST', `/v1/admin/complaints/${filed.id}/forward`, { token: osaka, body: {} });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('contact_details_not_allowed');
    expect(refused.body.findings.map((f: { kind: string }) => f.kind)).toEqual(['name', 'phone']);
    expect(refused.body.detail).toContain('要約');
    const log = async () =>
      (await api('GET', '/v1/agency/complaints', { token: agency.token })).body.items as Array<{ bureauComplaintId?: string }>;
    expect((await log()).some((e) => e.bureauComplaintId === filed.id)).toBe(false);

    const dirtySummary = await api('POST', `/v1/admin/complaints/${filed.id}/forward`, {
      token: osaka,
      body: { summary: '090-1234-5678 への電話が多いとの申出' },
    });
    expect(dirtySummary.status).toBe(422);

    const passed = await api('POST', `/v1/admin/complaints/${filed.id}/forward`, {
      token: osaka,
      body: { summary: '夜間の電話連絡が多いとの申出' },
    });
    expect(passed.status).toBe(200);
    expect((await log()).some((e) => e.bureauComplaintId === filed.id)).toBe(true);
  });
});
