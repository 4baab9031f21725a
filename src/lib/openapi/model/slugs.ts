/**
 * URL slugs of the reference pages. The rules, which README.md repeats under "Reference pages":
 *
 * - A tag's slug is its name in lower kebab case ("Kubernetes contexts" → `kubernetes-contexts`,
 *   "GraphQL" → `graphql`). Operations without a tag belong to the tag `default`.
 * - An operation's slug is its operationId in lower kebab case (`getServerVersion` →
 *   `get-server-version`); without an operationId it is the method and the path
 *   (`GET /api/pattern/{id}` → `get-api-pattern-id`).
 * - Lower kebab case means: accents dropped, lower case, every run of other characters turned
 *   into one "-", at most 100 characters; in operationIds and paths (not tag names) camelCase
 *   words are split first (`{petId}` → `pet-id`).
 * - Slugs that come out equal are told apart in document order (tags in the order of the
 *   top-level `tags`, then of first use; operations in path order, then method order): the
 *   first keeps the slug, the next get `-2`, `-3`... Operation slugs are unique within their
 *   tag; tag slugs are unique in the site and never `schemas`, `playground` or `try-it`,
 *   which other reference pages use.
 *
 * The same spec therefore always gives the same URLs, and changing one operation changes
 * only its own URL (or, on a collision, that of the operations after it in the same tag).
 */

/** Longest slug kept: file systems and URLs stay comfortable well under this. */
const MAX_SLUG_LENGTH = 100;

/** Tag slugs that would land on other pages under /reference/rest-apis/. */
export const RESERVED_TAG_SLUGS: readonly string[] = ['schemas', 'playground', 'try-it'];

/** Split camelCase identifiers into words: "getK8sContexts" → "get-K8s-Contexts". */
function splitCamelCase(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2');
}

/** Turn text into lower kebab case ASCII: "Kubernetes contexts" → "kubernetes-contexts"; may return "". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
}

/** The slug of a tag name, "tag" when nothing of the name survives slugifying. */
export function tagSlugCandidate(name: string): string {
  return slugify(name) || 'tag';
}

/** The slug an operation asks for: from its operationId, else from its method and path. */
export function operationSlugCandidate(method: string, path: string, operationId: string | undefined): string {
  return (operationId === undefined ? '' : slugify(splitCamelCase(operationId))) || slugify(splitCamelCase(`${method} ${path}`)) || method.toLowerCase();
}

/** Make slugs unique in order: repeats (and reserved slugs) get "-2", "-3"... */
export function uniqueSlugs(candidates: readonly string[], reserved: readonly string[] = []): string[] {
  const taken = new Set(reserved);
  return candidates.map((candidate) => {
    let slug = candidate;
    for (let n = 2; taken.has(slug); n += 1) slug = `${candidate}-${n}`;
    taken.add(slug);
    return slug;
  });
}
