import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../lib/context';
import { registryStub } from '../lib/stubs';

/**
 * R-SEC-4: staff reads of lists and records that hold personal data are written to the audit log
 * (who, which list or record, when, with the query). Matched on the path so a new admin list only
 * needs a line here.
 */
const PERSONAL_DATA_READS: RegExp[] = [
  /^\/v1\/admin\/registrations$/,
  /^\/v1\/admin\/complaints$/,
  /^\/v1\/admin\/compromise-reports$/,
  /^\/v1\/admin\/agencies\/[^/]+$/,
  /^\/v1\/admin\/agencies\/[^/]+\/complaints$/,
  /^\/v1\/admin\/procedures$/,
  /^\/v1\/admin\/deletion-compliance$/,
];

/** Audits a successful staff GET of a personal-data list or record, after it answered. */
export const auditPersonalDataReads: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.req.method !== 'GET' || c.res.status !== 200 || !c.var.staff) return;
  const path = c.req.path;
  if (!PERSONAL_DATA_READS.some((r) => r.test(path))) return;
  const query = new URL(c.req.url).search;
  await registryStub(c.env).audit(c.var.now.getTime(), c.var.staff.id, 'personal_data.read', path, null, query ? { query } : {});
};
