/**
 * Is this page served by a Meshplay server? Then the playground can call it same-origin with
 * the browser's own session cookie. The test is Meshplay's public `GET /api/system/version`,
 * which answers `application/json` with the fields of its `Version` struct, each omitted when
 * empty (server/handlers/server_spec_handler.go:15-21, 54-56).
 */

/** The path the playground asks on its own origin. */
export const VERSION_PATH = '/api/system/version';

/** Meshplay's version fields and their JSON types; nothing else may be in the answer. */
const VERSION_FIELDS: Readonly<Record<string, 'string' | 'boolean'>> = {
  build: 'string',
  latest: 'string',
  outdated: 'boolean',
  commitsha: 'string',
  release_channel: 'string',
};

/** Fields that identify a build; at least one must be set, so that `{}` (or `{"outdated":true}`) does not pass. */
const IDENTIFYING_FIELDS = ['build', 'commitsha', 'release_channel'];

/** The answer to the version request, as the browser saw it. */
export interface VersionAnswer {
  status: number;
  /** Whether the browser followed a redirect to get it. */
  redirected: boolean;
  contentType: string;
  body: string;
}

/**
 * Whether the answer is Meshplay's version JSON: 200 without a redirect, `application/json`,
 * a JSON object holding only Meshplay's version fields with their types, one of them naming the
 * build. A docs host's HTML 404, a sign-in page, or a static JSON file with other fields are not.
 */
export function isMeshplayVersionAnswer(answer: VersionAnswer): boolean {
  if (answer.status !== 200 || answer.redirected) return false;
  if (!/^application\/json\s*(;|$)/i.test(answer.contentType.trim())) return false;
  let value: unknown;
  try {
    value = JSON.parse(answer.body);
  } catch {
    return false;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.some(([name, field]) => !Object.hasOwn(VERSION_FIELDS, name) || typeof field !== VERSION_FIELDS[name])) return false;
  return IDENTIFYING_FIELDS.some((name) => {
    const field = (value as Record<string, unknown>)[name];
    return typeof field === 'string' && field !== '';
  });
}
