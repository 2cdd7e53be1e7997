/**
 * The sign-in flood's attacker (test/bench/signin-flood.ts), in its own process: a flood sent from
 * the benchmark's own event loop would also delay the victim's measured requests on the client side,
 * which is not what an attacker elsewhere does to the service. Started with fork(); told what to send
 * by one message, stopped by 'stop' once at least `min` were sent; answers with its statuses.
 */
const ADDRESS = (i, addresses) => `198.51.100.${i % addresses}`;

process.once('message', async (job) => {
  const { base, kind, staff, agency, addresses, inFlight, min } = job;
  let stopping = false;
  process.on('message', (m) => {
    if (m === 'stop') stopping = true;
  });
  const statuses = {};
  const serverErrors = [];
  let next = 0;
  const one = async (i) => {
    if (kind === 'health') {
      const r = await fetch(`${base}/v1/health`);
      await r.arrayBuffer();
      return r.status;
    }
    const isStaff = i % 2 === 0;
    const emails = isStaff ? staff : agency;
    const res = await fetch(`${base}${isStaff ? '/v1/admin/sessions' : '/v1/agency/sessions'}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': ADDRESS(i, addresses) },
      body: JSON.stringify({ email: emails[Math.floor(i / 2) % emails.length], password: `wrong-password-${i}` }),
    });
    const text = await res.text();
    if (res.status >= 500 && serverErrors.length < 3) serverErrors.push(`${res.status} ${text.slice(0, 300)}`);
    return res.status;
  };
  const t0 = performance.now();
  process.send('started');
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < min || !stopping) {
        const status = await one(next++).catch(() => 0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  process.send({ sent: next, seconds: (performance.now() - t0) / 1000, statuses, serverErrors });
  process.disconnect();
});
