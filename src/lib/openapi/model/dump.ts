import type { ApiModel, Operation, SchemaPage, Tag } from './types.ts';

/** What to print of a model: one operation (by operationId or slug), one tag, one schema, or the summary. */
export type DumpRequest = { kind: 'operation' | 'tag' | 'schema'; name: string } | { kind: 'summary' };

/** The outcome of a dump: the JSON text, or a message that says what is wrong and what to try. */
export type DumpResult = { ok: true; json: string } | { ok: false; message: string };

/** Pick the part of the model asked for and turn it into indented JSON (lazy parts built). */
export function dumpModel(model: ApiModel, request: DumpRequest): DumpResult {
  if (request.kind === 'summary') {
    const summary = {
      title: model.title,
      servers: model.servers,
      auth: model.auth,
      tags: model.tags.map((tag) => ({ name: tag.name, slug: tag.slug, operations: tag.operations.map((entry) => entry.operationId ?? entry.slug) })),
      schemas: model.schemas.map((schema) => schema.name),
      routes: model.routes.length,
    };
    return { ok: true, json: JSON.stringify(summary, null, 2) };
  }
  const candidates = candidatesOf(model, request.kind);
  const found = candidates.find((candidate) => candidate.names.includes(request.name));
  if (found) return { ok: true, json: JSON.stringify(found.value, null, 2) };
  const close = closeMatches(
    request.name,
    candidates.map((candidate) => candidate.names[0] ?? ''),
  );
  return {
    ok: false,
    message:
      `No ${request.kind} named "${request.name}" in ${model.title}.` +
      (close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : ` It has ${candidates.length} ${request.kind}s; run without arguments to list them.`),
  };
}

/** The parts of one kind with the names they answer to (operationId first, then slug). */
function candidatesOf(model: ApiModel, kind: 'operation' | 'tag' | 'schema'): Array<{ names: string[]; value: Operation | Tag | SchemaPage }> {
  if (kind === 'operation') return model.operations.map((value) => ({ names: [value.operationId ?? value.slug, value.slug], value }));
  if (kind === 'tag') return model.tags.map((value) => ({ names: [value.name, value.slug], value }));
  return model.schemas.map((value) => ({ names: [value.name], value }));
}

/** Up to five names closest to the one asked for: same letters ignoring case first, then by edit distance. */
function closeMatches(name: string, names: string[]): string[] {
  const wanted = name.toLowerCase();
  return names
    .map((candidate) => {
      const lower = candidate.toLowerCase();
      const contains = lower.includes(wanted) || wanted.includes(lower);
      return { candidate, score: contains ? 0 : editDistance(wanted, lower) };
    })
    .filter(({ score }) => score <= Math.max(2, Math.floor(wanted.length / 3)))
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, 5)
    .map(({ candidate }) => candidate);
}

/** Levenshtein distance between two strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
