import { z } from 'zod';

/**
 * Validation messages in Japanese throughout (R-SEC-3: the problem a person reads is Japanese).
 * zod's own Japanese locale covers every built-in issue; the shared schemas' custom messages are
 * Japanese already. Imported once, first, by the app.
 */
z.config(z.locales.ja());

/** The locale in force, for tests and the OpenAPI document. */
export const VALIDATION_LOCALE = 'ja';
