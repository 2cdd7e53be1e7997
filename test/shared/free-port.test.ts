import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { firstFreePort, freePort, portIsFree } from '../../scripts/lib/worker-process';

describe('npm start on a busy port', () => {
  it('picks the next free port after one that is taken, and keeps a free one', async () => {
    const port = await freePort();
    expect(await firstFreePort(port)).toBe(port);
    const server = createServer();
    await new Promise<void>((ok) => server.listen(port, '127.0.0.1', () => ok()));
    try {
      expect(await portIsFree(port)).toBe(false);
      expect(await firstFreePort(port)).toBeGreaterThan(port);
    } finally {
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  });
});
