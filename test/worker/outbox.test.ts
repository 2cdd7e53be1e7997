/**
 * Notices delivered at least once (R-MSG-3): a notice whose delivery fails stays queued in the
 * agency's object and its alarm retries it until the jobseeker's object has it. The failure is a
 * real one: the jobseeker's object loses its conversations table for a moment.
 */
import { env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { exampleMandatoryInformation } from '../../shared/schemas/examples';
import { api, jst, ministry, setClock } from './helpers';
import { agencyIn, seekerIn } from './bureau-helpers';

const agencyObject = (id: string) => env.AGENCY.get(env.AGENCY.idFromName(id));
const seekerObject = (profileId: string) => env.SEEKER.get(env.SEEKER.idFromName(profileId));
const renameTable = (profileId: string, from: string, to: string) =>
  runInDurableObject(seekerObject(profileId), async (_obj, state) => {
    state.storage.sql.exec(`ALTER TABLE ${from} RENAME TO ${to}`);
  });

beforeEach(async () => {
  await setClock(jst('2026-11-27', '10:00'));
});

describe('R-MSG-3 notices are delivered at least once', () => {
  it('R-MSG-3 a notice whose first delivery fails stays queued and arrives when the alarm retries it', async () => {
    const agency = await agencyIn('13');
    const seeker = await seekerIn('13');
    const first = await api('POST', '/v1/agency/conversations', {
      token: agency.token,
      body: { profileId: seeker.profileId, body: 'はじめまして。求人をご紹介できます。', idempotencyKey: `k${Date.now()}` },
    });
    expect(first.status).toBe(201);

    await renameTable(seeker.profileId, 'conversations', 'conversations_away');
    const newInfo = { ...exampleMandatoryInformation, feesToJobseekers: { hasFees: true, text: '求職受付手数料 660円（税込）' } };
    const filed = await api('POST', '/v1/agency/change-requests', { token: agency.token, body: { mandatoryInformation: newInfo } });
    const accepted = await api('POST', `/v1/admin/change-requests/${filed.body.id}/accept`, { token: await ministry(), body: {} });
    expect(accepted.body).toMatchObject({ mandatoryInformationVersion: 2, notified: 0 });
    const waiting = await agencyObject(agency.id).pendingNotices();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({
      profileId: seeker.profileId,
      attempts: 1,
      notice: { kind: 'mandatory_info', conversationId: first.body.conversationId, info: { version: 2 } },
    });

    // Still failing: the alarm tries again, keeps it, and backs off further.
    expect(await runDurableObjectAlarm(agencyObject(agency.id))).toBe(true);
    const again = await agencyObject(agency.id).pendingNotices();
    expect(again[0]!.attempts).toBe(2);
    expect(Date.parse(again[0]!.nextAt)).toBeGreaterThan(Date.parse(waiting[0]!.nextAt));

    await renameTable(seeker.profileId, 'conversations_away', 'conversations');
    expect(await runDurableObjectAlarm(agencyObject(agency.id))).toBe(true);
    expect(await agencyObject(agency.id).pendingNotices()).toEqual([]);
    const thread = await api('GET', `/v1/seeker/conversations/${first.body.conversationId}`, { token: seeker.token });
    const notices = thread.body.messages.filter((m: { notice?: string }) => m.notice === 'mandatory_info_changed');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ from: 'system', mandatoryInformation: { version: 2 } });
    // Nothing left to retry: no alarm is set.
    expect(await runDurableObjectAlarm(agencyObject(agency.id))).toBe(false);
  });
});
