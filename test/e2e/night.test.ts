/**
 * The demo loader and the journeys' setup must work whatever the hour: with the worker's clock first
 * placed inside each kind of maintenance window (R-OPS-1), they load the data and sign in. The
 * worker's clock is set here, so this does not depend on the hour the suite runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maintenanceUntil } from '../../shared/rules';
import { moveClock, workerNow } from '../../scripts/lib/clock';
import { DEMO, seedDemo } from '../../scripts/lib/demo';
import { call } from '../../scripts/lib/http';
import { devVars, freePort, startWorker } from '../../scripts/lib/worker-process';
import { createAgency, createSeekers, journeyDay, jst, moveClock as moveJourneyClock } from './steps';

const WINDOWS = [
  ['00:30 JST on an ordinary day', '2026-12-08T00:30:00+09:00'],
  ['23:00 JST on the last day of a month', '2026-12-31T23:00:00+09:00'],
] as const;

describe('setting up inside a maintenance window', () => {
  for (const [label, at] of WINDOWS) {
    it(`R-OPS-1 T-5 the demo loads and a journey's setup signs in with the worker's clock at ${label}`, async () => {
      const state = mkdtempSync(join(tmpdir(), 'madoguchi-night-'));
      const worker = await startWorker({ port: await freePort(), persistTo: state, quiet: true });
      try {
        const base = worker.url;
        const bootstrap = devVars().BOOTSTRAP_STAFF_TOKEN ?? '';
        // The demo's ministry account places the worker's clock inside the window before anything loads.
        const keeper = DEMO.ministry;
        expect((await call(base, 'POST', '/v1/admin/staff', { token: bootstrap, body: { ...keeper, role: 'ministry' } })).status).toBe(201);
        await moveClock(base, keeper, new Date(at));
        expect(maintenanceUntil(await workerNow(base))).not.toBeNull();

        const seeded = await seedDemo(base, bootstrap, { profiles: 30 });
        expect(seeded.created).toBe(true);
        expect(seeded.seekers).toHaveLength(DEMO.seekers.length);
        expect((await call(base, 'GET', '/v1/me/sessions', { token: seeded.ministryToken })).status).toBe(200);

        // A journey's setup, started with the clock back inside the window.
        await moveClock(base, keeper, new Date(at));
        const day = journeyDay();
        const token = await moveJourneyClock(base, jst(day, '10:00'));
        expect((await call(base, 'GET', '/v1/me/sessions', { token })).status).toBe(200);
        const agency = await createAgency(base, { key: 'night', name: '株式会社夜間確認' }, day);
        const seekers = await createSeekers(base, 'night', 1);
        expect(seekers[0]!.token).toBeTruthy();
        for (const who of [agency, DEMO.agencies[0]]) {
          const signIn = await call(base, 'POST', '/v1/agency/sessions', { body: { email: who.email, password: who.password } });
          expect(signIn.status).toBe(201);
          expect((await call(base, 'GET', '/v1/agency/quota', { token: signIn.body.token as string })).status).toBe(200);
        }
      } finally {
        await worker.stop();
        rmSync(state, { recursive: true, force: true });
      }
    });
  }
});
