/**
 * The jobseeker's popup checks answers and forms without zod (its 50 KB budget). These tests prove
 * the plain checks agree with the shared zod schemas they stand in for: the sign-in and activation
 * forms on generated input (same verdict, same Japanese messages, same normalised code), problem
 * details (R-SEC-3), and the answer shapes (a shared schema's valid answer passes; a broken one is
 * refused as `invalid_response`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isProblemDetails } from '../../extension/utils/problem';
import { listBlocks, listDataHolders, listSeekerConversations } from '../../extension/utils/seeker-api';
import { parseActivation, parseSeekerSignIn } from '../../extension/utils/seeker-forms';
import * as S from '../../extension/utils/seeker-shapes';
import { BlockListSchema, DeletionRequestListSchema } from '../../shared/schemas/message';
import { ProblemDetailsSchema } from '../../shared/schemas/problem';
import { ActivationSchema, SeekerSignInSchema } from '../../shared/schemas/session';
import { DataHoldersSchema } from '../../shared/schemas/transparency';
import { AGENCY_ID, FakeWorker, WORKER, dataHolder } from './fake-worker';

const PROFILE = '13-7K3QM2XPA9';
const ctx = (w: FakeWorker) => ({ baseUrl: WORKER, token: `s.${PROFILE}.${'y'.repeat(32)}`, fetch: w.fetch });

/** Strings near the formats: valid IDs and codes, their look-alikes, and noise. */
const profileIds = fc.oneof(
  fc.constantFrom(PROFILE, '48-7K3QM2XPA9', '00-7K3QM2XPA9', '47-0000000000', '13-7K3QM2XPAU', '13-7k3qm2xpa9', '', '13-7K3QM2XPA'),
  fc
    .tuple(
      fc.integer({ min: 0, max: 60 }),
      fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 9, maxLength: 11 }),
    )
    .map(([p, r]) => `${String(p).padStart(2, '0')}-${r}`),
  fc.string(),
);
const codes = fc.oneof(
  fc.constantFrom('K7QM-2XPA-9RTD', ' k7qm-2xpa-9rtd ', 'K7QM-2XPA-9RTU', 'OILO-2XPA-9RTD', 'K7QM2XPA9RTD', ''),
  fc
    .array(fc.string({ unit: fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyzIOLU '), minLength: 3, maxLength: 5 }), {
      minLength: 2,
      maxLength: 4,
    })
    .map((g) => g.join('-')),
);
const passphrases = fc.oneof(
  fc.string({ maxLength: 14 }),
  fc.string({ minLength: 120, maxLength: 140 }),
  fc.constantFrom('さくらが咲く春の朝に吹く風', 'a'.repeat(128), 'a'.repeat(129), 'a'.repeat(11)),
);

describe('the jobseeker’s forms without zod agree with the shared schemas', () => {
  it('R-FEED-1 activation: same verdict, same messages in the same order, same normalised code', () => {
    fc.assert(
      fc.property(profileIds, codes, passphrases, (profileId, code, passphrase) => {
        const ours = parseActivation({ profileId, code, passphrase });
        const theirs = ActivationSchema.safeParse({ profileId, code, passphrase });
        expect(ours.success).toBe(theirs.success);
        if (ours.success && theirs.success) expect(ours.data).toEqual(theirs.data);
        if (!ours.success && !theirs.success) expect(ours.messages).toEqual(theirs.error.issues.map((i) => i.message));
      }),
      { numRuns: 2000 },
    );
  });

  it('R-FEED-1 sign-in: same verdict on generated IDs and passphrases', () => {
    fc.assert(
      fc.property(
        profileIds,
        fc.oneof(fc.string({ maxLength: 3 }), fc.string({ minLength: 126, maxLength: 130 })),
        (profileId, passphrase) => {
          expect(parseSeekerSignIn({ profileId, passphrase }).success).toBe(
            SeekerSignInSchema.safeParse({ profileId, passphrase }).success,
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('problem details without zod (R-SEC-3)', () => {
  const base = {
    type: 'https://madoguchi.example/problems/cap_reached',
    title: '本日の送信上限に達しました',
    status: 429,
    detail: '本日は1,000通送信済みです。',
    code: 'cap_reached',
  };
  const variants: Array<Record<string, unknown> | unknown> = [
    base,
    {
      ...base,
      used: 1000,
      limit: 1000,
      resetsAt: '2026-04-01T15:00:00.000Z',
      retryAfter: 30,
      reopensAt: '2026-04-01T15:00Z',
      extra: { kept: true },
    },
    { ...base, errors: [{ path: 'wage.max', message: '最低額が最高額を上回っています' }] },
    { ...base, errors: [{ path: 1, message: 'x' }] },
    { ...base, status: 399 },
    { ...base, status: 600 },
    { ...base, status: 429.5 },
    { ...base, code: 'Cap' },
    { ...base, code: '_cap' },
    { ...base, title: '' },
    { ...base, type: '' },
    { ...base, detail: 1 },
    { ...base, used: -1 },
    { ...base, retryAfter: 1.5 },
    { ...base, resetsAt: 'tomorrow' },
    { ...base, resetsAt: '2026-02-30T00:00:00Z' },
    { ...base, resetsAt: '2026-04-01T15:00:00+09:00' },
    { ...base, reopensAt: '2026-04-01T24:00:00Z' },
    { ...base, instance: 3 },
    null,
    [],
    'cap_reached',
  ];
  it('accepts and refuses exactly what ProblemDetailsSchema does', () => {
    for (const body of variants) expect(isProblemDetails(body), JSON.stringify(body)).toBe(ProblemDetailsSchema.safeParse(body).success);
  });
});

describe('the jobseeker’s answer shapes', () => {
  it('accept what the shared schemas accept', () => {
    const holders = {
      profileId: PROFILE,
      asOf: '2026-11-27T03:00:00.000Z',
      items: [dataHolder(), dataHolder({ block: { blockedAt: '2026-11-20T01:00:00.000Z', agencyDeletedAt: null } })],
    };
    expect(DataHoldersSchema.safeParse(holders).success).toBe(true);
    expect(S.DataHoldersShape(holders)).toBe(true);
    const blocks = {
      items: [{ agencyId: AGENCY_ID, agencyName: '株式会社みらい人材', blockedAt: '2026-11-20T01:00:00.000Z', agencyDeletedAt: null }],
    };
    expect(BlockListSchema.safeParse(blocks).success && S.BlockListShape(blocks)).toBe(true);
    const requests = {
      items: [
        {
          id: 'dr_1',
          agencyId: AGENCY_ID,
          agencyName: 'x',
          state: 'requested',
          agencyHeldData: true,
          requestedAt: '2026-11-20T01:00:00.000Z',
          serverDeletedAt: null,
          agencyDeletedAt: null,
          completedAt: null,
          notice: null,
        },
      ],
    };
    expect(DeletionRequestListSchema.safeParse(requests).success && S.DeletionRequestListShape(requests)).toBe(true);
  });

  it('refuse a broken answer as invalid_response, as the full client does', async () => {
    const w = new FakeWorker();
    w.overrides.set('GET /v1/seeker/blocks', { status: 200, body: { items: [{ agencyId: AGENCY_ID, blockedAt: 3 }] } } as never);
    await expect(listBlocks(ctx(w))).rejects.toMatchObject({ code: 'invalid_response', status: 200 });
    w.overrides.set('GET /v1/seeker/conversations', { status: 200, body: { items: 'none', nextCursor: null } } as never);
    await expect(listSeekerConversations(ctx(w))).rejects.toMatchObject({ code: 'invalid_response' });
    w.overrides.set('GET /v1/seeker/data-holders', { status: 200, body: [] } as never);
    await expect(listDataHolders(ctx(w))).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('send the token and reach the worker at the API.md paths', async () => {
    const w = new FakeWorker();
    await listBlocks({ ...ctx(w), baseUrl: `${WORKER}/` });
    expect(w.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/seeker/blocks' });
  });
});
