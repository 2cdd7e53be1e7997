import { describe, expect, it } from 'vitest';
import { api, bureau, jst, ministry, setClock } from './helpers';
import { adminAgency, agencyIn, licenceNumber, refresh } from './bureau-helpers';

const DAY = '2026-12-07';
const as = (token: string, method: string, path: string, body?: unknown) => api(method, path, { token, body });

describe('R-COR-1 correction requests', () => {
  it('R-COR-1 the bureau asks, the agency answers in its own words, the bureau sends it back, then confirms: the suspension until corrected lifts; every step dated and audited', async () => {
    await setClock(jst(DAY, '10:00'));
    const agency = await agencyIn('13');
    const tokyo = await bureau('13');
    const violation = (
      await as(tokyo, 'POST', `/v1/admin/agencies/${agency.id}/violations`, {
        category: 'excessive_sales',
        note: '過度な営業の苦情が続いたため',
      })
    ).body.violation;
    expect(
      (
        await as(tokyo, 'POST', `/v1/admin/agencies/${agency.id}/suspensions`, {
          kind: 'until_corrected',
          reason: '是正まで停止',
          violationId: violation.id,
        })
      ).status,
    ).toBe(200);

    const sent = await as(tokyo, 'POST', `/v1/admin/agencies/${agency.id}/correction-requests`, {
      basis: { violationId: violation.id },
      problem: '求職者へ同じ勧誘を繰り返し送っています。',
      required: '勧誘の送信を止め、社内の手順を見直してください。',
      dueOn: '2026-12-21',
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      kind: 'correction',
      agencyId: agency.id,
      status: 'open',
      dueOn: '2026-12-21',
      sentBy: expect.any(String),
      proposal: null,
    });
    // Another prefecture's bureau cannot send one to this agency.
    expect(
      (
        await as(await bureau('27'), 'POST', `/v1/admin/agencies/${agency.id}/correction-requests`, {
          basis: { finding: '所見' },
          problem: '問題',
          required: '対応',
          dueOn: '2026-12-21',
        })
      ).status,
    ).toBe(403);

    // The suspended agency reads and answers it; contact details and a future date are refused.
    await setClock(jst('2026-12-09', '10:00'));
    const token = (await refresh(agency)).token;
    const mine = (await as(token, 'GET', '/v1/agency/correction-requests')).body.items;
    expect(mine.map((r: { id: string }) => r.id)).toEqual([sent.body.id]);
    expect(
      (
        await as(token, 'POST', `/v1/agency/correction-requests/${sent.body.id}/answer`, {
          doneOn: '2026-12-09',
          text: '担当は090-1234-5678までご連絡ください。',
        })
      ).body.code,
    ).toBe('contact_details_not_allowed');
    expect(
      (
        await as(token, 'POST', `/v1/agency/correction-requests/${sent.body.id}/answer`, {
          doneOn: '2026-12-10',
          text: '送信を止めました。',
        })
      ).body.code,
    ).toBe('done_on_in_future');
    const first = await as(token, 'POST', `/v1/agency/correction-requests/${sent.body.id}/answer`, {
      doneOn: '2026-12-08',
      text: '勧誘の送信を止めました。',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'answered', answers: [{ doneOn: '2026-12-08', text: '勧誘の送信を止めました。' }] });

    // Only the agency's own bureau decides; it sends the answer back once.
    const request = `/v1/admin/correction-requests/${sent.body.id}/confirm`;
    expect((await as(await bureau('27'), 'POST', request, { decision: 'confirmed', note: '確認' })).status).toBe(404);
    const tokyoNow = await bureau('13');
    const returned = await as(tokyoNow, 'POST', request, { decision: 'returned', note: '社内手順の見直しの内容も書いてください。' });
    expect(returned.body).toMatchObject({ request: { status: 'returned' }, suspensionLifted: false });
    expect((await as(tokyoNow, 'POST', request, { decision: 'confirmed', note: '確認' })).body.code).toBe('correction_not_answered');
    expect((await adminAgency(agency.id)).agency.status).toBe('suspended');

    await as(token, 'POST', `/v1/agency/correction-requests/${sent.body.id}/answer`, {
      doneOn: '2026-12-09',
      text: '送信手順を改め、責任者の承認を必須にしました。',
    });
    const confirmed = await as(tokyoNow, 'POST', request, { decision: 'confirmed', note: '是正を確認しました。' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      request: { status: 'confirmed', decisions: [{ decision: 'returned' }, { decision: 'confirmed' }] },
      suspensionLifted: true,
    });
    expect((await as((await refresh(agency)).token, 'GET', '/v1/agency/me')).body).toMatchObject({ status: 'active', suspension: null });
    expect(
      (await as(token, 'POST', `/v1/agency/correction-requests/${sent.body.id}/answer`, { doneOn: '2026-12-09', text: '追記' })).body.code,
    ).toBe('correction_already_confirmed');

    const audit = (await as(await ministry(), 'GET', '/v1/admin/audit?limit=50')).body.items
      .filter((e: { target: string }) => e.target === agency.id)
      .map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['correction.request', 'correction.returned', 'correction.confirmed']));
    // The bureau's list shows it in its prefecture only.
    expect((await as(tokyoNow, 'GET', '/v1/admin/correction-requests')).body.items.map((r: { id: string }) => r.id)).toContain(
      sent.body.id,
    );
    expect(
      (await as(await bureau('27'), 'GET', '/v1/admin/correction-requests')).body.items.map((r: { id: string }) => r.id),
    ).not.toContain(sent.body.id);
  });
});

describe('R-COR-3 measures the operations organisation requires', () => {
  it('R-COR-3 only the ministry requires a measure; not taken by its day, a temporary suspension is proposed from the next day on; confirmed, nothing is proposed', async () => {
    await setClock(jst(DAY, '10:00'));
    const agency = await agencyIn('13');
    const body = {
      kind: 'measure',
      basis: { finding: 'アクセス記録に不審な一括取得がありました。' },
      problem: '短時間に大量の求職者情報を開いています。',
      required: '担当者のアカウント管理を見直し、報告してください。',
      dueOn: '2026-12-14',
    };
    expect((await as(await bureau('13'), 'POST', `/v1/admin/agencies/${agency.id}/correction-requests`, body)).status).toBe(403);
    const sent = await as(await ministry(), 'POST', `/v1/admin/agencies/${agency.id}/correction-requests`, body);
    expect(sent.status).toBe(201);
    const read = async () =>
      (await as(await ministry(), 'GET', '/v1/admin/correction-requests')).body.items.find((r: { id: string }) => r.id === sent.body.id);
    await setClock(jst('2026-12-14', '23:59'));
    expect((await read()).proposal).toBeNull();
    await setClock(jst('2026-12-15', '00:00'));
    expect((await read()).proposal).toMatchObject({ kind: 'suspension', term: 'temporary', basis: '§8(3)' });
    // Still not a sanction by itself.
    expect((await adminAgency(agency.id)).agency.status).toBe('active');

    await setClock(jst('2026-12-15', '10:00'));
    await as((await refresh(agency)).token, 'POST', `/v1/agency/correction-requests/${sent.body.id}/answer`, {
      doneOn: '2026-12-15',
      text: 'アカウントを担当者ごとに分け、操作記録を確認する手順を作りました。',
    });
    await as(await ministry(), 'POST', `/v1/admin/correction-requests/${sent.body.id}/confirm`, {
      decision: 'confirmed',
      note: '措置を確認しました。',
    });
    expect((await read()).proposal).toBeNull();
  });
});

describe('R-COR-2 reports on request', () => {
  it('R-COR-2 the bureau asks a filtered set; answers are kept as versions and never edited; the bureau lists who is overdue, in its prefecture', async () => {
    await setClock(jst(DAY, '10:00'));
    const paid = await agencyIn('13');
    const free = await agencyIn('13', { licence: { kind: 'free', number: licenceNumber('13').replace('ユ', 'ム') } });
    const osaka = await agencyIn('27');
    const ask = await as(await ministry(), 'POST', '/v1/admin/report-requests', {
      kind: 'fact_finding',
      title: '求職者への連絡方法の実態調査',
      questions: ['最初の連絡の文面をどのように作っていますか。', '送信の前に誰が確認していますか。'],
      dueOn: '2026-12-18',
      target: { prefecture: '13', licenceKind: 'free' },
    });
    expect(ask.status).toBe(201);
    const targets = ask.body.targets.map((t: { agencyId: string }) => t.agencyId);
    expect(targets).toContain(free.id);
    expect(targets).not.toContain(paid.id);
    expect(targets).not.toContain(osaka.id);
    const single = await as(await bureau('13'), 'POST', '/v1/admin/report-requests', {
      kind: 'usage_report',
      title: '12月の利用状況',
      questions: ['送信数'],
      dueOn: '2026-12-18',
      target: { agencyId: paid.id },
    });
    expect(single.status).toBe(201);
    expect(
      (
        await as(await bureau('13'), 'POST', '/v1/admin/report-requests', {
          kind: 'usage_report',
          title: '報告',
          questions: ['送信数'],
          dueOn: '2026-12-18',
          target: { agencyId: osaka.id },
        })
      ).status,
    ).toBe(403);

    const path = `/v1/agency/report-requests/${ask.body.id}`;
    expect((await as(free.token, 'PUT', path, { answers: ['テンプレートを使います。'] })).body.code).toBe('answers_do_not_match_questions');
    expect((await as(free.token, 'PUT', path, { answers: ['テンプレートを使います。', '課長が確認します。'] })).body.versions).toHaveLength(
      1,
    );
    const corrected = await as(free.token, 'PUT', path, {
      answers: ['テンプレートを使い、求職者ごとに書き直します。', '課長が確認します。'],
    });
    expect(corrected.body.versions.map((v: { version: number; answers: string[] }) => [v.version, v.answers[0]])).toEqual([
      [1, 'テンプレートを使います。'],
      [2, 'テンプレートを使い、求職者ごとに書き直します。'],
    ]);
    expect((await as(paid.token, 'PUT', path, { answers: ['a', 'b'] })).status).toBe(404);

    await setClock(jst('2026-12-18', '23:00'));
    const onDue = (await as(await bureau('13'), 'GET', '/v1/admin/report-requests')).body.items.find(
      (r: { id: string }) => r.id === single.body.id,
    );
    expect(onDue.targets[0]).toMatchObject({ agencyId: paid.id, overdue: false });
    await setClock(jst('2026-12-19', '10:00'));
    const after = (await as(await bureau('13'), 'GET', '/v1/admin/report-requests')).body.items;
    expect(after.find((r: { id: string }) => r.id === single.body.id).targets[0]).toMatchObject({
      agencyId: paid.id,
      overdue: true,
      answeredAt: null,
    });
    expect(
      after.find((r: { id: string }) => r.id === ask.body.id).targets.find((t: { agencyId: string }) => t.agencyId === free.id),
    ).toMatchObject({ overdue: false, versions: 2 });
    expect((await as((await refresh(paid)).token, 'GET', '/v1/agency/report-requests')).body.items[0]).toMatchObject({
      id: single.body.id,
      overdue: true,
    });
    expect((await as(await bureau('27'), 'GET', '/v1/admin/report-requests')).body.items.map((r: { id: string }) => r.id)).not.toContain(
      single.body.id,
    );
  });
});
