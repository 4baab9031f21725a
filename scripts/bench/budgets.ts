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
/**
 * /llms-full.txt (every guide and operation as Markdown, in one file), bytes: what a language
 * model's context can take in one read. KB and MB are 1,024-based, as everywhere in the bench.
 */
export const LLMS_FULL_LIMIT_BYTES = 1.5 * 1024 * 1024;
/** Lighthouse mobile performance score (0–100) per page kind; the playground page runs Swagger UI only on the reader's intent. */
export const LIGHTHOUSE_PERFORMANCE_MIN: Readonly<Record<string, number>> = {
  guide: 100,
  tag: 100,
  operation: 100,
  reference: 95,
  playground: 90,
};
/** Lighthouse mobile total blocking time per page kind, ms. */
export const LIGHTHOUSE_TBT_MAX_MS: Readonly<Record<string, number>> = { playground: 200 };
/** An operation page's "Try it": the press to the operation ready to execute, warm cache, ms (a target on the bench machine). */
export const TRY_IT_CLICK_TO_READY_MS = 1_500;
