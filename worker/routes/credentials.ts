import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  OneTimeCodeSchema,
  PasswordChangeResultSchema,
  PasswordChangeSchema,
  PasswordResetSchema,
  ProfileIdSchema,
  SeatResetSchema,
} from '../../shared/schemas';
import { profileHomePrefecture, type ProfileId } from '../../shared/schemas/profile-id';
import { authedErrors, bearer, group, json, type AppEnv } from '../lib/context';
import { hashPassword, hashWithParams, randomBase32, sha256Hex, type PasswordParams } from '../lib/crypto';
import { ACTIVATION_CODE_DAYS, newActivationCode } from '../flows/feed-load';
import { shardOf } from '../lib/feed';
import { ApiError, unwrap, type Refusal } from '../lib/problem';
import { sealToken } from '../lib/tokens';
import { accountKey, throttle, throttleGuard } from '../flows/sign-in';
import { hashInSlot } from '../flows/hash-slot';
import { forget } from '../lib/sign-in-memo';
import { registry, requireAnyRole, requireRole } from '../middleware/auth';
import { agencyStub, seekerStub } from '../lib/stubs';

/** A bureau-issued reset code lives this long (R-SEC-6). */
export const RESET_CODE_HOURS = 72;

const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

const changePassword = createRoute({
  method: 'put',
  path: '/v1/me/password',
  tags: ['sessions'],
  security: bearer,
  middleware: [requireAnyRole],
  summary: 'パスワード（求職者はパスフレーズ）を変更する。現在のものが必要。この端末以外のセッションはすべて終了する',
  request: body(PasswordChangeSchema),
  responses: { 200: json(PasswordChangeResultSchema, '変更した'), ...authedErrors },
});
const AgencyIdParam = z.object({ id: z.string().min(2).max(40) });
const issueReset = createRoute({
  method: 'post',
  path: '/v1/admin/agencies/{id}/sign-in-resets',
  tags: ['admin'],
  security: bearer,
  middleware: [requireRole('staff')],
  summary: '事業者の職員アカウント（省略時は連絡責任者）のサインインをリセットする。一度だけ使えるコードを発行し、連絡責任者に伝える',
  request: { params: AgencyIdParam, body: { content: { 'application/json': { schema: SeatResetSchema } }, required: false } },
  responses: { 201: json(OneTimeCodeSchema, '発行したコード（この応答でのみ表示）'), ...authedErrors },
});
const useReset = createRoute({
  method: 'post',
  path: '/v1/agency/password-resets',
  tags: ['sessions'],
  summary: '労働局が発行したコードで新しいパスワードを設定する（すべてのセッションが終了する）',
  request: body(PasswordResetSchema),
  responses: {
    204: { description: '設定した' },
    400: authedErrors[400],
    401: authedErrors[401],
    429: authedErrors[429],
    503: authedErrors[503],
  },
});
const reissueActivation = createRoute({
  method: 'post',
  path: '/v1/admin/feed/profiles/{id}/activation-code',
  tags: ['admin'],
  security: bearer,
  middleware: [requireRole('staff')],
  summary: '求職者の有効化コードを再発行する（パスフレーズを忘れた場合など。使うとパスフレーズが再設定され、すべてのセッションが終了する）',
  request: { params: z.object({ id: ProfileIdSchema }) },
  responses: { 201: json(OneTimeCodeSchema, '発行したコード（この応答でのみ表示）'), ...authedErrors },
});
const disableStaff = createRoute({
  method: 'delete',
  path: '/v1/admin/staff/{id}',
  tags: ['admin'],
  security: bearer,
  middleware: [requireRole('staff')],
  summary: '職員アカウントを停止する（厚生労働省）。セッションは直ちに終了する',
  request: { params: z.object({ id: z.string().regex(/^S[0-9A-Z]{10}$/) }) },
  responses: { 204: { description: '停止した' }, ...authedErrors, 409: authedErrors[400] },
});

/** The caller's throttle key and the object calls that change their password. */
function caller(c: Context<AppEnv>): {
  key: string;
  params: () => Promise<PasswordParams | null>;
  change: (candidate: string, newHash: string) => Promise<{ ok: true; ended: number } | Refusal>;
} {
  const keep = c.var.sessionId;
  if (c.var.agency) {
    // R-ORG-2: each seat has its own password and its own throttle key (its email).
    const stub = agencyStub(c.env, c.var.agency.id);
    const seat = { id: c.var.seat.id };
    return {
      key: accountKey('agency', c.var.seat.email),
      params: () => stub.passwordParams(seat),
      change: (cand, h) => stub.changePassword(seat, cand, h, keep),
    };
  }
  if (c.var.seeker) {
    const stub = seekerStub(c.env, c.var.seeker.profileId);
    return {
      key: accountKey('seeker', c.var.seeker.profileId),
      params: () => stub.passwordParams(),
      change: (cand, h) => stub.changePassword(cand, h, keep),
    };
  }
  const staff = c.var.staff;
  const reg = registry(c.env);
  return {
    key: accountKey('staff', staff.email.trim().toLowerCase()),
    params: async () => (await reg.staffPasswordParams(staff.email))?.params ?? null,
    change: (cand, h) => reg.changeStaffPassword(staff.id, cand, h, keep, c.var.now.getTime()),
  };
}

async function resetRefused(result: 'invalid' | 'expired', fail: () => Promise<void>): Promise<never> {
  await fail();
  throw new ApiError(
    `reset_code_${result}`,
    result === 'expired'
      ? 'コードの有効期限が切れています。管轄の労働局に再発行を依頼してください。'
      : 'メールアドレスまたはコードが正しくありません。労働局から受け取ったコードをご確認ください。',
    {},
    { status: 401, title: 'パスワードを設定できませんでした' },
  );
}

function formatCode(raw: string): string {
  return raw.match(/.{1,4}/g)!.join('-');
}
const normaliseCode = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');

/** Credential management (R-SEC-6): change, bureau resets, activation re-issue, disabling staff. */
export const credentialRoutes = group()
  .openapi(changePassword, async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json');
    const who = caller(c);
    const g = await throttleGuard(c, who.key);
    const params = await who.params();
    if (!params)
      throw new ApiError('unauthenticated', 'もう一度サインインしてください。', {}, { status: 401, title: 'サインインが必要です' });
    // R-SEC-5: both hashes in the isolate's hashing slot, after the throttle check, before any write.
    const [candidate, newHash] = await hashInSlot(g.lane, () =>
      Promise.all([hashWithParams(currentPassword, params), hashPassword(newPassword)]),
    );
    const r = await who.change(candidate, newHash);
    if (!r.ok) {
      if (r.code === 'wrong_password') await g.fail();
      unwrap(r);
      throw new Error('unreachable');
    }
    await throttle(c.env, who.key).setMustChange(false);
    await g.cleared();
    // The same session, now unrestricted: its token gets the ordinary MAC.
    const raw = /^Bearer\s+(\S+)\.[A-Za-z0-9_-]{22}$/.exec(c.req.header('authorization')!.trim())![1]!;
    return c.json({ token: await sealToken(c.env, raw), sessionsEnded: r.ended }, 200);
  })
  .openapi(issueReset, async (c) => {
    const id = c.req.valid('param').id;
    const now = c.var.now.getTime();
    const detail = unwrap(await registry(c.env).agencyDetail(id, c.var.staff)); // 404 unknown, 403 another prefecture
    // R-ORG-2: the reset targets one seat, named by its email; the liaison officer's when none is named.
    const email = (c.req.valid('json') ?? {}).email ?? detail.record.email.trim().toLowerCase();
    if ((await registry(c.env).agencyIdByEmail(email)) !== id) {
      throw new ApiError('seat_not_found', `この事業者に ${email} の職員アカウントはありません。`);
    }
    const raw = randomBase32(16);
    const expiresAt = now + RESET_CODE_HOURS * 3600_000;
    await throttle(c.env, accountKey('agency', email)).setResetCode(await sha256Hex(raw), expiresAt);
    await registry(c.env).audit(now, c.var.staff.id, 'agency.sign_in_reset', id, null, {
      expiresAt: new Date(expiresAt).toISOString(),
      seatEmail: email,
    });
    return c.json({ code: formatCode(raw), expiresAt: new Date(expiresAt).toISOString() }, 201);
  })
  .openapi(useReset, async (c) => {
    const { email, code, newPassword } = c.req.valid('json');
    const key = accountKey('agency', email.trim().toLowerCase());
    const now = c.var.now.getTime();
    // R-SEC-5, R-SEC-6: wrong codes count on the seat's reset key and the address, not on its sign-in
    // lock, and that lock does not hold a reset back: the bureau's code is the way out of it.
    const g = await throttleGuard(c, `reset:${key}`);
    const agencyId = await registry(c.env).agencyIdByEmail(email);
    const codeHash = await sha256Hex(normaliseCode(code));
    const checked = agencyId ? await throttle(c.env, key).checkResetCode(codeHash, now) : 'invalid';
    if (checked !== 'ok') await resetRefused(checked, g.fail);
    // The new password is hashed in the isolate's hashing slot before the code is used up, so a
    // refusal for a spent budget leaves the code and the old password as they were.
    const newHash = await hashInSlot(g.lane, () => hashPassword(newPassword));
    const used = await throttle(c.env, key).useResetCode(codeHash, now);
    if (used !== 'ok') await resetRefused(used, g.fail);
    // R-ORG-2: the seat the email names; its sessions end, the other seats keep theirs.
    unwrap(await agencyStub(c.env, agencyId!).changePassword({ email }, null, newHash, null));
    await g.cleared();
    // The seat's sign-in count and lock end with the new password (decisions.md), in this isolate's memo too.
    await throttle(c.env, key).succeed();
    forget(key);
    await registry(c.env).audit(now, agencyId!, 'agency.password_reset', agencyId!, null, { seatEmail: email });
    return c.body(null, 204);
  })
  .openapi(reissueActivation, async (c) => {
    const id = c.req.valid('param').id;
    const now = c.var.now.getTime();
    const home = profileHomePrefecture(id as ProfileId);
    if (c.var.staff.role === 'bureau' && c.var.staff.prefecture !== home) {
      throw new ApiError('out_of_scope', 'この求職者は管轄外の労働局に登録されています。', {}, { status: 403, title: '管轄外です' });
    }
    const code = newActivationCode();
    const expiresAt = now + ACTIVATION_CODE_DAYS * 86_400_000;
    if (!(await shardOf(c.env, home).reissueActivation(id, await sha256Hex(code), expiresAt))) {
      throw new ApiError(
        'profile_not_found',
        `求職者（${id}）は掲載されていません。`,
        {},
        { status: 404, title: '求職者が見つかりません' },
      );
    }
    await registry(c.env).audit(now, c.var.staff.id, 'seeker.activation_reissue', id, null, {});
    return c.json({ code, expiresAt: new Date(expiresAt).toISOString() }, 201);
  })
  .openapi(disableStaff, async (c) => {
    if (c.var.staff.role !== 'ministry')
      throw new ApiError(
        'ministry_only',
        'この操作は厚生労働省のアカウントで行ってください。',
        {},
        { status: 403, title: '厚生労働省の職員のみの操作です' },
      );
    unwrap(await registry(c.env).disableStaff(c.req.valid('param').id, c.var.staff, c.var.now.getTime()));
    return c.body(null, 204);
  });
