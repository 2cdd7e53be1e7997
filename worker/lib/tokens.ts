/**
 * Tokens that prove themselves (R-SEC-8). A session token is `<role>.<accountId>.<secret>.<mac>`:
 * the account's object issues `<role>.<accountId>.<secret>` and keeps only its hash (R-SEC-2); the
 * stateless worker appends an HMAC-SHA256 over those three parts, keyed with `TOKEN_SECRET`. A
 * request whose MAC does not verify is refused before any Durable Object is addressed, so made-up
 * account IDs create no storage anywhere.
 */
import { clockIsControllable } from './clock';
import { ApiError } from './problem';
import { timingSafeEqualText } from './crypto';
import { parseToken, type Role } from './sessions';

const encoder = new TextEncoder();
/** 128 bits of MAC, base64url: 22 characters. */
const MAC_BYTES = 16;
/** Used only where ENVIRONMENT is `development` or `test` and no TOKEN_SECRET is set. */
const DEVELOPMENT_SECRET = 'madoguchi-development-token-secret-not-for-production';

let cached: { secret: string; key: Promise<CryptoKey> } | null = null;

function secretOf(env: Env): string {
  const configured = (env as { TOKEN_SECRET?: string }).TOKEN_SECRET;
  if (configured && configured.length >= 16) return configured;
  if (clockIsControllable(env)) return DEVELOPMENT_SECRET;
  // Fail closed: production without a signing secret issues and accepts no tokens.
  throw new ApiError(
    'token_secret_missing',
    'サービスの設定が完了していません。時間をおいて再度お試しください。',
    {},
    { status: 503, title: 'ただいまサインインできません' },
  );
}

function keyOf(env: Env): Promise<CryptoKey> {
  const secret = secretOf(env);
  if (!cached || cached.secret !== secret) {
    cached = { secret, key: crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']) };
  }
  return cached.key;
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * A keyed MAC of any text with the token secret, base64url (R-SEC-8). Also used to derive stable
 * per-email values that must not be guessable (the decoy salt of unknown accounts, R-SEC-5).
 *
 * @example await macOf(env, 'a.A7K3M9X2QAB.q3X…') // 'Zk3…' (22 characters)
 */
export async function macOf(env: Env, text: string): Promise<string> {
  const sig = new Uint8Array(await crypto.subtle.sign('HMAC', await keyOf(env), encoder.encode(text)));
  return base64url(sig.slice(0, MAC_BYTES));
}

/**
 * Seals a token issued by an account's object for the client (R-SEC-8).
 *
 * @example const token = await sealToken(c.env, r.token); // 'a.A7K….q3X….Zk3…'
 */
export async function sealToken(env: Env, raw: string, restricted = false): Promise<string> {
  return `${raw}.${await macOf(env, restricted ? `${raw}${RESTRICTED}` : raw)}`;
}

/**
 * R-SEC-6: a session opened while a password change is required carries a MAC of another text,
 * so the worker knows without storage that it may only change the password or sign out.
 */
const RESTRICTED = '|password-change-required';

/**
 * Verifies a bearer header without touching storage (R-SEC-8): the role, the account ID and the
 * token the account's object knows, or null when the header is missing, malformed or forged.
 *
 * @example const parsed = await openToken(c.env, c.req.header('authorization')); if (!parsed) throw unauthenticated();
 */
export async function openToken(
  env: Env,
  header: string | undefined,
): Promise<{ role: Role; accountId: string; token: string; restricted: boolean } | null> {
  const m = /^Bearer\s+([asb]\.[0-9A-Za-z-]{2,40}\.[A-Za-z0-9_-]{20,100})\.([A-Za-z0-9_-]{22})$/.exec((header ?? '').trim());
  if (!m) return null;
  const parsed = parseToken(`Bearer ${m[1]}`);
  if (!parsed) return null;
  if (timingSafeEqualText(await macOf(env, m[1]!), m[2]!)) return { ...parsed, restricted: false };
  if (timingSafeEqualText(await macOf(env, `${m[1]!}${RESTRICTED}`), m[2]!)) return { ...parsed, restricted: true };
  return null;
}

/** The role a header claims, without verifying it (for routing decisions only, never for access). */
export function claimedRole(header: string | undefined): Role | null {
  const m = /^Bearer\s+([asb])\./.exec((header ?? '').trim());
  return m ? ({ a: 'agency', s: 'seeker', b: 'staff' } as const)[m[1] as 'a' | 's' | 'b'] : null;
}
