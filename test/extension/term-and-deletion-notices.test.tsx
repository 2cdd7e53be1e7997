/**
 * The service term in the dashboard (R-TERM-1) and the deletion notices in the jobseeker's popup
 * (R-DEL-2), rendered with the real components in happy-dom, in Japanese.
 */
import { describe, expect, it } from 'vitest';
import { sendBlockedReason } from '../../extension/utils/send-blocked';
import { TermBanner } from '../../extension/components/TermBanner';
import { DeletionNotices } from '../../extension/components/seeker/DeletionNotices';
import { describeProblem } from '../../extension/utils/refusal';
import { ApiProblem } from '../../extension/utils/problem';
import type { DeletionRequest } from '../../shared/schemas/message';
import { db, setMeta } from '../../extension/utils/db';
import { processAgencyEvents } from '../../extension/utils/events';
import { applyProblem } from '../../extension/utils/status';
import { AGENCY_TOKEN, FakeWorker, WORKER, agencyAccount } from './fake-worker';
import { mount } from './dom';
import { ACCOUNT, NONE, ONE, OTHER_ACCOUNT, held, jst, seedJobseeker } from './seed';

const term = { startsOn: '2026-12-01', endsOn: '2027-03-31', licenceExpiresOn: '2028-03-31' };
/** 10:00 JST on a day. */
const at = (day: string) => new Date(`${day}T01:00:00.000Z`);

describe('R-TERM-1 the term in the dashboard', () => {
  it('R-TERM-1 shows the term and the licence expiry, and the banner from 30 days before the last day', async () => {
    const before = await mount(<TermBanner agency={agencyAccount({ term })} now={at('2027-02-28')} />);
    expect(before.textContent).toContain('利用期限: 2027年3月31日');
    expect(before.textContent).toContain('許可の有効期限: 2028年3月31日');
    expect(before.querySelector('[role="alert"]')).toBeNull();
    const ending = await mount(<TermBanner agency={agencyAccount({ term })} now={at('2027-03-01')} />);
    expect(ending.querySelector('[role="alert"]')?.textContent).toContain('利用期限が近づいています');
    expect(ending.textContent).toContain('更新申請');
    const lastDay = await mount(<TermBanner agency={agencyAccount({ term })} now={at('2027-03-31')} />);
    expect(lastDay.textContent).toContain('利用期限が近づいています');
  });

  it('R-TERM-1 after the last day says the service stopped, and sending is blocked', async () => {
    const ended = await mount(<TermBanner agency={agencyAccount({ term })} now={at('2027-04-01')} />);
    expect(ended.querySelector('[role="alert"]')?.textContent).toContain('利用期限が過ぎました');
    expect(ended.textContent).toContain('削除されます');
    expect(sendBlockedReason(agencyAccount({ term }), null, at('2027-03-31'))).toBeNull();
    expect(sendBlockedReason(agencyAccount({ term }), null, at('2027-04-01'))).toContain('2027年3月31日');
  });

  it('R-TERM-1 explains the term_expired refusal with the last day', () => {
    const body = { type: 'x', title: '利用期限が過ぎています', status: 403, detail: '…', code: 'term_expired', term } as never;
    const text = describeProblem(new ApiProblem(403, 'term_expired', body, null), 'agency');
    expect(text.title).toBe('利用期限が過ぎています');
    expect(text.detail).toContain('2027年3月31日');
  });

  it('R-TERM-1 shows nothing for an agency with no recorded term', async () => {
    const none = await mount(<TermBanner agency={agencyAccount({ term: null })} now={at('2027-04-01')} />);
    expect(none.textContent).toBe('');
  });
});

describe('R-TERM-1 R-RET-3 the extension deletes when the term ends', () => {
  it('R-TERM-1 R-RET-3 a term_ended event deletes all jobseeker data of the account, and only that account’s', async () => {
    const w = new FakeWorker();
    await setMeta(db, ACCOUNT, 'agency', agencyAccount({ term }));
    await seedJobseeker('13-7K3QM2XPA9');
    await seedJobseeker('13-7K3QM2XPA9', { account: OTHER_ACCOUNT });
    w.addEvent({ id: 'ev_term', type: 'term_ended', rule: 'R-RET-3', details: { endsOn: '2027-03-31', purged: 1 } });
    await processAgencyEvents({ ctx: { baseUrl: WORKER, token: AGENCY_TOKEN, fetch: w.fetch }, account: ACCOUNT });
    expect(await held(ACCOUNT)).toEqual(NONE);
    expect(await held(OTHER_ACCOUNT)).toEqual(ONE);
    expect(w.acked.has('ev_term')).toBe(true);
  });

  it('R-TERM-1 R-RET-3 a term_expired refusal deletes it too, offline from the event', async () => {
    await setMeta(db, ACCOUNT, 'agency', agencyAccount({ term }));
    await seedJobseeker('13-7K3QM2XPA9');
    await applyProblem(new ApiProblem(403, 'term_expired', null), { account: ACCOUNT, now: jst('2027-04-01') });
    expect(await held()).toEqual(NONE);
    // The account stays active (the job-offer service goes on).
    expect(((await db.meta.get([ACCOUNT, 'agency']))?.value as { status: string }).status).toBe('active');
  });
});

describe('R-DEL-2 the deletion notices in the popup', () => {
  it('R-DEL-2 lists each notice with its time, as plain text', async () => {
    const request: DeletionRequest = {
      id: 'D01',
      agencyId: 'A7K3M9X2QAB',
      agencyName: '株式会社みらい人材',
      state: 'requested',
      agencyHeldData: true,
      requestedAt: '2026-11-27T01:00:00.000Z',
      serverDeletedAt: '2026-11-27T01:00:00.000Z',
      agencyDeletedAt: null,
      completedAt: null,
      notice: null,
      notices: [
        { kind: 'server_access_removed', at: '2026-11-27T01:00:00.000Z', text: 'サーバー上の閲覧権限を削除しました。<b>x</b>' },
        { kind: 'not_confirmed', at: '2026-11-28T01:01:00.000Z', text: '24時間を過ぎても確認していません。' },
      ],
    };
    const root = await mount(<DeletionNotices request={request} />);
    const items = [...root.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('2026年11月27日 10:00');
    expect(items[0]).toContain('<b>x</b>'); // shown as text, never as HTML
    expect(root.querySelector('b')).toBeNull();
    expect(items[1]).toContain('24時間');
  });
});
