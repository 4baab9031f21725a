/** Media types as the contract check compares them: by essence (type/subtype, case-insensitive), wildcards allowed on the spec's side. */

/** How a body of a media type is read: parsed as JSON, taken as text, or not read at all (binary, archives, YAML). */
export type BodyNotation = 'json' | 'text' | 'opaque';

/** The essence of a media type or Content-Type header: `Application/JSON; charset=utf-8` gives `application/json`. */
export function mediaTypeEssence(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

/** Whether a media type is JSON: `application/json` or any `+json` suffix (`application/problem+json`). */
export function isJsonMediaType(value: string): boolean {
  const essence = mediaTypeEssence(value);
  return essence === 'application/json' || essence.endsWith('+json');
}

/** How to read a body of this media type. YAML, archives and other binary types are checked for status and content type only. */
export function bodyNotation(value: string): BodyNotation {
  const essence = mediaTypeEssence(value);
  if (isJsonMediaType(essence)) return 'json';
  if (essence.startsWith('text/') && !/yaml/.test(essence)) return 'text';
  return 'opaque';
}

/** Whether a documented media type (which may be `*\/*` or `text/*`) covers a received one. */
export function mediaTypeCovers(documented: string, received: string): boolean {
  const want = mediaTypeEssence(documented);
  const got = mediaTypeEssence(received);
  if (want === got || want === '*/*') return true;
  return want.endsWith('/*') && got.startsWith(want.slice(0, -1));
}

/** The documented media type that best fits a received one: an exact match first, then a wildcard. */
export function matchMediaType<T extends { mediaType: string }>(documented: readonly T[], received: string): T | undefined {
  const essence = mediaTypeEssence(received);
  return (
    documented.find((media) => mediaTypeEssence(media.mediaType) === essence) ??
    documented.find((media) => mediaTypeCovers(media.mediaType, essence))
  );
}
