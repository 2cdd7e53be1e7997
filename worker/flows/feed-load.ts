import { jstDate, registrationValidUntil } from '../../shared/rules';
import { ProfileLoadRowSchema, newProfileId, type Profile, type ProfileLoadResult, type ProfileLoadRow } from '../../shared/schemas';
import type { PrefectureCode } from '../../shared/data/prefectures';
import type { ShardRow } from '../lib/feed-rows';
import { randomBase32, sha256Hex } from '../lib/crypto';
import { faultPoint } from '../lib/faults';
import { contactErrors, validUntilErrors } from '../lib/feed-load-checks';
import { areaPrefectures, LAPSE_BATCH, shardOf, shardRows } from '../lib/feed';
import { ApiError } from '../lib/problem';
import { registryStub } from '../lib/stubs';

/** Rows one load may hold; larger files are sent in parts. */
export const MAX_ROWS_PER_LOAD = 5000;
/** How long a jobseeker's activation code stays valid (docs/decisions.md). */
export const ACTIVATION_CODE_DAYS = 90;
/** Rows sent to a shard in one call (one transaction there). */
const SHARD_BATCH = 2000;

/** A line that passed its checks; `known` when it came without an ID and its Hello Work reference was already homed. */
type Accepted = { line: number; row: ProfileLoadRow; home: PrefectureCode; id: string; update: boolean; known: boolean };

/**
 * R-FEED-1: a line without an ID whose Hello Work reference is already homed (the retry of a load
 * that failed part-way, or the same file sent twice) updates that profile instead of adding a
 * second one. Its home shard is asked once for all of that shard's references.
 */
async function findKnownProfiles(env: Env, accepted: Accepted[]): Promise<void> {
  const byHome = new Map<string, Accepted[]>();
  for (const a of accepted) if (!a.update) (byHome.get(a.home) ?? byHome.set(a.home, []).get(a.home)!).push(a);
  await Promise.all(
    [...byHome].map(async ([home, list]) => {
      const known = await shardOf(env, home).homeIdsByHwRef(list.map((a) => a.row.hwRef));
      for (const a of list) {
        const id = known[a.row.hwRef];
        if (id) Object.assign(a, { id, update: true, known: true });
      }
    }),
  );
}

/** A new one-time activation code, `XXXX-XXXX-XXXX` in Crockford base32 (60 bits). */
export function newActivationCode(): string {
  const raw = randomBase32(12);
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/**
 * Loads the bureau's NDJSON of profiles (R-FEED-1, R-FEED-2): each line is checked on its own, a
 * line with contact details or bad fields is refused with field and reason, and the others load.
 * New profiles get a random public ID and a one-time activation code, returned only here.
 *
 * @example await loadProfiles(env, '{"hwRef":"…", …}\n', now, '13');
 */
export async function loadProfiles(
  env: Env,
  body: string,
  now: Date,
  scopePrefecture: string | null,
): Promise<{ loaded: number; refused: number; results: ProfileLoadResult[] }> {
  const lines = body.split(/\r?\n/);
  if (lines.filter((l) => l.trim()).length > MAX_ROWS_PER_LOAD) {
    throw new ApiError('too_many_rows', `1回に読み込めるのは${MAX_ROWS_PER_LOAD}行までです。ファイルを分けて送ってください。`);
  }
  const today = jstDate(now);
  const results: ProfileLoadResult[] = [];
  const accepted: Accepted[] = [];
  const hwRefs = new Set<string>();

  lines.forEach((text, index) => {
    if (!text.trim()) return;
    const line = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      results.push({ line, ok: false, errors: [{ field: '', code: 'malformed_json', reason: 'この行は JSON として読めません。' }] });
      return;
    }
    const parsed = ProfileLoadRowSchema.safeParse(value);
    if (!parsed.success) {
      const hwRef =
        typeof (value as { hwRef?: unknown })?.hwRef === 'string' ? String((value as { hwRef: string }).hwRef).slice(0, 40) : undefined;
      results.push({
        line,
        ok: false,
        ...(hwRef ? { hwRef } : {}),
        errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), code: 'invalid_field', reason: i.message })),
      });
      return;
    }
    const row = parsed.data;
    const errors = contactErrors(row);
    const home = (row.id?.slice(0, 2) ?? row.homePrefecture ?? row.areas[0]!.prefecture) as PrefectureCode;
    if (scopePrefecture && home !== scopePrefecture)
      errors.push({ field: 'homePrefecture', code: 'out_of_scope', reason: '管轄外の都道府県の求職者は読み込めません。' });
    errors.push(...validUntilErrors(row.validUntil, today));
    if (hwRefs.has(row.hwRef))
      errors.push({ field: 'hwRef', code: 'duplicate_in_load', reason: '同じ管理番号の行がこのファイル内にすでにあります。' });
    if (errors.length) {
      results.push({ line, ok: false, ...(row.id ? { id: row.id } : {}), hwRef: row.hwRef, errors });
      return;
    }
    hwRefs.add(row.hwRef);
    accepted.push({ line, row, home, id: row.id ?? newProfileId(home), update: row.id !== undefined, known: false });
  });
  await findKnownProfiles(env, accepted);

  // Updates must name an existing profile; they also tell which shards to leave.
  const previous = new Map<
    string,
    {
      areas: string[];
      doc: Profile;
      validUntil: string | null;
      exclusions: Array<{ agencyId: string; reason: string }>;
      activated: boolean;
    }
  >();
  const updatesByHome = new Map<string, string[]>();
  for (const a of accepted.filter((x) => x.update)) {
    const list = updatesByHome.get(a.id.slice(0, 2)) ?? [];
    list.push(a.id);
    updatesByHome.set(a.id.slice(0, 2), list);
  }
  await Promise.all(
    [...updatesByHome].map(async ([home, ids]) => {
      const shard = shardOf(env, home);
      for (const id of ids) {
        const rec = await shard.home(id);
        if (rec)
          previous.set(id, {
            areas: rec.areas,
            doc: JSON.parse(rec.doc) as Profile,
            validUntil: rec.validUntil,
            exclusions: rec.exclusions,
            activated: rec.activated,
          });
      }
    }),
  );

  const byShard = new Map<string, ShardRow[]>();
  const removals = new Map<string, string[]>();
  const expires = now.getTime() + ACTIVATION_CODE_DAYS * 86_400_000;
  for (const a of accepted) {
    const prior = previous.get(a.id);
    if (a.update && !prior) {
      results.push({
        line: a.line,
        ok: false,
        id: a.id,
        hwRef: a.row.hwRef,
        errors: [
          { field: 'id', code: 'unknown_profile', reason: 'この求職者IDは登録されていません（新規の場合は id を省いてください）。' },
        ],
      });
      continue;
    }
    const { id: _id, hwRef, homePrefecture: _home, validUntil: given, ...content } = a.row;
    // R-FEED-6: the bureau's date wins; a new profile defaults to a registration made today, an update keeps its date.
    const validUntil = given ?? (prior ? (prior.validUntil ?? registrationValidUntil(today)) : registrationValidUntil(today));
    const profile: Profile = { id: a.id, ...content, publishedOn: prior?.doc.publishedOn ?? today, updatedOn: today };
    // A known profile not yet activated gets a new code: the answer that held its first may never have arrived.
    const code = !prior || (a.known && !prior.activated) ? newActivationCode() : undefined;
    const rows = shardRows(profile, {
      hwRef,
      activationHash: code ? await sha256Hex(code) : null,
      activationExpiresAt: code ? expires : null,
      updatedAt: now.getTime(),
      created: !prior,
      validUntil,
      exclusions: prior?.exclusions,
    });
    for (const [pref, r] of rows) (byShard.get(pref) ?? byShard.set(pref, []).get(pref)!).push(r);
    if (prior) {
      for (const old of prior.areas) {
        if (!rows.has(old)) (removals.get(old) ?? removals.set(old, []).get(old)!).push(a.id);
      }
    }
    results.push({
      line: a.line,
      ok: true,
      id: a.id,
      action: prior ? 'updated' : 'created',
      hwRef,
      validUntil,
      ...(code ? { activationCode: code } : {}),
    });
  }

  // R-FEED-6: the calendar learns each shard's dates before the rows land, so none is missed.
  const lapses = new Map<string, { validUntil: string; prefecture: string }>();
  for (const [prefecture, rows] of byShard)
    for (const r of rows) if (r.validUntil) lapses.set(`${r.validUntil}|${prefecture}`, { validUntil: r.validUntil, prefecture });
  faultPoint(env, 'feed-load.calendar');
  if (lapses.size) await registryStub(env).noteFeedValidity([...lapses.values()]);
  // A new profile's home row goes first: it records the Hello Work reference, by which a retry of
  // the same file finds the profile instead of making a second one beside rows already written.
  // An updated profile's home row goes last: it records the prefectures the profile is listed in,
  // which a retry compares against to find the shards to leave. Written before a failed step, it
  // would hide those shards from the retry and leave the profile listed there.
  const upserts = (stage: 'created' | 'upsert' | 'home') =>
    [...byShard].map(async ([pref, all]) => {
      const rows = all.filter((r) => (stage === 'upsert' ? !r.home : r.home && r.created === (stage === 'created')));
      if (!rows.length) return;
      faultPoint(env, `feed-load.${stage}:${pref}`);
      const shard = shardOf(env, pref);
      for (let i = 0; i < rows.length; i += SHARD_BATCH) await shard.upsert(rows.slice(i, i + SHARD_BATCH));
    });
  await Promise.all(upserts('created'));
  await Promise.all([
    ...upserts('upsert'),
    ...[...removals].map(async ([pref, ids]) => {
      faultPoint(env, `feed-load.remove:${pref}`);
      await shardOf(env, pref).remove(ids);
    }),
  ]);
  await Promise.all(upserts('home'));

  results.sort((x, y) => x.line - y.line);
  const loaded = results.filter((r) => r.ok).length;
  return { loaded, refused: results.length - loaded, results };
}

/**
 * Takes a profile out of the feed everywhere (the bureau's withdrawal, or the jobseeker leaving).
 *
 * @example await withdrawProfile(env, '13-7K3M9X2QAB');
 */
export async function withdrawProfile(env: Env, id: string): Promise<boolean> {
  const home = shardOf(env, id.slice(0, 2));
  const rec = await home.home(id);
  if (!rec) return false;
  await Promise.all(
    areaPrefectures(rec.areas.map((prefecture) => ({ prefecture })))
      .filter((p) => p !== id.slice(0, 2))
      .map((p) => shardOf(env, p).remove([id])),
  );
  await home.remove([id]);
  return true;
}

/**
 * R-FEED-6: scheduled work that takes every profile whose registration lapsed before today (JST)
 * out of every shard, as a withdrawal does. The registry's calendar names the shards that hold
 * lapsed rows; each sweeps its own rows, so a profile listed in several prefectures leaves all of
 * them (the search already hides it from midnight on). A shard that filled its batch stays on the
 * calendar and is swept again by the next run.
 *
 * @example await removeLapsedProfiles(env, now); // ['13-7K3M9X2QAB']
 */
export async function removeLapsedProfiles(env: Env, now: Date): Promise<string[]> {
  const today = jstDate(now);
  const registry = registryStub(env);
  const due = await registry.dueFeedLapses(today);
  if (!due.length) return [];
  const swept = await Promise.all(due.map(async (p) => ({ p, ids: (await shardOf(env, p).removeLapsed(today)).removed })));
  await registry.clearFeedLapses(
    today,
    swept.filter((x) => x.ids.length < LAPSE_BATCH).map((x) => x.p),
  );
  return [...new Set(swept.flatMap((x) => x.ids))].sort();
}
