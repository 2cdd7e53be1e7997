/**
 * The feed search (R-FEED-3): a compact bar with every filter the API has except age, pickers on
 * demand, results with the total, and saved searches that count new matches.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { FeedSearch } from '../../extension/components/FeedSearch';
import { db } from '../../extension/utils/db';
import { newMatchCount, refreshSavedSearches } from '../../extension/utils/saved-searches';
import { AGENCY_TOKEN, FakeWorker, WORKER } from './fake-worker';
import { button, click, labelled, mount, settle, submit, type } from './dom';
import { ACCOUNT } from './seed';

let w: FakeWorker;
const ctx = () => ({ baseUrl: WORKER, token: AGENCY_TOKEN, fetch: w.fetch });

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T03:00:00.000Z') });
  w = new FakeWorker();
  await fakeBrowser.storage.local.set({ workerUrl: WORKER });
});
afterEach(() => vi.useRealTimers());

function check(root: Element, label: string) {
  const input = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === label)?.querySelector('input');
  if (!input) throw new Error(`no checkbox ${label}`);
  input.checked = true;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('feed search', () => {
  it('R-FEED-3 sends every filter the bar holds, and never an age filter', async () => {
    w.addProfile('13-7K3QM2XPA9');
    const root = await mount(<FeedSearch ctx={ctx()} account={ACCOUNT} onOpen={() => undefined} />);
    // Pickers are closed until asked for: the search button is on the first screen.
    expect([...root.querySelectorAll('details.filter-picker')].every((d) => !(d as HTMLDetailsElement).open)).toBe(true);
    expect(root.textContent).not.toMatch(/年齢層|年齢で絞/);
    await type(labelled(root, '市区町村コード'), '13101, 13102');
    await type(labelled(root, '下限（時間）'), '20');
    await type(labelled(root, '免許・資格（名称の一部）'), '介護福祉士');
    const experience = labelled(root, '経験のある職種') as unknown as HTMLSelectElement;
    experience.value = '050';
    experience.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    await type(labelled(root, 'その職種の経験年数（以上）'), '3');
    check(root, '医療，福祉');
    await settle();
    check(root, '高等学校卒');
    await settle();
    await submit(root.querySelector('form.search-form'));
    await settle();
    const path = w.requests.find((r) => r.path.startsWith('/v1/agency/feed?'))!.path;
    const query = new URLSearchParams(path.split('?')[1]);
    expect(Object.fromEntries(query)).toMatchObject({
      municipality: '13101,13102',
      hoursMin: '20',
      qualification: '介護福祉士',
      experienceOccupation: '050',
      experienceYearsMin: '3',
      industry: 'P',
      education: 'high_school',
    });
    expect(query.has('ageBand')).toBe(false);
  });

  it('R-FEED-3 shows the total when the worker gives one, and brings the results into view', async () => {
    w.addProfile('13-7K3QM2XPA9');
    w.feedTotal = 1234;
    const root = await mount(<FeedSearch ctx={ctx()} account={ACCOUNT} onOpen={() => undefined} />);
    await submit(root.querySelector('form.search-form'));
    await settle(12);
    expect(root.textContent).toContain('該当 1,234件（1件を表示）');
    expect(document.activeElement?.id).toBe('results-heading');
  });

  it('R-FEED-3 says 「10,000件以上」 when the worker counted up to its bound', async () => {
    w.addProfile('13-7K3QM2XPA9');
    w.feedTotal = 10_000;
    w.feedTotalExact = false;
    const root = await mount(<FeedSearch ctx={ctx()} account={ACCOUNT} onOpen={() => undefined} />);
    await submit(root.querySelector('form.search-form'));
    await settle(12);
    expect(root.textContent).toContain('該当 10,000件以上（1件を表示）');
  });

  it('R-FEED-3 a saved search counts profiles that are new since it was last run', async () => {
    w.addProfile('13-7K3QM2XPA9');
    const root = await mount(<FeedSearch ctx={ctx()} account={ACCOUNT} onOpen={() => undefined} />);
    await submit(root.querySelector('form.search-form'));
    await settle();
    await type(labelled(root, 'この条件に名前を付けて保存'), '都内の介護');
    await click(button(root, '保存'));
    await settle();
    expect(await newMatchCount(ACCOUNT)).toBe(0);
    w.addProfile('13-8M4RN3YQB0');
    w.addProfile('13-9N5SP4ZRC1');
    expect(await refreshSavedSearches({ ctx: ctx(), account: ACCOUNT, now: new Date() })).toBe(2);
    await settle();
    expect(root.textContent).toContain('新着 2件');
    await click(button(root, '都内の介護新着 2件'));
    await settle();
    expect(await newMatchCount(ACCOUNT)).toBe(0);
    expect((await db.savedSearches.toArray())[0]?.seenIds).toHaveLength(3);
  });
});

describe('agency inbox', () => {
  it('R-CAP-1 puts unread first, shows the profile summary and the last message, filters by state, and shows the quota', async () => {
    const { Inbox } = await import('../../extension/components/Inbox');
    const { seedJobseeker } = await import('./seed');
    const a = await seedJobseeker('13-7K3QM2XPA9', { messages: 2 });
    const b = await seedJobseeker('13-8M4RN3YQB0', { messages: 1 });
    await db.conversations.update([ACCOUNT, a], { unread: 0, state: 'open', lastMessageAt: '2026-11-27T03:00:00.000Z' });
    await db.conversations.update([ACCOUNT, b], { unread: 2, state: 'awaiting_seeker', lastMessageAt: '2026-11-27T01:00:00.000Z' });
    const quota = { day: '2026-11-27', used: 3, limit: 1000, remaining: 997, resetsAt: '2026-11-27T15:00:00.000Z' };
    const root = await mount(<Inbox ctx={ctx()} account={ACCOUNT} quota={quota} onOpen={() => undefined} onProblem={() => undefined} />);
    await settle();
    const rows = [...root.querySelectorAll('ul.inbox li')].map((li) => li.textContent ?? '');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('13-8M4RN3YQB0');
    expect(rows[0]).toContain('東京都');
    expect(rows[1]).toContain('求職者: 夜勤の回数を教えてください。');
    expect(root.textContent).toContain('3 / 1000');
    check(root, 'ブロック・終了');
    await settle();
    expect(root.querySelectorAll('ul.inbox li')).toHaveLength(0);
    check(root, '返信あり（やり取り中）');
    await settle();
    expect([...root.querySelectorAll('ul.inbox li')].map((li) => li.textContent)).toEqual([expect.stringContaining('13-7K3QM2XPA9')]);
  });
});
