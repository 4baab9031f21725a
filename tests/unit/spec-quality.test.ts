import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../../src/lib/openapi/types.ts';
import { meshplaySpec } from '../support/meshplay-spec.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface Response {
  description?: string;
  content?: Record<string, { schema?: unknown; example?: unknown; examples?: unknown }>;
}
interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  security?: unknown[];
  responses?: Record<string, Response>;
}

/** Every operation with its method and path. */
function operationsOf(document: OpenApiDocument): Array<{ key: string; operation: Operation }> {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => (item as Record<string, unknown> | undefined)?.[method]).map((method) => ({
      key: `${method.toUpperCase()} ${path}`,
      operation: (item as Record<string, unknown> | undefined)?.[method] as Operation,
    })),
  );
}

/** Why an operation may lack a success response with a schema, or undefined when it has one or has no reason. */
function successOrReason(operation: Operation): string | undefined {
  const responses = Object.entries(operation.responses ?? {});
  const success = responses.filter(([status]) => status.startsWith('2'));
  if (success.some(([, response]) => Object.values(response.content ?? {}).some((media) => media.schema !== undefined))) return 'schema';
  if (success.some(([status, response]) => status === '204' || /empty|no body|nothing/i.test(response.description ?? '')))
    return 'no content';
  if (success.length === 0 && responses.some(([status]) => status.startsWith('3'))) return 'redirect';
  if (success.length === 0 && operation.deprecated && responses.some(([status]) => status === '410')) return 'retired';
  return undefined;
}

describe('spec quality', () => {
  let document: OpenApiDocument;
  beforeAll(async () => {
    document = (await meshplaySpec()).document;
  });

  it('gives every operation a summary, a camelCase operationId, one declared tag and a description', () => {
    const declared = new Set((document.tags ?? []).map((tag) => tag.name));
    const problems = operationsOf(document).flatMap(({ key, operation }) => [
      ...(operation.summary?.trim() ? [] : [`${key}: no summary`]),
      ...(/^[a-z][A-Za-z0-9]+$/.test(operation.operationId ?? '')
        ? []
        : [`${key}: operationId "${operation.operationId}" is not camelCase`]),
      ...(operation.tags?.length === 1 && declared.has(operation.tags[0] ?? '') ? [] : [`${key}: tags ${JSON.stringify(operation.tags)}`]),
      ...((operation.description?.trim().length ?? 0) > 30 ? [] : [`${key}: description too short`]),
      ...(/TODO|x-todo/.test(JSON.stringify(operation)) ? [`${key}: TODO left`] : []),
    ]);
    expect(problems).toEqual([]);
  });

  it('groups operations under about twenty described tags', () => {
    const tags = document.tags ?? [];
    expect(tags.length).toBeGreaterThanOrEqual(18);
    expect(tags.length).toBeLessThanOrEqual(24);
    expect(tags.filter((tag) => (tag.description ?? '').length < 20).map((tag) => tag.name)).toEqual([]);
  });

  it('gives every operation a success response with a schema, or a stated reason', () => {
    const without = operationsOf(document)
      .filter(({ operation }) => successOrReason(operation) === undefined)
      .map(({ key }) => key);
    expect(without).toEqual([]);
  });

  it('documents the authentication redirect on every session route, and PROVIDER on every public one', () => {
    const problems = operationsOf(document).flatMap(({ key, operation }) => {
      const secured = (operation.security ?? document.security ?? []).length > 0;
      if (secured) return operation.responses?.['302'] ? [] : [`${key}: no 302`];
      return /PROVIDER/.test(operation.description ?? '') ? [] : [`${key}: public but says nothing of PROVIDER`];
    });
    expect(problems).toEqual([]);
  });

  it('marks the streams as text/event-stream and the retired routes as deprecated with 410', () => {
    const byKey = new Map(operationsOf(document).map(({ key, operation }) => [key, operation]));
    for (const key of [
      'GET /api/events',
      'GET /api/perf/profile',
      'POST /api/perf/profile',
      'GET /api/user/performance/profiles/{id}/run',
    ]) {
      expect(Object.keys(byKey.get(key)?.responses?.['200']?.content ?? {}), key).toContain('text/event-stream');
    }
    for (const key of ['DELETE /api/telemetry/metrics/grafana/config', 'DELETE /api/telemetry/metrics/config']) {
      expect(byKey.get(key)?.deprecated, key).toBe(true);
      expect(byKey.get(key)?.responses?.['410'], key).toBeDefined();
    }
  });

  it('has examples for the main resources', () => {
    const byKey = new Map(operationsOf(document).map(({ key, operation }) => [key, operation]));
    const hasExample = (operation: Operation | undefined) =>
      Object.values(operation?.responses?.['200']?.content ?? operation?.responses?.['201']?.content ?? {}).some(
        (media) => media.example !== undefined || media.examples !== undefined,
      );
    const main = [
      'GET /api/pattern',
      'GET /api/filter',
      'GET /api/integrations/connections',
      'GET /api/environments',
      'GET /api/workspaces',
      'GET /api/v2/events',
      'GET /api/meshmodels/models',
      'GET /api/meshmodels/components',
      'GET /api/user',
      'GET /api/system/version',
    ];
    expect(main.filter((key) => !hasExample(byKey.get(key)))).toEqual([]);
  });

  it('serves from http://localhost:9081 with variables for scheme, host and port', () => {
    const server = document.servers?.[0];
    expect(server?.url).toBe('{scheme}://{host}:{port}');
    expect(server?.variables?.['scheme']?.default).toBe('http');
    expect(server?.variables?.['host']?.default).toBe('localhost');
    expect(server?.variables?.['port']?.default).toBe('9081');
  });
});
