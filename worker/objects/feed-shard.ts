import { DurableObject } from 'cloudflare:workers';
import { migrate } from '../lib/migrations';
import { indexColumns } from '../lib/search-text';

/** One profile as stored in a shard: the public document plus the columns search filters on. */
export type ShardRow = {
  id: string;
  /** This shard's prefecture is among the profile's areas (it shows in this shard's searches). */
  listed: boolean;
  /** This shard is the profile's home: it keeps the canonical row and the activation code. */
  home: boolean;
  updatedAt: number;
  /** The profile as agencies see it (JSON): never holds hwRef or activation data. */
  doc: string;
  hwRef: string | null;
  activationHash: string | null;
  activationExpiresAt: number | null;
  employmentTypes: string[];
  wageUnit: string;
  wageMin: number;
  wageMax: number;
  hoursPerWeek: number | null;
  ageBand: string;
  education: string;
  /** Multi-valued filters: ['occ', '05'], ['ind', 'P'], ['muni', '13101'], ['qual', '介護福祉士'], ['exp', '05']. */
  terms: Array<[string, string]>;
  experience: Array<[string, number]>;
  /** Text indexed for keywords. */
  text: string;
};

/** A search inside one shard; lists are ORed within a field, fields are ANDed. */
export type ShardQuery = {
  agencyId: string;
  occupations?: string[];
  industries?: string[];
  municipalities?: string[];
  employmentTypes?: string[];
  wageUnit?: string;
  wageMin?: number;
  wageMax?: number;
  hoursMin?: number;
  hoursMax?: number;
  ageBands?: string[];
  qualifications?: string[];
  experienceOccupation?: string;
  experienceYearsMin?: number;
  educations?: string[];
  /** FTS5 expression from `matchExpression`. */
  match?: string;
  after?: { updatedAt: number; id: string };
  limit: number;
};

export type ShardHit = { id: string; updatedAt: number; doc: string };

/** The shard's home view of a profile, for the worker's own bookkeeping. */
export type HomeRecord = { id: string; doc: string; hwRef: string | null; activated: boolean; areas: string[] };

/**
 * The jobseeker feed of one prefecture (R-FEED-1, R-FEED-3, R-FEED-4). Profiles are stored in the
 * shard of each prefecture they want to work in, so a search in one prefecture touches one object
 * and a nationwide search fans out to all 47 (docs/architecture.md).
 */
export class FeedShard extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    ctx.blockConcurrencyWhile(async () => this.migrate());
  }

  private migrate(): void {
    migrate(this.sql, [
      (sql) => {
      sql.exec(`
        CREATE TABLE profiles (
          rid INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          listed INTEGER NOT NULL,
          home INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          doc TEXT NOT NULL,
          hw_ref TEXT,
          activation_hash TEXT,
          activation_expires_at INTEGER,
          activated INTEGER NOT NULL DEFAULT 0,
          employment_types TEXT NOT NULL,
          wage_unit TEXT NOT NULL,
          wage_min INTEGER NOT NULL,
          wage_max INTEGER NOT NULL,
          hours_per_week REAL,
          age_band TEXT NOT NULL,
          education TEXT NOT NULL
        );
        CREATE INDEX profiles_order ON profiles (listed, updated_at DESC, id);
        CREATE TABLE terms (profile_id TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (profile_id, kind, value)) WITHOUT ROWID;
        CREATE INDEX terms_by_value ON terms (kind, value, profile_id);
        CREATE TABLE experience (profile_id TEXT NOT NULL, occupation TEXT NOT NULL, years INTEGER NOT NULL, PRIMARY KEY (profile_id, occupation)) WITHOUT ROWID;
        CREATE TABLE exclusions (agency_id TEXT NOT NULL, profile_id TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (agency_id, profile_id)) WITHOUT ROWID;
        CREATE VIRTUAL TABLE fts USING fts5(uni, bi, content='', contentless_delete=1);
      `);
      },
    ]);
  }

  /**
   * Inserts or replaces rows in one transaction (a batch of the bureau's load).
   *
   * @example await shard.upsert([row], Date.now());
   */
  async upsert(rows: ShardRow[]): Promise<{ ok: true; count: number }> {
    this.ctx.storage.transactionSync(() => {
      for (const r of rows) {
        const prior = this.sql.exec<{ rid: number; activated: number; activation_hash: string | null; activation_expires_at: number | null; hw_ref: string | null }>(
          'SELECT rid, activated, activation_hash, activation_expires_at, hw_ref FROM profiles WHERE id = ?', r.id).toArray()[0];
        if (prior) this.deleteRow(r.id, prior.rid);
        const cols = indexColumns(r.text);
        // An update keeps what only the first load sets: the activation code and whether it was used.
        const activationHash = prior ? prior.activation_hash : r.activationHash;
        const activationExpires = prior ? prior.activation_expires_at : r.activationExpiresAt;
        const rid = this.sql.exec<{ rid: number }>(
          `INSERT INTO profiles (id, listed, home, updated_at, doc, hw_ref, activation_hash, activation_expires_at, activated,
             employment_types, wage_unit, wage_min, wage_max, hours_per_week, age_band, education)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rid`,
          r.id, r.listed ? 1 : 0, r.home ? 1 : 0, r.updatedAt, r.doc, r.hwRef ?? prior?.hw_ref ?? null,
          r.home ? activationHash : null, r.home ? activationExpires : null, prior?.activated ?? 0,
          ',' + r.employmentTypes.join(',') + ',', r.wageUnit, r.wageMin, r.wageMax, r.hoursPerWeek, r.ageBand, r.education,
        ).one().rid;
        for (const [kind, value] of r.terms) this.sql.exec('INSERT OR IGNORE INTO terms (profile_id, kind, value) VALUES (?, ?, ?)', r.id, kind, value);
        for (const [occupation, years] of r.experience) {
          this.sql.exec('INSERT INTO experience (profile_id, occupation, years) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET years = max(years, excluded.years)', r.id, occupation, years);
        }
        this.sql.exec('INSERT INTO fts (rowid, uni, bi) VALUES (?, ?, ?)', rid, cols.uni, cols.bi);
      }
    });
    return { ok: true, count: rows.length };
  }

  private deleteRow(id: string, rid: number): void {
    this.sql.exec('DELETE FROM fts WHERE rowid = ?', rid);
    this.sql.exec('DELETE FROM terms WHERE profile_id = ?', id);
    this.sql.exec('DELETE FROM experience WHERE profile_id = ?', id);
    this.sql.exec('DELETE FROM profiles WHERE rid = ?', rid);
  }

  /** Removes profiles from this shard (withdrawal, leaving the feed, a moved area). */
  async remove(ids: string[]): Promise<{ ok: true; removed: number }> {
    let removed = 0;
    this.ctx.storage.transactionSync(() => {
      for (const id of ids) {
        const row = this.sql.exec<{ rid: number }>('SELECT rid FROM profiles WHERE id = ?', id).toArray()[0];
        if (row) {
          this.deleteRow(id, row.rid);
          this.sql.exec('DELETE FROM exclusions WHERE profile_id = ?', id);
          removed++;
        }
      }
    });
    return { ok: true, removed };
  }

  /** The home record of a profile (canonical row), or null. */
  async home(id: string): Promise<HomeRecord | null> {
    const row = this.sql.exec<{ id: string; doc: string; hw_ref: string | null; activated: number }>(
      'SELECT id, doc, hw_ref, activated FROM profiles WHERE id = ? AND home = 1', id).toArray()[0];
    if (!row) return null;
    const areas = this.sql.exec<{ value: string }>("SELECT value FROM terms WHERE profile_id = ? AND kind = 'pref'", id).toArray().map((r) => r.value);
    return { id: row.id, doc: row.doc, hwRef: row.hw_ref, activated: row.activated === 1, areas };
  }

  /** Which of these IDs already exist here as home rows (for loads that update). */
  async existing(ids: string[]): Promise<Array<{ id: string; areas: string[] }>> {
    const out: Array<{ id: string; areas: string[] }> = [];
    for (const id of ids) {
      const rec = await this.home(id);
      if (rec) out.push({ id, areas: rec.areas });
    }
    return out;
  }

  /**
   * One profile for an agency, unless that agency is excluded from it (blocked, R-FEED-4).
   *
   * @example await shard.profileFor('13-7K3M9X2QAB', 'A7K3M9X2QAB');
   */
  async profileFor(id: string, agencyId: string): Promise<{ ok: true; doc: string } | { ok: false; reason: 'not_found' | 'excluded' }> {
    const row = this.sql.exec<{ doc: string }>('SELECT doc FROM profiles WHERE id = ? AND home = 1', id).toArray()[0];
    if (!row) return { ok: false, reason: 'not_found' };
    const excluded = this.sql.exec('SELECT 1 FROM exclusions WHERE agency_id = ? AND profile_id = ?', agencyId, id).toArray().length > 0;
    return excluded ? { ok: false, reason: 'excluded' } : { ok: true, doc: row.doc };
  }

  /** Hides a profile from an agency's searches, or shows it again (R-FEED-4, R-BLOCK-3). */
  async setExclusion(profileId: string, agencyId: string, reason: string | null): Promise<void> {
    if (reason) this.sql.exec('INSERT OR REPLACE INTO exclusions (agency_id, profile_id, reason) VALUES (?, ?, ?)', agencyId, profileId, reason);
    else this.sql.exec('DELETE FROM exclusions WHERE agency_id = ? AND profile_id = ?', agencyId, profileId);
  }

  /**
   * Checks a jobseeker's one-time activation code (hash) without using it up.
   *
   * @example await shard.checkActivation(id, await sha256Hex(code), now);
   */
  async checkActivation(id: string, codeHash: string, now: number): Promise<'ok' | 'invalid' | 'expired' | 'used'> {
    const row = this.sql.exec<{ activation_hash: string | null; activation_expires_at: number | null; activated: number }>(
      'SELECT activation_hash, activation_expires_at, activated FROM profiles WHERE id = ? AND home = 1', id).toArray()[0];
    if (!row || !row.activation_hash || row.activation_hash !== codeHash) return 'invalid';
    if (row.activated) return 'used';
    if (row.activation_expires_at !== null && row.activation_expires_at <= now) return 'expired';
    return 'ok';
  }

  /** Marks the activation code as used; its hash stays so a second try is told it was used. */
  async markActivated(id: string): Promise<void> {
    this.sql.exec('UPDATE profiles SET activated = 1 WHERE id = ? AND home = 1', id);
  }

  /**
   * A page of this shard's listed profiles matching the query, in the feed's stable order
   * (newest update first, then ID), after the cursor position.
   */
  async search(q: ShardQuery): Promise<ShardHit[]> {
    const where: string[] = ['p.listed = 1'];
    const params: unknown[] = [];
    const anyTerm = (kind: string, values: string[] | undefined) => {
      if (!values?.length) return;
      where.push(`EXISTS (SELECT 1 FROM terms t WHERE t.profile_id = p.id AND t.kind = ? AND t.value IN (${values.map(() => '?').join(',')}))`);
      params.push(kind, ...values);
    };
    anyTerm('occ', q.occupations);
    anyTerm('ind', q.industries);
    anyTerm('muni', q.municipalities);
    anyTerm('qual', q.qualifications);
    if (q.employmentTypes?.length) {
      where.push(`(${q.employmentTypes.map(() => 'instr(p.employment_types, ?) > 0').join(' OR ')})`);
      params.push(...q.employmentTypes.map((t) => `,${t},`));
    }
    if (q.wageUnit) {
      where.push('p.wage_unit = ?');
      params.push(q.wageUnit);
      // The agency's wage range overlaps the range the jobseeker wants.
      if (q.wageMin !== undefined) { where.push('p.wage_max >= ?'); params.push(q.wageMin); }
      if (q.wageMax !== undefined) { where.push('p.wage_min <= ?'); params.push(q.wageMax); }
    }
    if (q.hoursMin !== undefined) { where.push('p.hours_per_week >= ?'); params.push(q.hoursMin); }
    if (q.hoursMax !== undefined) { where.push('p.hours_per_week <= ?'); params.push(q.hoursMax); }
    if (q.ageBands?.length) { where.push(`p.age_band IN (${q.ageBands.map(() => '?').join(',')})`); params.push(...q.ageBands); }
    if (q.educations?.length) { where.push(`p.education IN (${q.educations.map(() => '?').join(',')})`); params.push(...q.educations); }
    if (q.experienceOccupation) {
      where.push('EXISTS (SELECT 1 FROM experience x WHERE x.profile_id = p.id AND x.occupation = ? AND x.years >= ?)');
      params.push(q.experienceOccupation, q.experienceYearsMin ?? 0);
    } else if (q.experienceYearsMin !== undefined) {
      where.push('EXISTS (SELECT 1 FROM experience x WHERE x.profile_id = p.id AND x.years >= ?)');
      params.push(q.experienceYearsMin);
    }
    if (q.match) { where.push('p.rid IN (SELECT rowid FROM fts WHERE fts MATCH ?)'); params.push(q.match); }
    if (q.after) {
      where.push('(p.updated_at < ? OR (p.updated_at = ? AND p.id > ?))');
      params.push(q.after.updatedAt, q.after.updatedAt, q.after.id);
    }
    where.push('NOT EXISTS (SELECT 1 FROM exclusions e WHERE e.agency_id = ? AND e.profile_id = p.id)');
    params.push(q.agencyId);
    const sql = `SELECT p.id, p.updated_at AS updatedAt, p.doc FROM profiles p WHERE ${where.join(' AND ')}
                 ORDER BY p.updated_at DESC, p.id ASC LIMIT ?`;
    params.push(q.limit);
    return this.sql.exec<ShardHit>(sql, ...params).toArray();
  }

  /** Counts for the bureau and the benchmarks. */
  async stats(): Promise<{ listed: number; stored: number }> {
    const r = this.sql.exec<{ listed: number; stored: number }>('SELECT sum(listed) AS listed, count(*) AS stored FROM profiles').one();
    return { listed: r.listed ?? 0, stored: r.stored };
  }
}
