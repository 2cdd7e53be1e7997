/**
 * The sign-in flood's attacker (test/bench/signin-flood.ts), in its own process: a flood sent from
 * the benchmark's own event loop would also delay the victim's measured requests on the client side,
 * which is not what an attacker elsewhere does to the service. Forked (through tsx) by the benchmark,
 * told what to send by one message, stopped by 'stop' once at least `min` were sent; answers with
 * its statuses. `wrongSignIn` is also the benchmark's own probe.
 */
import { fileURLToPath } from 'node:url';

export type FloodTargets = { staff: string[]; agency: string[] };
export type FloodJob = FloodTargets & { base: string; kind: 'signin' | 'health'; addresses: number; inFlight: number; min: number };
export type FloodResult = { sent: number; seconds: number; statuses: Record<string, number>; serverErrors: string[] };

/** One wrong sign-in, staff or agency alternately, from one of `addresses` client addresses; 5xx answers go to `errors`. */
export async function wrongSignIn(base: string, i: number, targets: FloodTargets, addresses: number, errors: string[]): Promise<number> {
  const staff = i % 2 === 0;
  const emails = staff ? targets.staff : targets.agency;
  const res = await fetch(`${base}${staff ? '/v1/admin/sessions' : '/v1/agency/sessions'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': `198.51.100.${i % addresses}` },
    body: JSON.stringify({ email: emails[Math.floor(i / 2) % emails.length], password: `wrong-password-${i}` }),
  });
  const text = await res.text();
  if (res.status >= 500 && errors.length < 3) errors.push(`${res.status} ${text.slice(0, 300)}`);
  return res.status;
}

async function runFlood(job: FloodJob, stopping: () => boolean): Promise<FloodResult> {
  const statuses: Record<string, number> = {};
  const serverErrors: string[] = [];
  const one = async (i: number) => {
    if (job.kind === 'signin') return wrongSignIn(job.base, i, job, job.addresses, serverErrors);
    const r = await fetch(`${job.base}/v1/health`);
    await r.arrayBuffer();
    return r.status;
  };
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: job.inFlight }, async () => {
      while (next < job.min || !stopping()) {
        const status = await one(next++).catch(() => 0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  return { sent: next, seconds: (performance.now() - t0) / 1000, statuses, serverErrors };
}

// Run as the forked flood client (not when the benchmark imports `wrongSignIn`).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.once('message', async (job: FloodJob) => {
    let stopping = false;
    process.on('message', (m) => {
      if (m === 'stop') stopping = true;
    });
    process.send!('started');
    process.send!(await runFlood(job, () => stopping));
    process.disconnect();
  });
}
