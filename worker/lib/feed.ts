import { occupationName } from '../../shared/data/occupations';
import { industryName } from '../../shared/data/industries';
import type { Profile, ProfileLoadRow, ProfileSummary } from '../../shared/schemas';
import type { ShardRow } from './feed-rows';
import { ApiError } from './problem';
import { shardStub } from './stubs';

/** Lapsed profiles one shard removes per call (R-FEED-6); a full batch means the caller calls again. */
export const LAPSE_BATCH = 2000;

/** The shard of a prefecture. */
export function shardOf(env: Env, prefecture: string) {
  return shardStub(env, prefecture);
}

/**
 * Every shard that holds a profile: its home and the prefectures it wants to work in.
 *
 * @example for (const shard of await profileShards(env, id)) await shard.setExclusion(id, agencyId, 'block');
 */
export async function profileShards(env: Env, profileId: string) {
  const home = profileId.slice(0, 2);
  const rec = await shardOf(env, home).home(profileId);
  const prefs = new Set([home, ...(rec?.areas ?? [])]);
  return [...prefs].map((p) => shardOf(env, p));
}

/** Distinct prefectures of a profile's areas, in order. */
export function areaPrefectures(areas: Array<{ prefecture: string }>): string[] {
  return [...new Set(areas.map((a) => a.prefecture))];
}

/** Text that keyword search looks in: what the jobseeker wrote plus the names of their codes. */
function searchableText(p: Profile): string {
  return [
    p.selfIntroduction,
    ...p.qualifications,
    ...p.occupations.map((c) => occupationName(c) ?? ''),
    ...p.experience.map((e) => occupationName(e.occupation) ?? ''),
    ...p.industries.map((c) => industryName(c) ?? ''),
  ].join('\n');
}

/**
 * The rows a profile is stored as: one in each prefecture it wants to work in, plus its home
 * (the prefecture in its ID), which keeps the canonical row and the activation code even when
 * the jobseeker no longer wants to work there.
 */
export function shardRows(
  profile: Profile,
  extra: {
    hwRef: string;
    activationHash: string | null;
    activationExpiresAt: number | null;
    updatedAt: number;
    created?: boolean;
    validUntil: string | null;
    exclusions?: Array<{ agencyId: string; reason: string }>;
  },
): Map<string, ShardRow> {
  const home = profile.id.slice(0, 2);
  const prefs = areaPrefectures(profile.areas);
  const doc = JSON.stringify(profile);
  const terms: Array<[string, string]> = [
    ...profile.occupations.map((c): [string, string] => ['occ', c]),
    ...profile.industries.map((c): [string, string] => ['ind', c]),
    ...prefs.map((c): [string, string] => ['pref', c]),
    ...profile.areas.flatMap((a): Array<[string, string]> => (a.municipality ? [['muni', a.municipality]] : [])),
    ...profile.qualifications.map((q): [string, string] => ['qual', q.normalize('NFKC')]),
  ];
  const base = {
    id: profile.id,
    updatedAt: extra.updatedAt,
    doc,
    employmentTypes: profile.employmentTypes,
    wageUnit: profile.wage.unit,
    wageMin: profile.wage.min,
    wageMax: profile.wage.max,
    hoursPerWeek: profile.hours.perWeek ?? null,
    ageBand: profile.ageBand,
    education: profile.education,
    terms,
    experience: profile.experience.map((e): [string, number] => [e.occupation, e.years]),
    text: searchableText(profile),
    created: extra.created ?? false,
    validUntil: extra.validUntil,
    // R-FEED-4: every row of the profile carries its exclusions, the new shards' rows included.
    exclusions: extra.exclusions ?? [],
  };
  const rows = new Map<string, ShardRow>();
  for (const pref of new Set([home, ...prefs])) {
    const isHome = pref === home;
    rows.set(pref, {
      ...base,
      listed: prefs.includes(pref),
      home: isHome,
      hwRef: isHome ? extra.hwRef : null,
      activationHash: isHome ? extra.activationHash : null,
      activationExpiresAt: isHome ? extra.activationExpiresAt : null,
    });
  }
  return rows;
}

/** A stored profile as the summary shown in search results (R-FEED-1: nothing identifying). */
export function summaryOf(doc: string): ProfileSummary {
  const p = JSON.parse(doc) as Profile;
  return {
    id: p.id,
    occupations: p.occupations,
    industries: p.industries,
    areas: p.areas,
    employmentTypes: p.employmentTypes,
    wage: p.wage,
    ageBand: p.ageBand,
    education: p.education,
    publishedOn: p.publishedOn,
    updatedOn: p.updatedOn,
  };
}

type CursorPos = { updatedAt: number; id: string };

/** Opaque cursor: base64url of the last item's position in the stable order. */
export function encodeCursor(pos: CursorPos): string {
  return btoa(JSON.stringify([pos.updatedAt, pos.id]))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function decodeCursor(cursor: string): CursorPos {
  try {
    const [updatedAt, id] = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))) as [unknown, unknown];
    if (typeof updatedAt === 'number' && Number.isSafeInteger(updatedAt) && typeof id === 'string' && id.length <= 20)
      return { updatedAt, id };
  } catch {
    // fall through to the problem below
  }
  throw new ApiError('invalid_cursor', '前のページの応答にある nextCursor をそのまま指定してください。');
}
