import { afterEach, describe, expect, it } from 'vitest';
import { armFault, disarmFaults } from '../../worker/lib/faults';
import { api, jst, setClock } from './helpers';
import { loadProfiles } from './messaging-fixtures';

const PASSPHRASE = 'はるのあさにさくさくらのはな';
const STEPS = ['activation.check', 'activation.activate', 'activation.clear-must-change', 'activation.mark-activated'];

afterEach(() => disarmFaults());

describe('the activation flow converges when a step fails (R-SEC-6, R-SEC-8)', () => {
  it.each(STEPS)('R-SEC-6 a failure at %s: the retry with the same code activates once, and the code is then used', async (step) => {
    await setClock(jst('2026-11-27', '10:00'));
    const [p] = await loadProfiles(1);
    const body = { profileId: p!.profileId, code: p!.code, passphrase: PASSPHRASE };
    armFault(step);
    const failed = await api('POST', '/v1/seeker/activation', { body });
    expect(failed.status).toBe(500);
    expect(failed.body.code).toBe('internal_error');
    // The client retries with the same code: the flow runs again and completes.
    const retried = await api('POST', '/v1/seeker/activation', { body });
    expect(retried.status).toBe(201);
    expect(retried.body.profileId).toBe(p!.profileId);
    const me = await api('GET', '/v1/me/sessions', { token: retried.body.token });
    expect(me.status).toBe(200);
    // One account with the passphrase, no change demanded; the code is spent.
    const signIn = await api('POST', '/v1/seeker/sessions', { body: { profileId: p!.profileId, passphrase: PASSPHRASE } });
    expect(signIn.status).toBe(201);
    expect(signIn.body.passwordChangeRequired).toBeUndefined();
    const again = await api('POST', '/v1/seeker/activation', { body });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('activation_used');
  });

  it('R-SEC-6 a wrong code is refused before any object changes, with or without a fault armed later', async () => {
    await setClock(jst('2026-11-27', '10:00'));
    const [p] = await loadProfiles(1);
    armFault('activation.activate');
    const wrong = await api('POST', '/v1/seeker/activation', {
      body: { profileId: p!.profileId, code: 'AAAA-BBBB-CCCC', passphrase: PASSPHRASE },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('activation_invalid');
    disarmFaults();
    const right = await api('POST', '/v1/seeker/activation', { body: { profileId: p!.profileId, code: p!.code, passphrase: PASSPHRASE } });
    expect(right.status).toBe(201);
  });
});
