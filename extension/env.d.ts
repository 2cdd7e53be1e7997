/** Stylesheets imported for their side effect (bundled by Vite). */
declare module '*.css';

/**
 * Type-checking the extension also checks the worker's source, reached through `import type
 * { AppType }` (the client's types come from the routes). The worker is written against
 * `@cloudflare/workers-types`, whose `BufferSource` accepts any typed array; the DOM library's
 * (TS 5.7+) accepts only ones backed by an `ArrayBuffer`. This overload lets the worker's PBKDF2
 * call (worker/lib/crypto.ts) type-check here too. Types only: nothing ships.
 * Remove once that call passes a `Uint8Array<ArrayBuffer>`.
 */
interface SubtleCrypto {
  deriveBits(
    algorithm: { name: string; hash: string; salt: Uint8Array<ArrayBufferLike>; iterations: number },
    baseKey: CryptoKey,
    length?: number | null,
  ): Promise<ArrayBuffer>;
}
