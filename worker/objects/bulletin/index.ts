import { DurableObject } from 'cloudflare:workers';
import type { Announcement, AnnouncementInput } from '../../../shared/schemas';
import { randomBase32 } from '../../lib/crypto';
import { migrate, type MigrationStep } from '../../lib/migrations';
import { refuse, type Refusal } from '../../lib/problem';

type AnnouncementRow = {
  id: string; kind: Announcement['kind']; title: string; reason: string; audience: string;
  starts_at: number; ends_at: number; created_at: number; created_by: string; cancelled_at: number | null;
};

const BULLETIN_MIGRATIONS: MigrationStep[] = [
  (sql) => sql.exec(`CREATE TABLE announcements (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL, reason TEXT NOT NULL, audience TEXT NOT NULL,
    starts_at INTEGER NOT NULL, ends_at INTEGER NOT NULL, created_at INTEGER NOT NULL, created_by TEXT NOT NULL, cancelled_at INTEGER);
    CREATE INDEX announcements_end ON announcements (ends_at)`),
];

/** How long an ended or cancelled announcement stays listed for the record. */
const KEEP_MS = 90 * 86_400_000;

function toAnnouncement(r: AnnouncementRow): Announcement {
  return {
    id: r.id, kind: r.kind, title: r.title, reason: r.reason, audience: JSON.parse(r.audience) as Announcement['audience'],
    startsAt: new Date(r.starts_at).toISOString(), endsAt: new Date(r.ends_at).toISOString(),
    createdAt: new Date(r.created_at).toISOString(), createdBy: r.created_by,
    cancelledAt: r.cancelled_at === null ? null : new Date(r.cancelled_at).toISOString(),
  };
}

/**
 * The service's notice board (R-OPS-3, §11, §16): planned maintenance, access restrictions and
 * emergency maintenance. One object for the whole service, read at most once a second per isolate
 * (worker/lib/bulletin.ts), so it is never on the path of a search or a send.
 */
export class Bulletin extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    ctx.blockConcurrencyWhile(async () => migrate(ctx.storage.sql, BULLETIN_MIGRATIONS));
  }

  /**
   * Schedules an announcement. A planned one must start in the future, so it is announced before
   * it starts (§11 「通知した上で」); emergency maintenance starts at `now` (§16).
   */
  async create(input: AnnouncementInput, createdBy: string, now: number): Promise<{ ok: true; announcement: Announcement } | Refusal> {
    const emergency = input.kind === 'emergency_maintenance';
    const startsAt = emergency ? now : input.startsAt ? Date.parse(input.startsAt) : NaN;
    const endsAt = Date.parse(input.endsAt);
    if (!emergency && Number.isNaN(startsAt)) {
      return refuse(400, 'announcement_start_required', '開始日時を指定してください', '計画メンテナンスとアクセス制限は、開始日時（startsAt）を指定して事前にお知らせします（利用規約§11）。');
    }
    if (!emergency && startsAt <= now) {
      return refuse(422, 'announcement_not_in_advance', '開始日時は未来にしてください', '計画メンテナンスとアクセス制限は、開始前にお知らせする必要があります（利用規約§11「通知した上で」）。すぐに止める必要がある場合は緊急メンテナンス（emergency_maintenance）を使ってください。');
    }
    if (endsAt <= startsAt) {
      return refuse(422, 'announcement_ends_before_start', '終了日時が開始日時より前です', '終了日時（緊急メンテナンスでは終了見込み）は開始日時より後にしてください。');
    }
    const id = `N${randomBase32(10)}`;
    this.sql.exec('INSERT INTO announcements (id, kind, title, reason, audience, starts_at, ends_at, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      id, input.kind, input.title, input.reason, JSON.stringify(input.audience), startsAt, endsAt, now, createdBy);
    return { ok: true, announcement: this.one(id)! };
  }

  /** Cancels an announcement that has not ended; one in force ends at once. */
  async cancel(id: string, now: number): Promise<{ ok: true; announcement: Announcement } | Refusal> {
    const row = this.one(id);
    if (!row) return refuse(404, 'announcement_not_found', 'お知らせが見つかりません', 'このお知らせはありません。');
    if (row.cancelledAt !== null || Date.parse(row.endsAt) <= now) {
      return refuse(409, 'announcement_already_ended', 'このお知らせは終了しています', '終了済み又は取消済みのお知らせは取り消せません。');
    }
    this.sql.exec('UPDATE announcements SET cancelled_at = ? WHERE id = ?', now, id);
    return { ok: true, announcement: this.one(id)! };
  }

  /** Every announcement that has not ended (in force or upcoming), and those ended in the last 90 days. */
  async list(now: number): Promise<Announcement[]> {
    this.sql.exec('DELETE FROM announcements WHERE ends_at < ?', now - KEEP_MS);
    return this.sql.exec<AnnouncementRow>('SELECT * FROM announcements ORDER BY starts_at').toArray().map(toAnnouncement);
  }

  private one(id: string): Announcement | null {
    const r = this.sql.exec<AnnouncementRow>('SELECT * FROM announcements WHERE id = ?', id).toArray()[0];
    return r ? toAnnouncement(r) : null;
  }
}
