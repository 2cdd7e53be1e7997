/**
 * The agency's inbox lines (R-MSG-1): the preview is the last message held, never an older one when
 * the worker reports a newer message the extension has not fetched yet.
 */
import { describe, expect, it } from 'vitest';
import { db } from '../../extension/utils/db';
import { inboxLines } from '../../extension/utils/inbox';
import { ACCOUNT, seedJobseeker } from './seed';

describe('inbox lines', () => {
  it('R-MSG-1 previews the last message held when it is the conversation’s last', async () => {
    const id = await seedJobseeker('13-7K3QM2XPA9', { messages: 2 });
    await db.conversations.update([ACCOUNT, id], { lastMessageAt: '2026-11-27T03:00:00.000Z' });
    const [line] = await inboxLines(ACCOUNT);
    expect(line).toMatchObject({ lastMessage: { from: 'seeker', body: '夜勤の回数を教えてください。' }, newerUnseen: false });
  });

  it('R-MSG-1 shows no stale preview when a newer message waits at the worker: it says one waits', async () => {
    const id = await seedJobseeker('13-7K3QM2XPA9', { messages: 1 });
    // The jobseeker replied at 03:00; the extension holds only its own 02:00 first contact.
    await db.conversations.update([ACCOUNT, id], { lastMessageAt: '2026-11-27T03:00:00.000Z', unread: 1 });
    const [line] = await inboxLines(ACCOUNT);
    expect(line).toMatchObject({ lastMessage: null, newerUnseen: true, unread: 1 });
  });
});
