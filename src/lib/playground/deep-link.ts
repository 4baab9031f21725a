/**
 * The playground's deep links, `#/<tag>` and `#/<tag>/<operationId>` (Swagger UI's own shape,
 * each part percent-encoded). A malformed link is no link: the playground loads as without one.
 */

export interface DeepLink {
  tag: string;
  /** Undefined for a link to a tag alone. */
  operationId: string | undefined;
}

/** Decode one percent-encoded part; undefined when its escapes are malformed (`%E0%A4%A`). */
function decodePart(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** Read a deep link from an address's fragment (with its `#`); undefined when there is none or it is malformed. */
export function parseDeepLink(hash: string): DeepLink | undefined {
  if (!hash.startsWith('#/')) return undefined;
  const parts = hash.slice(2).split('/');
  if (parts.length > 2) return undefined;
  const [rawTag = '', rawOperation] = parts;
  const tag = decodePart(rawTag);
  const operationId = rawOperation === undefined || rawOperation === '' ? undefined : decodePart(rawOperation);
  if (tag === undefined || tag === '' || (rawOperation !== undefined && rawOperation !== '' && operationId === undefined)) return undefined;
  return { tag, operationId };
}
