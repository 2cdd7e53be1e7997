/**
 * Message limits without zod, for screens that must stay small (the jobseeker's popup imports
 * this rather than `message.ts`, whose schemas would bring zod along).
 */

/** The longest message body, in characters (R-MSG-6). */
export const MESSAGE_MAX_LENGTH = 4000;
