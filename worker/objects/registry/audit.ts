import type { AuditEntry, AuditValue } from './types';
import type { RegistryStore } from './store';

// The append-only audit log of staff and scheduler actions (R-SEC-4).

export function appendAudit(
  s: RegistryStore,
  now: number,
  actor: string,
  action: string,
  target: string,
  reason: string | null,
  details: Record<string, unknown>,
): void {
  s.sql.exec(
    'INSERT INTO audit (at, actor, action, target, reason, details) VALUES (?, ?, ?, ?, ?, ?)',
    now,
    actor,
    action,
    target,
    reason,
    JSON.stringify(details),
  );
}

/** Appends a staff action to the audit log (R-SEC-4); there is no method that edits or deletes. */
export async function audit(
  s: RegistryStore,
  now: number,
  actor: string,
  action: string,
  target: string,
  reason: string | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  appendAudit(s, now, actor, action, target, reason, details);
}

/** The audit log, newest first. */
export async function auditLog(
  s: RegistryStore,
  before: number | null,
  limit: number,
  action: string | null = null,
): Promise<AuditEntry[]> {
  return s.sql
    .exec<{ seq: number; at: number; actor: string; action: string; target: string; reason: string | null; details: string }>(
      'SELECT * FROM audit WHERE seq < ? AND (? IS NULL OR action = ?) ORDER BY seq DESC LIMIT ?',
      before ?? Number.MAX_SAFE_INTEGER,
      action,
      action,
      limit,
    )
    .toArray()
    .map((r) => ({
      seq: r.seq,
      at: new Date(r.at).toISOString(),
      actor: r.actor,
      action: r.action,
      target: r.target,
      reason: r.reason,
      details: JSON.parse(r.details) as Record<string, AuditValue>,
    }));
}
