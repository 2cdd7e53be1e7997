import { env, runInDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, jst, ministry, setClock } from './helpers';
import { agencyIn, eligibleBody, register } from './bureau-helpers';

beforeAll(async () => {
  await setClock(jst('2026-12-01', '10:00'));
});

/** A fresh licence number as issued, and other ways people type the same number. */
function spellings(): { issued: string; others: string[] } {
  const serial = String(100000 + Math.floor(Math.random() * 899999));
  const wide = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  return {
    issued: `13-ユ-0${serial}`,
    others: [
      `${wide('13')}－ユ－${wide(`0${serial}`)}`,
      `13ﾕ${serial}`,
      `13-ゆ-0${serial}`,
      `第13ー ユ ー0${serial}号`,
      `13−ユ−0${serial}`,
    ],
  };
}

describe('R-ORG-1 one account per organisation', () => {
  it("R-ORG-1 refuses a second account for an active agency's licence, however the number is typed", async () => {
    const { issued, others } = spellings();
    await agencyIn('13', { licence: { kind: 'paid', number: issued } });
    for (const number of [issued, ...others]) {
      const again = await register(await eligibleBody('13', { licence: { kind: 'paid', number } }));
      expect(again.status, number).toBe(409);
      expect(again.body.code).toBe('licence_in_use');
      expect(again.body.detail).toMatch(/職員アカウント/);
    }
  });

  it('R-ORG-1 refuses a second registration while the first is pending, and for a suspended agency', async () => {
    const { issued, others } = spellings();
    expect((await register(await eligibleBody('13', { licence: { kind: 'paid', number: issued } }))).status).toBe(201);
    const pending = await register(await eligibleBody('13', { licence: { kind: 'paid', number: others[0]! } }));
    expect(pending.status).toBe(409);
    expect(pending.body.code).toBe('licence_pending');

    const suspended = spellings();
    const agency = await agencyIn('13', { licence: { kind: 'paid', number: suspended.issued } });
    await api('POST', `/v1/admin/agencies/${agency.id}/suspensions`, {
      token: await ministry(),
      body: { kind: 'until_corrected', reason: '是正要請中' },
    });
    const again = await register(await eligibleBody('13', { licence: { kind: 'paid', number: suspended.others[1]! } }));
    expect(again.body.code).toBe('agency_suspended');
  });

  it('R-ORG-1 a different number (free ム, another serial) registers', async () => {
    const { issued } = spellings();
    await agencyIn('13', { licence: { kind: 'paid', number: issued } });
    expect((await register(await eligibleBody('13', { licence: { kind: 'free', number: issued.replace('ユ', 'ム') } }))).status).toBe(201);
    expect((await register(await eligibleBody('13', { licence: { kind: 'paid', number: `${issued}1` } }))).status).toBe(201);
  });

  it('R-ORG-1 admission checks again: of two registrations left from before the rule, only the first is admitted', async () => {
    const { issued, others } = spellings();
    const first = await register(await eligibleBody('13', { licence: { kind: 'paid', number: issued } }));
    const second = await eligibleBody('13', { licence: { kind: 'paid', number: others[2]! } });
    // A registration that predates the rule: inserted as the old code stored it.
    const registry = env.REGISTRY.get(env.REGISTRY.idFromName('registry'));
    await runInDurableObject(registry, async (_obj, state) => {
      state.storage.sql.exec(
        "INSERT INTO registrations (id, email, payload, password_hash, registered_on, deadline, status, licence_key) VALUES ('RLEGACY0001', ?, ?, '', '2026-12-01', '2026-12-15', 'pending', ?)",
        second.email,
        JSON.stringify(second),
        '13ユ' + others[2]!.split('-').pop()!.replace(/^0+/, ''),
      );
    });
    const token = await ministry();
    expect((await api('POST', `/v1/admin/registrations/${first.body.id}/accept`, { token, body: {} })).status).toBe(200);
    const refused = await api('POST', '/v1/admin/registrations/RLEGACY0001/accept', { token, body: {} });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('licence_in_use');
  });
});
