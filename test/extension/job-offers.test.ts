/**
 * The extension's copies of job offers follow the worker (R-JOB-3): the real Dexie schema over
 * fake-indexeddb, and a stand-in worker answering the job-offer routes.
 */
import { describe, expect, it } from 'vitest';
import { JobOfferSchema, type JobOffer } from '../../shared/schemas/job-offer';
import type { Quote } from '../../shared/schemas/job-desk';
import { exampleJobOffer } from '../../shared/schemas/job-offer-examples';
import { db } from '../../extension/utils/db';
import { syncOfferCopies } from '../../extension/utils/job-offers';
import { ACCOUNT } from './seed';
import { WORKER } from './fake-worker';

const offerA: JobOffer = JobOfferSchema.parse(exampleJobOffer);
const offerB: JobOffer = JobOfferSchema.parse({ ...exampleJobOffer, offerNumber: '13010-00000002' });
const offerC: JobOffer = JobOfferSchema.parse({ ...exampleJobOffer, offerNumber: '13010-00000003' });
const HASH = 'a'.repeat(64);

function quote(offer: JobOffer, state: Quote['state']): Quote {
  const closed = state === 'closed';
  return {
    id: `Q${offer.offerNumber.slice(-4)}`,
    offerNumber: offer.offerNumber,
    jobseekerRef: 'K-1',
    version: 1,
    hash: HASH,
    presentedAs: 'hello_work',
    createdAt: '2026-11-27T01:00:00.000Z',
    state,
    changed: state === 'stale' ? ['賃金'] : [],
    latestVersion: closed ? null : 1,
    closedReason: closed ? 'closed_by_bureau' : null,
    offer: closed ? null : offer,
    introductionProcedure: 'x',
    text: closed ? null : '引用本文',
  };
}

/** A worker whose quote list and offer states are given; records the paths asked. */
function worker(quotes: Quote[], states: Record<string, 'open' | 'closed'>) {
  const asked: string[] = [];
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  const fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    asked.push(url.pathname + url.search);
    if (url.pathname === '/v1/agency/quotes') return json({ items: quotes, additions: [] });
    if (url.pathname === '/v1/agency/job-offers/status') {
      return json({
        items: url.searchParams.getAll('number').map((n) => ({
          offerNumber: n,
          status: states[n] ?? 'unknown',
          version: 1,
          hash: HASH,
          closedReason: states[n] === 'closed' ? 'closed_by_bureau' : null,
        })),
      });
    }
    return new Response('{}', { status: 404 });
  }) as typeof globalThis.fetch;
  return { ctx: { baseUrl: WORKER, token: 'a.A7K3M9X2QAB.x', fetch }, asked };
}

async function hold(offer: JobOffer) {
  await db.jobOffers.put({
    account: ACCOUNT,
    offerNumber: offer.offerNumber,
    detail: { offer, version: 1, hash: HASH, status: 'open', closedReason: null, updatedAt: '2026-11-27T01:00:00.000Z' },
    fetchedAt: '2026-11-27T01:00:00.000Z',
  });
}

describe("R-JOB-3 closed offers leave the extension's copy", () => {
  it('R-JOB-3 a quoted offer the worker reports closed disappears, and its quote keeps no content', async () => {
    await Promise.all([hold(offerA), hold(offerB)]);
    const { ctx } = worker([quote(offerA, 'closed'), quote(offerB, 'stale')], {});
    const r = await syncOfferCopies(ctx, ACCOUNT);
    expect(r).toEqual({ removedOffers: 1, closedQuotes: 1 });
    expect((await db.jobOffers.toArray()).map((o) => o.offerNumber)).toEqual([offerB.offerNumber]);
    const stored = await db.jobQuotes.get([ACCOUNT, quote(offerA, 'closed').id]);
    expect(stored!.quote).toMatchObject({ state: 'closed', text: null, offer: null });
    expect(JSON.stringify(stored)).not.toContain(offerA.employer.name);
    expect((await db.jobQuotes.get([ACCOUNT, quote(offerB, 'stale').id]))!.quote.changed).toEqual(['賃金']);
  });

  it('R-JOB-3 an opened offer never quoted is checked with the worker and removed once closed', async () => {
    await Promise.all([hold(offerB), hold(offerC)]);
    const { ctx, asked } = worker([], { [offerB.offerNumber]: 'open', [offerC.offerNumber]: 'closed' });
    expect(await syncOfferCopies(ctx, ACCOUNT)).toEqual({ removedOffers: 1, closedQuotes: 0 });
    expect((await db.jobOffers.toArray()).map((o) => o.offerNumber)).toEqual([offerB.offerNumber]);
    expect(asked.some((p) => p.startsWith('/v1/agency/job-offers/status'))).toBe(true);
  });

  it('R-JOB-3 an offer still open stays', async () => {
    await hold(offerA);
    const { ctx } = worker([quote(offerA, 'current')], {});
    expect(await syncOfferCopies(ctx, ACCOUNT)).toEqual({ removedOffers: 0, closedQuotes: 0 });
    expect(await db.jobOffers.count()).toBe(1);
  });
});
