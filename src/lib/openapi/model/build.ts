import { buildAuthProfile } from './auth.ts';
import { isObject, objectField, stringField } from './guards.ts';
import type { ModelContext } from './context.ts';
import { buildOperations } from './operations.ts';
import { createPartsCache } from './parts-cache.ts';
import { describeTagPage } from './page-meta.ts';
import type { Route } from './routes.ts';
import { createSampler } from './sampler.ts';
import { buildSchemaPages } from './schema-pages.ts';
import { listServers } from './servers.ts';
import type { ApiModel, Tag } from './types.ts';

/**
 * Read a bundled OpenAPI document once into the model every page renders. This (with the
 * builders it calls, all in this folder) is the only code that reads the raw spec.
 */
export function buildApiModel(document: object): ApiModel {
  if (!isObject(document)) throw new Error('buildApiModel needs the bundled OpenAPI document (an object); load it with loadSpec first.');
  const context: ModelContext = { document, sample: createSampler(document), auth: buildAuthProfile(document), parts: createPartsCache() };
  const index = buildOperations(context);
  const declared = new Map<string, string | undefined>();
  for (const tag of Array.isArray(document['tags']) ? (document['tags'] as unknown[]) : []) {
    if (isObject(tag) && typeof tag['name'] === 'string') declared.set(tag['name'], stringField(tag, 'description'));
  }
  const tags = index.tagNames.map((name): Tag => {
    const slug = index.slugOfTag.get(name) ?? name;
    const operations = index.operations.filter((operation) => operation.tags.includes(name));
    const description = declared.get(name);
    return { name, slug, description, route: { kind: 'tag', tagSlug: slug }, operations, pageDescription: describeTagPage(name, description, operations.length) };
  });
  const schemas = buildSchemaPages(context, index.operations, index.raw);
  const routes: Route[] = [
    { kind: 'overview' },
    { kind: 'playground' },
    ...tags.map((tag) => tag.route),
    ...index.operations.map((operation) => operation.route),
    { kind: 'schemas' },
    ...schemas.map((schema) => schema.route),
  ];
  return {
    title: stringField(objectField(document, 'info') ?? {}, 'title') ?? 'API',
    servers: listServers(document),
    auth: context.auth,
    tags,
    operations: index.operations,
    schemas,
    routes,
  };
}
