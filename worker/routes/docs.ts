/// <reference path="../docs-assets.d.ts" />
import { Hono } from 'hono';
import { SwaggerUI } from '@hono/swagger-ui';
import swaggerCss from 'swagger-ui-dist/swagger-ui.css';
import swaggerJs from 'swagger-ui-dist/swagger-ui-bundle.js';
import type { AppEnv } from '../lib/context';

/** Where the viewer's files are served; `@hono/swagger-ui` appends `/swagger-ui-dist/<file>`. */
const ASSETS = '/v1/docs/assets';
/** The files never change within a release. */
const ASSET_CACHE = 'public, max-age=86400';

function page(): string {
  const ui = SwaggerUI({ url: '/v1/openapi.json', baseUrl: ASSETS, docExpansion: 'list', persistAuthorization: false });
  return `<!doctype html>
<html lang="ja">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="窓口 Madoguchi API リファレンス" />
    <title>窓口 Madoguchi API リファレンス</title>
    <link rel="icon" href="data:," />
    <style>body{margin:0;font-family:"Noto Sans JP","Hiragino Sans","Yu Gothic UI",Meiryo,sans-serif} .intro{max-width:1460px;margin:0 auto;padding:16px 20px 0;line-height:1.7}</style>
  </head>
  <body>
    <main>
      <div class="intro">
        <h1>窓口 Madoguchi API リファレンス</h1>
        <p>OpenAPI 文書: <a href="/v1/openapi.json">/v1/openapi.json</a>。コードの一覧: <a href="/v1/public/codes/prefectures">都道府県</a>・<a href="/v1/public/codes/occupations">職業分類</a>・<a href="/v1/public/codes/industries">産業分類</a>。
        認証が必要な操作は「Authorize」でトークン（Bearer）を入れてから試せます。エラーは RFC 9457 problem details（<code>code</code> は安定）で返ります。</p>
      </div>
      ${ui}
    </main>
  </body>
</html>`;
}

/**
 * The interactive API reference: Swagger UI (through the maintained `@hono/swagger-ui`) over the
 * same OpenAPI document the routes validate with, its script and style served by the worker so
 * the page works with no CDN and offline.
 *
 * @example
 * app.route('/', docsRoutes); // GET /v1/docs
 */
export const docsRoutes = new Hono<AppEnv>()
  .get('/v1/docs', (c) => c.html(page()))
  .get(`${ASSETS}/swagger-ui-dist/swagger-ui-bundle.js`, (c) =>
    c.body(swaggerJs, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': ASSET_CACHE }),
  )
  .get(`${ASSETS}/swagger-ui-dist/swagger-ui.css`, (c) =>
    c.body(swaggerCss, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': ASSET_CACHE }),
  );
