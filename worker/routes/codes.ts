import { createRoute, z } from '@hono/zod-openapi';
import { INDUSTRY_MAJOR_GROUPS } from '../../shared/data/industries';
import { OCCUPATION_MAJOR_GROUPS, OCCUPATION_MIDDLE_GROUPS } from '../../shared/data/occupations';
import { PREFECTURES, REGIONS } from '../../shared/data/prefectures';
import { group, json } from '../lib/context';

/** Code lists change only with a release: browsers and shared caches may keep them for a day. */
const CODES_CACHE = 'public, max-age=86400';

const Prefectures = z.object({
  items: z.array(
    z.object({
      code: z.string().meta({ description: '都道府県コード（2桁）', example: '13' }),
      name: z.string().meta({ description: '名称', example: '東京都' }),
      nameEn: z.string().meta({ description: '英語名', example: 'Tokyo' }),
      region: z.string().meta({ description: '地方のコード', example: 'kanto' }),
      regionName: z.string().meta({ description: '地方の名称', example: '関東' }),
    }),
  ),
});
const Occupations = z.object({
  items: z.array(
    z.object({
      code: z.string().meta({ description: '中分類コード（3桁）。求職情報の検索・登録で使うコード', example: '050' }),
      name: z.string().meta({ description: '中分類の名称', example: '施設介護の職業' }),
      major: z.string().meta({ description: '大分類コード（2桁）', example: '08' }),
      majorName: z.string().meta({ description: '大分類の名称', example: '福祉・介護の職業' }),
    }),
  ),
});
const Industries = z.object({
  items: z.array(
    z.object({
      code: z.string().meta({ description: '大分類コード（A〜T）', example: 'P' }),
      name: z.string().meta({ description: '名称', example: '医療，福祉' }),
      nameEn: z.string().meta({ description: '英語名', example: 'Medical, health care and welfare' }),
    }),
  ),
});

const prefectures = createRoute({
  method: 'get',
  path: '/v1/public/codes/prefectures',
  tags: ['codes'],
  summary: '都道府県コードの一覧（JIS X 0401）',
  description: '検索条件の `prefecture` などで使う2桁のコードと名称、地方。',
  responses: { 200: json(Prefectures) },
});
const occupations = createRoute({
  method: 'get',
  path: '/v1/public/codes/occupations',
  tags: ['codes'],
  summary: '職業分類コードの一覧（厚生労働省編職業分類 2022年改定の中分類）',
  description: '検索条件の `occupation`・`experienceOccupation` などで使う3桁のコードと名称、属する大分類。',
  responses: { 200: json(Occupations) },
});
const industries = createRoute({
  method: 'get',
  path: '/v1/public/codes/industries',
  tags: ['codes'],
  summary: '産業分類コードの一覧（日本標準産業分類の大分類）',
  description: '検索条件の `industry` などで使うコード（A〜T）と名称。',
  responses: { 200: json(Industries) },
});

const regionName = new Map<string, string>(REGIONS.map((r) => [r.code, r.name]));
const majorName = new Map<string, string>(OCCUPATION_MAJOR_GROUPS.map((m) => [m.code, m.name]));

/**
 * The code lists the API takes, as routes (no account): prefectures, occupations and industries,
 * so an integrator never has to read the source to find a code (R-FEED-1, R-FEED-3).
 *
 * @example
 * const { items } = await (await fetch(`${base}/v1/public/codes/prefectures`)).json();
 */
export const codeRoutes = group()
  .openapi(prefectures, (c) => {
    c.header('Cache-Control', CODES_CACHE);
    return c.json(
      {
        items: PREFECTURES.map((p) => ({
          code: p.code,
          name: p.name,
          nameEn: p.nameEn,
          region: p.region,
          regionName: regionName.get(p.region) ?? '',
        })),
      },
      200,
    );
  })
  .openapi(occupations, (c) => {
    c.header('Cache-Control', CODES_CACHE);
    return c.json(
      {
        items: OCCUPATION_MIDDLE_GROUPS.map((o) => ({
          code: o.code,
          name: o.name,
          major: o.major,
          majorName: majorName.get(o.major) ?? '',
        })),
      },
      200,
    );
  })
  .openapi(industries, (c) => {
    c.header('Cache-Control', CODES_CACHE);
    return c.json({ items: INDUSTRY_MAJOR_GROUPS.map((i) => ({ code: i.code, name: i.name, nameEn: i.nameEn })) }, 200);
  });
