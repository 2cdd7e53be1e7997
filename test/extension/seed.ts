/**
 * Local data as the dashboard leaves it after opening profiles and writing to their owners: an
 * acquisition with its deadline, the profile, a conversation and messages, for one account.
 */
import { localRetentionDeadline } from '../../extension/utils/acquisitions';
import { db, type MadoguchiDB } from '../../extension/utils/db';
import type { AccountKey } from '../../extension/utils/session';
import { profileWithId } from './fake-worker';

export const ACCOUNT: AccountKey = 'agency:A7K3M9X2QAB';
export const OTHER_ACCOUNT: AccountKey = 'agency:B9Z8Y7X6W5V';

/** Seeds one jobseeker's data; returns the conversation ID. */
export async function seedJobseeker(
  profileId: string,
  options: { account?: AccountKey; acquiredOn?: string; acceptedOn?: string | null; messages?: number; database?: MadoguchiDB } = {},
): Promise<string> {
  const database = options.database ?? db;
  const account = options.account ?? ACCOUNT;
  const acquiredOn = options.acquiredOn ?? '2026-11-27';
  const acceptedOn = options.acceptedOn ?? null;
  const conversationId = `cv_${profileId.replace(/\W/g, '')}`;
  await database.acquisitions.put({
    account,
    profileId,
    acquiredOn,
    acceptedOn,
    retentionDeadline: localRetentionDeadline(acquiredOn, acceptedOn),
    source: 'worker',
  });
  await database.profiles.put({ account, profileId, profile: profileWithId(profileId), fetchedAt: `${acquiredOn}T01:00:00.000Z` });
  await database.conversations.put({
    account,
    id: conversationId,
    agencyId: account.split(':')[1]!,
    agencyName: '株式会社みらい人材',
    profileId,
    state: 'open',
    mandatoryInformationVersion: 1,
    mandatoryInformationVersionSeen: 1,
    unread: 1,
    lastMessageAt: `${acquiredOn}T02:00:00.000Z`,
  });
  const n = options.messages ?? 2;
  for (let i = 0; i < n; i++) {
    await database.messages.put({
      account,
      id: `${conversationId}_m${i}`,
      conversationId,
      profileId,
      from: i % 2 ? 'seeker' : 'agency',
      kind: i ? 'reply' : 'first_contact',
      body: i % 2 ? '夜勤の回数を教えてください。' : 'はじめまして。介護職の求人をご紹介できます。',
      sentAt: `${acquiredOn}T0${2 + i}:00:00.000Z`,
    });
  }
  return conversationId;
}

/** How many local records of each jobseeker-data kind an account holds for a profile (or all). */
export async function held(account: AccountKey = ACCOUNT, profileId?: string) {
  const match = <T extends { account: string; profileId: string }>(r: T) =>
    r.account === account && (profileId === undefined || r.profileId === profileId);
  return {
    acquisitions: (await db.acquisitions.toArray()).filter(match).length,
    profiles: (await db.profiles.toArray()).filter(match).length,
    conversations: (await db.conversations.toArray()).filter(match).length,
    messages: (await db.messages.toArray()).filter(match).length,
  };
}

export const NONE = { acquisitions: 0, profiles: 0, conversations: 0, messages: 0 };
export const ONE = { acquisitions: 1, profiles: 1, conversations: 1, messages: 2 };

/** An instant from a JST date and time. */
export function jst(date: string, time = '12:00'): Date {
  return new Date(`${date}T${time}:00+09:00`);
}
