/**
 * The project's performance budgets, in one place: `npm run bench -- --check` and the
 * deterministic e2e tests (page weight, layout shift) read the same numbers.
 */

/** JavaScript a guide, tag or operation page may load before any interaction, gzip bytes. */
export const JS_LIMIT_GZIP = 10 * 1024;
/** CSS a reading page (every page but the playground) may load, gzip bytes. */
export const CSS_LIMIT_GZIP = 25 * 1024;
/** Cumulative layout shift on every page, mobile and desktop. */
export const CLS_LIMIT = 0.01;
