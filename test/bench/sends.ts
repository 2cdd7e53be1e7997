/**
 * Sending benchmarks (R-CAP-1, R-CAP-2), through HTTP against the running worker: sustained answers for one
 * agency, for 20 agencies at once, and the 1,500-send burst that must deliver exactly 1,000. Each
 * agency writes to a few activated jobseekers who wrote back, then answers in those conversations
 * (answers and first contacts count alike toward the cap).
 */
import { exampleRegistration } from '../../shared/schemas/examples';
import { syntheticProfiles } from '../../scripts/lib/synthetic';
import { benchClientAddress, call } from '../../scripts/lib/http';
import { moveClock } from '../../scripts/lib/clock';
import { BENCH_STAFF, percentiles } from './run';

const PASSPHRASE = 'ベンチマークのためのぱすふれーず';

type Conversation = { agencyToken: string; conversationId: string };

/** An admitted agency with `conversations` jobseekers who wrote back, so it may answer them (also the sign-in flood's victim). */
export async function agencyWithConversations(base: string, ministry: string, n: number, conversations: number): Promise<Conversation[]> {
  const email = `sends-${n}-${Date.now()}@agency.example.jp`;
  const reg = await call(base, 'POST', '/v1/public/registrations', {
    headers: benchClientAddress(),
    body: {
      ...exampleRegistration,
      email,
      password: 'bench-agency-password',
      licence: { kind: 'paid', number: `13-ユ-9${String(n).padStart(5, '0')}${Date.now() % 1000}` },
      placements: [{ placedOn: '2026-11-20', fixedTermMonths: null, seasonal: false }],
    },
  });
  if (reg.status !== 201) throw new Error(`registration: ${reg.status} ${JSON.stringify(reg.body)}`);
  await call(base, 'POST', `/v1/admin/registrations/${reg.body.id}/accept`, { token: ministry, body: {} });
  const agencyToken = (await call(base, 'POST', '/v1/agency/sessions', { body: { email, password: 'bench-agency-password' } })).body
    .token as string;
  const rows = syntheticProfiles(conversations, 1000 + n).map((r) =>
    JSON.stringify({ ...r, selfIntroduction: 'ベンチマーク用の求職者です。' }),
  );
  const loaded = await call(base, 'PUT', '/v1/admin/feed/profiles', { token: ministry, ndjson: rows.join('\n') });
  const out: Conversation[] = [];
  for (const r of loaded.body.results as Array<{ id: string; activationCode: string }>) {
    const seeker = (
      await call(base, 'POST', '/v1/seeker/activation', { body: { profileId: r.id, code: r.activationCode, passphrase: PASSPHRASE } })
    ).body.token as string;
    const first = await call(base, 'POST', '/v1/agency/conversations', {
      token: agencyToken,
      body: { profileId: r.id, body: '求人のご案内です。', idempotencyKey: `first-${r.id}` },
    });
    if (first.status !== 201) throw new Error(`first contact: ${first.status} ${JSON.stringify(first.body)}`);
    const seekerThreads = await call(base, 'GET', '/v1/seeker/conversations', { token: seeker });
    const seekerConversation = (seekerThreads.body.items as Array<{ id: string }>)[0]!.id;
    await call(base, 'POST', `/v1/seeker/conversations/${seekerConversation}/messages`, {
      token: seeker,
      body: { body: '詳しく教えてください。' },
    });
    out.push({ agencyToken, conversationId: first.body.conversationId as string });
  }
  return out;
}

async function answer(base: string, c: Conversation, key: string): Promise<number> {
  const res = await call(base, 'POST', `/v1/agency/conversations/${c.conversationId}/messages`, {
    token: c.agencyToken,
    body: { body: 'ご質問ありがとうございます。条件をご説明します。', idempotencyKey: key },
  });
  return res.status;
}

/** Sends `total` answers with `concurrency` in flight; returns the rate and latencies. */
async function sustained(base: string, conversations: Conversation[], total: number, concurrency: number, tag: string) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        const status = await answer(base, conversations[i % conversations.length]!, `bench-${tag}-${i}`);
        latencies.push(performance.now() - t);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { rate: total / seconds, seconds, ...percentiles(latencies), statuses };
}

export async function benchSends(base: string, where: string): Promise<void> {
  console.log(`\nsends (answers in open conversations, through HTTP; ${where})`);
  // The floor measurements kept Node busy; a read first replaces any connection the worker closed meanwhile.
  await call(base, 'GET', '/v1/health');
  let { token: ministry } = await moveClock(base, BENCH_STAFF, new Date('2026-11-30T10:00:00+09:00'));

  // One agency, sustained: 900 answers with 16 in flight (under the day's cap).
  const one = await agencyWithConversations(base, ministry, 0, 5);
  const s1 = await sustained(base, one, 900, 16, 'one');
  console.log(
    `  1 agency:    ${s1.rate.toFixed(0).padStart(5)} sends/s over ${s1.seconds.toFixed(1)} s (900 sends, 16 in flight; p50 ${s1.p50.toFixed(1)} ms, p95 ${s1.p95.toFixed(1)} ms; target 200/s) statuses ${JSON.stringify(Object.fromEntries(s1.statuses))}`,
  );

  // Twenty agencies at once: 100 answers each.
  // Set up one after another: each registration, sign-in and activation hashes a password, and an
  // isolate hashes one at a time, answering 429 `sign_in_busy` beyond that (decision 112).
  const many: Conversation[][] = [];
  for (let i = 0; i < 20; i++) many.push(await agencyWithConversations(base, ministry, i + 1, 2));
  const t0 = performance.now();
  const results = await Promise.all(many.map((convs, i) => sustained(base, convs, 100, 4, `many-${i}`)));
  const seconds = (performance.now() - t0) / 1000;
  const all = results.flatMap((r) => [r.p50]);
  const ok = results.reduce((n, r) => n + (r.statuses.get(201) ?? 0), 0);
  console.log(
    `  20 agencies: ${(2000 / seconds).toFixed(0).padStart(5)} sends/s in all over ${seconds.toFixed(1)} s (100 sends each, 4 in flight each; ${ok} delivered; median of per-agency p50 ${percentiles(all).p50.toFixed(1)} ms)`,
  );

  // The burst: a fresh day (midnight has passed) and 1,500 parallel sends from one agency.
  ({ token: ministry } = await moveClock(base, BENCH_STAFF, new Date('2026-12-01T10:00:00+09:00')));
  const burstAgency = await agencyWithConversations(base, ministry, 99, 5);
  const used = (await call(base, 'GET', '/v1/agency/quota', { token: burstAgency[0]!.agencyToken })).body.used as number;
  const tb = performance.now();
  const statuses = await Promise.all(
    Array.from({ length: 1500 }, (_, i) => answer(base, burstAgency[i % burstAgency.length]!, `bench-burst-${i}`)),
  );
  const burstSeconds = (performance.now() - tb) / 1000;
  const delivered = statuses.filter((s) => s === 201).length;
  const quota = (await call(base, 'GET', '/v1/agency/quota', { token: burstAgency[0]!.agencyToken })).body;
  console.log(
    `  burst:       1,500 parallel sends after ${used} first contacts today → ${delivered} delivered, ${statuses.filter((s) => s === 429).length} refused (cap_reached) in ${burstSeconds.toFixed(1)} s; quota used ${quota.used} of ${quota.limit} (must be exactly 1,000)`,
  );
}
