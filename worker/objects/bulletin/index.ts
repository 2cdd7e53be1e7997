import { DurableObject } from 'cloudflare:workers';
import { jstDate } from '../../../shared/rules';
import type { Announcement, AnnouncementInput, TermsConsentRecord, TermsPublish, TermsVersion } from '../../../shared/schemas';
import { TERMS_V1_TEXT } from '../../../shared/data/terms-v1';
import { randomBase32 } from '../../lib/crypto';
import { migrate, type MigrationStep } from '../../lib/migrations';
import { refuse, type Refusal } from '../../lib/problem';

type AnnouncementRow = {
  id: string;
  kind: Announcement['kind'];
  title: string;
  reason: string;
  audience: string;
  starts_at: number;
  ends_at: number;
  created_at: number;
  created_by: string;
  cancelled_at: number | null;
};

const BULLETIN_MIGRATIONS: MigrationStep[] = [
  (sql) =>
    sql.exec(`CREATE TABLE announcements (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL, reason TEXT NOT NULL, audience TEXT NOT NULL,
    starts_at INTEGER NOT NULL, ends_at INTEGER NOT NULL, created_at INTEGER NOT NULL, created_by TEXT NOT NULL, cancelled_at INTEGER);
    CREATE INDEX announcements_end ON announcements (ends_at)`),
  // The terms of use by version (R-TOS-1); version 1, in force from launch, has its text in shared/data.
  (sql) => {
    sql.exec(`CREATE TABLE terms (
      version INTEGER PRIMARY KEY, effective_on TEXT NOT NULL, summary TEXT NOT NULL, text TEXT,
      published_at INTEGER NOT NULL, published_by TEXT NOT NULL)`);
    sql.exec(
      "INSERT INTO terms (version, effective_on, summary, text, published_at, published_by) VALUES (1, ?, ?, NULL, ?, 'system')",
      TERMS_V1_EFFECTIVE_ON,
      '利用規約（民間職業紹介事業者等）の最初の版です。',
      Date.parse(`${TERMS_V1_EFFECTIVE_ON}T00:00:00+09:00`),
    );
  },
  // Who confirmed which version and when (R-TOS-1): one row per seat and version.
  (sql) =>
    sql.exec(`CREATE TABLE terms_consents (
    agency_id TEXT NOT NULL, seat TEXT NOT NULL, version INTEGER NOT NULL, confirmed_at INTEGER NOT NULL,
    PRIMARY KEY (seat, version))`),
];

/** The day version 1 of the terms took effect, before any agency was admitted. */
const TERMS_V1_EFFECTIVE_ON = '2026-04-01';

type TermsRow = { version: number; effective_on: string; summary: string; text: string | null; published_at: number; published_by: string };

function toTermsVersion(r: TermsRow): TermsVersion {
  return {
    version: r.version,
    effectiveOn: r.effective_on,
    summary: r.summary,
    publishedAt: new Date(r.published_at).toISOString(),
    publishedBy: r.published_by,
  };
}

/** What every isolate caches from the notice board. */
export type BulletinSnapshot = { announcements: Announcement[]; terms: TermsVersion[] };

/** How long an ended or cancelled announcement stays listed for the record. */
const KEEP_MS = 90 * 86_400_000;

function toAnnouncement(r: AnnouncementRow): Announcement {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    reason: r.reason,
    audience: JSON.parse(r.audience) as Announcement['audience'],
    startsAt: new Date(r.starts_at).toISOString(),
    endsAt: new Date(r.ends_at).toISOString(),
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.created_by,
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
      return refuse(
        'announcement_start_required',
        '計画メンテナンスとアクセス制限は、開始日時（startsAt）を指定して事前にお知らせします（利用規約§11）。',
      );
    }
    if (!emergency && startsAt <= now) {
      return refuse(
        'announcement_not_in_advance',
        '計画メンテナンスとアクセス制限は、開始前にお知らせする必要があります（利用規約§11「通知した上で」）。すぐに止める必要がある場合は緊急メンテナンス（emergency_maintenance）を使ってください。',
      );
    }
    if (endsAt <= startsAt) {
      return refuse('announcement_ends_before_start', '終了日時（緊急メンテナンスでは終了見込み）は開始日時より後にしてください。');
    }
    const id = `N${randomBase32(10)}`;
    this.sql.exec(
      'INSERT INTO announcements (id, kind, title, reason, audience, starts_at, ends_at, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      id,
      input.kind,
      input.title,
      input.reason,
      JSON.stringify(input.audience),
      startsAt,
      endsAt,
      now,
      createdBy,
    );
    return { ok: true, announcement: this.one(id)! };
  }

  /** Cancels an announcement that has not ended; one in force ends at once. */
  async cancel(id: string, now: number): Promise<{ ok: true; announcement: Announcement } | Refusal> {
    const row = this.one(id);
    if (!row) return refuse('announcement_not_found', 'このお知らせはありません。');
    if (row.cancelledAt !== null || Date.parse(row.endsAt) <= now) {
      return refuse('announcement_already_ended', '終了済み又は取消済みのお知らせは取り消せません。');
    }
    this.sql.exec('UPDATE announcements SET cancelled_at = ? WHERE id = ?', now, id);
    return { ok: true, announcement: this.one(id)! };
  }

  /** Every announcement that has not ended (in force or upcoming), and those ended in the last 90 days. */
  async list(now: number): Promise<Announcement[]> {
    this.sql.exec('DELETE FROM announcements WHERE ends_at < ?', now - KEEP_MS);
    return this.sql.exec<AnnouncementRow>('SELECT * FROM announcements ORDER BY starts_at').toArray().map(toAnnouncement);
  }

  /** Announcements and terms versions in one call, for the per-isolate cache. */
  async snapshot(now: number): Promise<BulletinSnapshot> {
    return { announcements: await this.list(now), terms: this.termsVersions() };
  }

  /** Every version of the terms, oldest first, without texts. */
  termsVersions(): TermsVersion[] {
    return this.sql
      .exec<TermsRow>('SELECT version, effective_on, summary, NULL AS text, published_at, published_by FROM terms ORDER BY version')
      .toArray()
      .map(toTermsVersion);
  }

  /** The text of one version. */
  async termsText(version: number): Promise<string | null> {
    if (version === 1) return TERMS_V1_TEXT;
    return this.sql.exec<{ text: string | null }>('SELECT text FROM terms WHERE version = ?', version).toArray()[0]?.text ?? null;
  }

  /**
   * Publishes the next version (R-TOS-1, §20), effective on a later JST day so every agency can
   * read it first. One version waits at a time: a published one not yet in force must take
   * effect before the next.
   */
  async publishTerms(input: TermsPublish, by: string, now: number): Promise<{ ok: true; version: TermsVersion } | Refusal> {
    const today = jstDate(new Date(now));
    if (input.effectiveOn <= today) {
      return refuse(
        'terms_effective_date_not_future',
        '利用規約の変更は、施行日より前に事業者へ示して確認してもらいます。施行日は明日以降の日付にしてください（利用規約§20）。',
      );
    }
    const versions = this.termsVersions();
    const latest = versions[versions.length - 1]!;
    if (latest.effectiveOn > today) {
      return refuse(
        'terms_version_pending',
        `第${latest.version}版（${latest.effectiveOn}施行）がまだ施行されていません。次の版はその施行後に公表してください。`,
      );
    }
    const version = latest.version + 1;
    this.sql.exec(
      'INSERT INTO terms (version, effective_on, summary, text, published_at, published_by) VALUES (?, ?, ?, ?, ?, ?)',
      version,
      input.effectiveOn,
      input.summary,
      input.text,
      now,
      by,
    );
    return { ok: true, version: this.termsVersions().find((v) => v.version === version)! };
  }

  /** Records a seat's confirmation of a version (R-TOS-1); confirming again keeps the first time. */
  async confirmTerms(
    agencyId: string,
    seat: string,
    version: number,
    now: number,
  ): Promise<{ ok: true; record: TermsConsentRecord } | Refusal> {
    const v = this.termsVersions().find((t) => t.version === version);
    if (!v) return refuse('terms_version_not_found', `第${version}版の利用規約はありません。表示された版を確認してください。`);
    this.sql.exec(
      'INSERT OR IGNORE INTO terms_consents (agency_id, seat, version, confirmed_at) VALUES (?, ?, ?, ?)',
      agencyId,
      seat,
      version,
      now,
    );
    const row = this.sql
      .exec<{ confirmed_at: number }>('SELECT confirmed_at FROM terms_consents WHERE seat = ? AND version = ?', seat, version)
      .toArray()[0]!;
    return { ok: true, record: { agencyId, confirmedBy: seat, version, confirmedAt: new Date(row.confirmed_at).toISOString() } };
  }

  /** The latest version a seat confirmed, or null. */
  async termsConfirmedBy(seat: string): Promise<number | null> {
    return this.sql.exec<{ v: number | null }>('SELECT MAX(version) AS v FROM terms_consents WHERE seat = ?', seat).toArray()[0]?.v ?? null;
  }

  /** Every confirmation of a version, first confirmation per agency first. */
  async termsConsents(version: number): Promise<TermsConsentRecord[]> {
    return this.sql
      .exec<{ agency_id: string; seat: string; version: number; confirmed_at: number }>(
        'SELECT * FROM terms_consents WHERE version = ? ORDER BY confirmed_at',
        version,
      )
      .toArray()
      .map((r) => ({
        agencyId: r.agency_id,
        confirmedBy: r.seat,
        version: r.version,
        confirmedAt: new Date(r.confirmed_at).toISOString(),
      }));
  }

  private one(id: string): Announcement | null {
    const r = this.sql.exec<AnnouncementRow>('SELECT * FROM announcements WHERE id = ?', id).toArray()[0];
    return r ? toAnnouncement(r) : null;
  }
}
