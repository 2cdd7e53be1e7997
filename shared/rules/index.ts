/**
 * The rules of SPEC.md that need no I/O, as pure functions of their inputs ("now" included).
 * Dates are JST calendar dates as `YYYY-MM-DD`; instants are `Date`.
 */
export * from './time';
export * from './deadlines';
export * from './eligibility';
export * from './sanctions';
export * from './contact-details';
export * from './message-lint';
export * from './reports';
export * from './licence-number';
export * from './announcements';
export * from './terms';
export * from './age-filter';
export * from './acceptance';
export * from './paid-services';
export * from './job-offers';
export * from './employer-statement';
export * from './service-term';
