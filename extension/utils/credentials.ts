/**
 * Credential calls of the extension (R-SEC-6): changing one's password, and setting a new agency
 * password with the bureau's one-time code. Refusals become `ApiProblem` with the worker's `code`.
 */
import { PasswordChangeResultSchema, type PasswordChange, type PasswordReset } from '../../shared/schemas/session';
import { client, send, type ApiContext } from './api';
import { invalidResponseProblem } from './problem';

/**
 * `PUT /v1/me/password`: the old password and the new one; other sessions end. Returns the
 * session's token to keep using (it replaces a token that could only change the password).
 *
 * @example const { token } = await changePassword(ctx, { currentPassword, newPassword });
 */
export async function changePassword(ctx: ApiContext, body: PasswordChange): Promise<{ token: string; sessionsEnded: number }> {
  const res = await send(() => client(ctx).v1.me.password.$put({ json: body }) as unknown as Promise<Response>);
  const parsed = PasswordChangeResultSchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw invalidResponseProblem(res.status);
  return parsed.data;
}

/**
 * `POST /v1/agency/password-resets`: a new password with the bureau's one-time code.
 *
 * @example await resetAgencyPassword(ctx, { email, code: 'K7M2-XQ9A-3BCD-EF01', newPassword });
 */
export async function resetAgencyPassword(ctx: ApiContext, body: PasswordReset): Promise<void> {
  await send(() => client(ctx).v1.agency['password-resets'].$post({ json: body }) as unknown as Promise<Response>);
}
