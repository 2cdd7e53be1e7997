/**
 * A findable API: the interactive reference at /v1/docs with its viewer served by the worker, the
 * code lists as routes, and descriptions in the OpenAPI document.
 */
import { describe, expect, it } from 'vitest';
import { exports } from 'cloudflare:workers';
import { api } from './helpers';

async function get(path: string): Promise<Response> {
  return (exports as unknown as { default: { fetch: (r: Request) => Promise<Response> } }).default.fetch(
    new Request(`http://madoguchi.test${path}`),
  );
}

describe('the API reference', () => {
  it('serves /v1/docs in Japanese, pointing at its own copy of the viewer and at /v1/openapi.json', async () => {
    const res = await get('/v1/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('lang="ja"');
    expect(html).toContain('/v1/openapi.json');
    expect(html).not.toMatch(/https?:\/\/cdn\./);
    const script = /src="([^"]+swagger-ui-bundle\.js)"/.exec(html)?.[1];
    const style = /href="([^"]+swagger-ui\.css)"/.exec(html)?.[1];
    expect(script).toMatch(/^\/v1\/docs\//);
    const js = await get(script!);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect((await js.text()).length).toBeGreaterThan(500_000);
    expect((await get(style!)).status).toBe(200);
  });

  it('R-FEED-3 lists the code lists as routes, each in the OpenAPI document', async () => {
    const prefectures = await api('GET', '/v1/public/codes/prefectures');
    expect(prefectures.status).toBe(200);
    expect(prefectures.body.items).toHaveLength(47);
    expect(prefectures.body.items.find((p: { code: string }) => p.code === '13')).toMatchObject({ name: '東京都', regionName: '関東' });
    const occupations = await api('GET', '/v1/public/codes/occupations');
    expect(occupations.body.items).toHaveLength(99);
    expect(occupations.body.items.find((o: { code: string }) => o.code === '050')).toMatchObject({ major: '08' });
    const industries = await api('GET', '/v1/public/codes/industries');
    expect(industries.body.items.map((i: { code: string }) => i.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    const doc = await api('GET', '/v1/openapi.json');
    for (const path of ['/v1/public/codes/prefectures', '/v1/public/codes/occupations', '/v1/public/codes/industries'])
      expect(doc.body.paths[path]).toBeDefined();
  });

  it('describes every query and path parameter in Japanese', async () => {
    const doc = await api('GET', '/v1/openapi.json');
    const missing: string[] = [];
    for (const [path, item] of Object.entries(
      doc.body.paths as Record<string, Record<string, { parameters?: Array<{ name: string; in: string; description?: string }> }>>,
    )) {
      for (const [method, op] of Object.entries(item)) {
        for (const p of op.parameters ?? []) {
          if (p.in === 'header') continue;
          if (!p.description || !/[\u3040-\u30ff\u4e00-\u9fff]/.test(p.description))
            missing.push(`${method.toUpperCase()} ${path} ${p.in}:${p.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
