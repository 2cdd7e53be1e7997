import type { ProfileId } from '../../shared/schemas/profile-id';
import { profileHomePrefecture } from '../../shared/schemas/profile-id';
import { hashPassword, sha256Hex } from '../lib/crypto';
import { faultPoint } from '../lib/faults';
import { refuse, type Refusal } from '../lib/problem';
import { seekerStub, shardStub, throttleStub } from '../lib/stubs';
import type { Lane } from '../lib/hash-gate';
import { hashInSlot } from './hash-slot';
import { accountKey } from './sign-in';

const ACTIVATION_REFUSED = {
  invalid: '求職者IDまたは有効化コードが正しくありません。ハローワークで受け取った用紙をご確認ください。',
  expired: '有効化コードの有効期限が切れています。ハローワークで新しいコードを受け取ってください。',
  used: 'この有効化コードは使用済みです。パスフレーズでサインインしてください。',
} as const;

/**
 * A jobseeker's first sign-in with the activation code from Hello Work (R-SEC-6, R-SEC-8): the home
 * shard checks the code, the jobseeker's object takes the passphrase and opens a session, the
 * account's throttle key forgets any "must change" mark, and last the shard marks the code used.
 *
 * Marking the code used is the last step on purpose: until it is done the code still works, so
 * when any step fails the jobseeker's retry with the same code and passphrase runs the whole flow
 * again (the object replaces the passphrase and ends the earlier session) and converges on one
 * activated account with one passphrase. `onWrongCode` counts a wrong code against the throttle (R-SEC-5).
 * The passphrase is hashed only after the code checked out, in the isolate's hashing slot (`lane`,
 * R-SEC-5): with the budget spent the answer is 429 `sign_in_busy` and nothing was written.
 *
 * @example const r = await activateSeeker(env, { profileId, code, passphrase }, now, g.fail, g.lane);
 */
export async function activateSeeker(
  env: Env,
  input: { profileId: string; code: string; passphrase: string },
  now: number,
  onWrongCode: () => Promise<void>,
  lane: Lane = 'clean',
): Promise<{ ok: true; token: string; expiresAt: number } | Refusal> {
  const { profileId } = input;
  const shard = shardStub(env, profileHomePrefecture(profileId as ProfileId));
  faultPoint(env, 'activation.check');
  const check = await shard.checkActivation(profileId, await sha256Hex(input.code), now);
  if (check !== 'ok') {
    if (check === 'invalid') await onWrongCode();
    return refuse(`activation_${check}`, ACTIVATION_REFUSED[check]);
  }
  const hash = await hashInSlot(lane, () => hashPassword(input.passphrase));
  faultPoint(env, 'activation.activate');
  const r = await seekerStub(env, profileId).activate(profileId, hash, now);
  if (!r.ok) return r;
  faultPoint(env, 'activation.clear-must-change');
  await throttleStub(env, accountKey('seeker', profileId)).setMustChange(false);
  faultPoint(env, 'activation.mark-activated');
  await shard.markActivated(profileId);
  return r;
}
