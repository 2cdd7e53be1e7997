/**
 * Bug D: an agency notice speaks in words, not rule codes, and says plainly when there was nothing
 * left to delete (R-DEL-1, R-BLOCK-2).
 */
import { describe, expect, it } from 'vitest';
import { Notices } from '../../extension/components/Notices';
import { db } from '../../extension/utils/db';
import { mount, settle } from './dom';
import { ACCOUNT } from './seed';

describe('agency notices', () => {
  it('R-DEL-1 shows no raw rule code and no "(0件)" when the data was already gone', async () => {
    await db.events.put({
      account: ACCOUNT,
      id: 'ev_1',
      seq: 1,
      type: 'deletion_request',
      rule: 'R-DEL-1',
      createdAt: '2026-11-27T00:00:00.000Z',
      handledAt: '2026-11-27T00:00:00.000Z',
      ackedAt: '2026-11-27T00:00:01.000Z',
      deletedRecords: 0,
      seenAt: null,
    });
    await db.events.put({
      account: ACCOUNT,
      id: 'ev_2',
      seq: 2,
      type: 'block',
      rule: 'R-BLOCK-2',
      createdAt: '2026-11-27T01:00:00.000Z',
      handledAt: '2026-11-27T01:00:00.000Z',
      ackedAt: null,
      deletedRecords: 3,
      seenAt: null,
    });
    const root = await mount(<Notices account={ACCOUNT} />);
    await settle();
    const items = [...root.querySelectorAll('ul.notices li')].map((li) => li.textContent ?? '');
    expect(items).toHaveLength(2);
    for (const text of items) expect(text).not.toMatch(/R-[A-Z]+-\d/);
    expect(items.join('\n')).not.toContain('（0件）');
    expect(items.find((x) => x.includes('削除の申出'))).toContain('すでに削除済み');
    expect(items.find((x) => x.includes('ブロック'))).toContain('（3件）');
  });
});
