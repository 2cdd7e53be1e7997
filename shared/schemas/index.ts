/**
 * The zod schemas both the worker and the extension validate with. Plain `zod`, so the extension
 * can use them without `@hono/zod-openapi`; the worker registers them for the OpenAPI document.
 */
export * from './common';
export * from './problem';
export * from './profile-id';
export * from './agency';
export * from './agency-account';
export * from './agency-mandatory-information';
export * from './agency-registration';
export * from './agency-directory';
export * from './agency-procedures';
export * from './agency-sanctions';
export * from './profile';
export * from './feed-search';
export * from './message';
export * from './quota';
export * from './event';
export * from './report';
export * from './complaint';
export * from './session';
export * from './staff';
export * from './transparency';
export * from './acquisition';
export * from './announcement';
export * from './seat';
export * from './terms';
export * from './correspondence';
export * from './job-offer';
export * from './job-desk';
