import { arrayField, isObject, objectField, stringField, isTrue, type JsonObject } from './object-guards.ts';
import { dereference } from './refs.ts';
import { operationRoute, tagRoute } from './routes.ts';
import { operationSlugCandidate, RESERVED_TAG_SLUGS, tagSlugCandidate, uniqueSlugs } from './slugs.ts';

/** The methods a path item can hold, in the order pages and slugs use. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The tag of operations that have none. */
export const DEFAULT_TAG = 'default';

/** One operation of the spec, with what its page needs to be found and titled. */
export interface OperationEntry {
  method: HttpMethod;
  path: string;
  operation: JsonObject;
  pathItem: JsonObject;
  operationId: string | undefined;
  /** The page title: the summary, else the operationId, else "METHOD /path". */
  title: string;
  description: string | undefined;
  deprecated: boolean;
  /** The operation's tags as in the spec, or ["default"]. */
  tags: string[];
  /** The first tag: the operation's page lives under it. */
  tag: string;
  tagSlug: string;
  slug: string;
  /** The page's route, without the base path. */
  route: string;
}

/** A tag with every operation that lists it. */
export interface TagGroup {
  name: string;
  slug: string;
  description: string | undefined;
  route: string;
  operations: OperationEntry[];
}

interface ReferenceIndex {
  operations: OperationEntry[];
  tags: TagGroup[];
}

// Pages, the sidebar and the schema pages all ask for the index: build it once per document.
const indexCache = new WeakMap<object, ReferenceIndex>();

/** Every operation of the spec in document order (paths, then methods), each with its slug and route. */
export function getOperations(document: object): OperationEntry[] {
  return getReferenceIndex(document).operations;
}

/** The tags that have operations, in the order of the spec's top-level `tags`, then of first use. */
export function getOperationsByTag(document: object): TagGroup[] {
  return getReferenceIndex(document).tags;
}

/** The operations and tags of a document, computed once. */
function getReferenceIndex(document: object): ReferenceIndex {
  let index = indexCache.get(document);
  if (!index) {
    index = buildReferenceIndex(document as JsonObject);
    indexCache.set(document, index);
  }
  return index;
}

interface RawOperation {
  method: HttpMethod;
  path: string;
  operation: JsonObject;
  pathItem: JsonObject;
  tags: string[];
}

/** Walk the paths once and give every tag and operation its slug. */
function buildReferenceIndex(document: JsonObject): ReferenceIndex {
  const raw = listRawOperations(document);
  const tagNames = orderTagNames(document, raw);
  const tagSlugs = uniqueSlugs(tagNames.map(tagSlugCandidate), RESERVED_TAG_SLUGS);
  const slugOfTag = new Map(tagNames.map((name, i) => [name, tagSlugs[i] ?? tagSlugCandidate(name)]));

  // Operation slugs are unique within the tag whose page holds them.
  const byPrimaryTag = new Map<string, RawOperation[]>();
  for (const item of raw) {
    const primary = item.tags[0] ?? DEFAULT_TAG;
    const list = byPrimaryTag.get(primary);
    if (list) list.push(item);
    else byPrimaryTag.set(primary, [item]);
  }
  const slugOfOperation = new Map<RawOperation, string>();
  for (const items of byPrimaryTag.values()) {
    const slugs = uniqueSlugs(items.map((item) => operationSlugCandidate(item.method, item.path, stringField(item.operation, 'operationId'))));
    items.forEach((item, i) => slugOfOperation.set(item, slugs[i] ?? item.method));
  }

  const operations = raw.map((item): OperationEntry => {
    const tag = item.tags[0] ?? DEFAULT_TAG;
    const tagSlug = slugOfTag.get(tag) ?? tagSlugCandidate(tag);
    const slug = slugOfOperation.get(item) ?? item.method;
    const operationId = stringField(item.operation, 'operationId');
    return {
      method: item.method,
      path: item.path,
      operation: item.operation,
      pathItem: item.pathItem,
      operationId,
      title: titleOf(item.operation, item.method, item.path),
      description: stringField(item.operation, 'description'),
      deprecated: isTrue(item.operation, 'deprecated'),
      tags: item.tags,
      tag,
      tagSlug,
      slug,
      route: operationRoute(tagSlug, slug),
    };
  });

  const declared = new Map<string, JsonObject>();
  for (const tag of arrayField(document, 'tags') ?? []) {
    if (isObject(tag) && typeof tag['name'] === 'string') declared.set(tag['name'], tag);
  }
  const tags = tagNames.map((name): TagGroup => {
    const slug = slugOfTag.get(name) ?? tagSlugCandidate(name);
    const info = declared.get(name);
    return {
      name,
      slug,
      description: info ? stringField(info, 'description') : undefined,
      route: tagRoute(slug),
      operations: operations.filter((entry) => entry.tags.includes(name)),
    };
  });
  return { operations, tags };
}

/** Every (path, method) pair of the document, path items' $refs followed. */
function listRawOperations(document: JsonObject): RawOperation[] {
  const operations: RawOperation[] = [];
  for (const [path, node] of Object.entries(objectField(document, 'paths') ?? {})) {
    const pathItem = dereference(document, node);
    if (!pathItem) continue;
    for (const method of HTTP_METHODS) {
      const operation = objectField(pathItem, method);
      if (!operation) continue;
      const tags = (arrayField(operation, 'tags') ?? []).filter((tag): tag is string => typeof tag === 'string' && tag !== '');
      operations.push({ method, path, operation, pathItem, tags: tags.length > 0 ? [...new Set(tags)] : [DEFAULT_TAG] });
    }
  }
  return operations;
}

/** Tag names that have operations: declared ones in declared order, then the others in order of first use. */
function orderTagNames(document: JsonObject, operations: RawOperation[]): string[] {
  const used = new Set(operations.flatMap((item) => item.tags));
  const declared = (arrayField(document, 'tags') ?? [])
    .map((tag) => (isObject(tag) ? stringField(tag, 'name') : undefined))
    .filter((name): name is string => name !== undefined && used.has(name));
  return [...new Set([...declared, ...used])];
}

/** What to call an operation: its summary, else its operationId, else "METHOD /path". */
function titleOf(operation: JsonObject, method: string, path: string): string {
  const summary = stringField(operation, 'summary')?.trim();
  if (summary) return summary;
  const operationId = stringField(operation, 'operationId')?.trim();
  return operationId || `${method.toUpperCase()} ${path}`;
}
