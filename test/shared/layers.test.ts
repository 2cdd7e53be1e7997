import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, layerViolations, sourceFiles } from './layers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('layers: shared ← worker/lib ← worker/objects ← worker/flows ← worker/routes', () => {
  it('no import in worker/, shared/ or extension/ breaks a layer', () => {
    const files = sourceFiles(ROOT, ['shared', 'worker', 'extension']);
    expect(files.length).toBeGreaterThan(100);
    const edges = files.flatMap((f) => importsOf(f, readFileSync(`${ROOT}/${f}`, 'utf8')));
    expect(edges.some((e) => e.from.startsWith('worker/routes/') && e.to.startsWith('worker/flows/'))).toBe(true);
    expect(layerViolations(edges)).toEqual([]);
  });

  it('the scan catches each kind of broken import', () => {
    const text = (lines: string[]) => lines.join('\n');
    const edges = [
      ...importsOf('worker/lib/feed.ts', text(["import type { ShardRow } from '../objects/feed-shard';"])),
      ...importsOf('worker/lib/x.ts', text(['import {', '  sendMessage,', "} from '../flows/send';"])),
      ...importsOf('worker/objects/agency/sending.ts', text(["import { deliver } from '../seeker/conversations';"])),
      ...importsOf('worker/objects/clock.ts', text(["export { x } from './feed-meter';"])),
      ...importsOf('worker/flows/send.ts', text(["import { scopeOf } from '../routes/admin';"])),
      ...importsOf('shared/rules/x.ts', text(["import { Hono } from 'hono';", "import { y } from '../../worker/lib/feed';"])),
      ...importsOf('extension/utils/api.ts', text(["import { app } from '../../worker/app';"])),
    ];
    expect(layerViolations(edges)).toHaveLength(8);
  });

  it('allowed imports pass: downward, within one object, types from the worker into the extension', () => {
    const edges = [
      ...importsOf(
        'worker/routes/messaging.ts',
        "import { sendMessage } from '../flows/send';\nimport type { SendRequest } from '../objects/agency';",
      ),
      ...importsOf(
        'worker/objects/agency/sending.ts',
        "import { x } from './store';\nimport { y } from '../../lib/problem';\nimport { z } from '../../../shared/rules';",
      ),
      ...importsOf('extension/utils/api.ts', "import type { AppType } from '../../worker/app';"),
      ...importsOf('shared/rules/x.ts', "import { z } from 'zod';\nimport { p } from '../data/prefectures';"),
    ];
    expect(layerViolations(edges)).toEqual([]);
  });
});
