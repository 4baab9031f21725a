import { describe, expect, it } from 'vitest';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { OperationContract } from '../../src/lib/contract/contract.ts';
import { planSafeCall } from '../../src/lib/contract/safe-call.ts';
import { buildOperationContracts, listOperationContracts } from '../../src/lib/openapi/model/contracts.ts';

const DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'Contracts', version: '1' },
  security: [{ tokenCookie: [], providerCookie: [] }],
  paths: {
    '/api/things/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { $ref: '#/components/parameters/Page' }],
      get: {
        operationId: 'getThing',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: { type: 'string', format: 'uuid' },
            example: '0b7f3c1e-2d4a-4c8e-9f10-1a2b3c4d5e6f',
          },
        ],
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: { type: 'object' },
                examples: { one: { $ref: '#/components/examples/Thing' }, outside: { externalValue: 'thing.json' } },
              },
            },
          },
          '4xx': { $ref: '#/components/responses/Error' },
        },
      },
      delete: { operationId: 'deleteThing', responses: { '204': { description: 'gone' } } },
    },
    '/api/things': {
      get: {
        operationId: 'listThings',
        security: [],
        parameters: [
          { name: 'kind', in: 'query', required: true, schema: { type: 'array', items: { type: 'string' }, example: ['a', 'b'] } },
          { name: 'search', in: 'query', schema: { type: 'string' }, example: 'never sent: not required' },
        ],
        responses: { '200': { description: 'ok' } },
      },
    },
    '/api/things/{id}/events': {
      get: {
        operationId: 'streamThingEvents',
        responses: { '200': { description: 'stream', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
      },
    },
    '/api/things/sync': {
      get: {
        operationId: 'syncThings',
        'x-side-effects': 'Starts a sync with the cluster.',
        security: [{}, { tokenCookie: [] }],
        responses: { '200': { description: 'ok' } },
      },
    },
    '/api/things/{thingId}/owner': {
      get: {
        operationId: 'getThingOwner',
        parameters: [{ name: 'thingId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'ok' } },
      },
    },
  },
  components: {
    parameters: { Page: { name: 'page', in: 'query', required: true, schema: { type: 'integer', example: 2 } } },
    examples: { Thing: { value: { id: 1 } } },
    responses: { Error: { description: 'bad', content: { 'text/plain': { schema: { type: 'string' } } } } },
  },
} as unknown as OpenAPIV3_1.Document;

/** The contract of a fixture operation. */
function contract(key: string): OperationContract {
  const found = buildOperationContracts(DOCUMENT).get(key);
  if (!found) throw new Error(`no contract ${key}`);
  return found;
}

describe('buildOperationContracts', () => {
  it('finds each operation by operationId and by METHOD /path', () => {
    const contracts = buildOperationContracts(DOCUMENT);
    expect(contracts.get('getThing')).toBe(contracts.get('GET /api/things/{id}'));
    expect(contracts.get('deleteThing')?.key).toBe('DELETE /api/things/{id}');
    expect(listOperationContracts(DOCUMENT).map((entry) => entry.key)).toEqual([
      'GET /api/things/{id}',
      'DELETE /api/things/{id}',
      'GET /api/things',
      'GET /api/things/{id}/events',
      'GET /api/things/sync',
      'GET /api/things/{thingId}/owner',
    ]);
  });

  it('reads responses: $refs followed, ranges upper-cased, examples resolved and external ones left out', () => {
    const thing = contract('getThing');
    expect(thing.responses.map((response) => response.statusKey)).toEqual(['200', '4XX']);
    expect(thing.responses[0]?.media[0]?.examples).toEqual([{ name: 'one', value: { id: 1 } }]);
    expect(thing.responses[1]?.media.map((media) => media.mediaType)).toEqual(['text/plain']);
  });

  it('merges path-item parameters with the operation’s own, which win', () => {
    const thing = contract('getThing');
    expect(thing.parameters.map((parameter) => [parameter.in, parameter.name, parameter.example?.value])).toEqual([
      ['path', 'id', '0b7f3c1e-2d4a-4c8e-9f10-1a2b3c4d5e6f'],
      ['query', 'page', 2],
    ]);
  });

  it('says which operations need a session and what a call changes', () => {
    expect(contract('getThing').secured).toBe(true);
    expect(contract('listThings').secured).toBe(false);
    expect(contract('syncThings')).toMatchObject({ secured: false, sideEffects: 'Starts a sync with the cluster.' });
  });
});

describe('planSafeCall', () => {
  it('calls a GET with its path and required query parameters from their examples', () => {
    expect(planSafeCall(contract('getThing'))).toEqual({
      call: true,
      request: { path: '/api/things/0b7f3c1e-2d4a-4c8e-9f10-1a2b3c4d5e6f', query: [['page', '2']], headers: [] },
    });
    expect(planSafeCall(contract('listThings'))).toEqual({
      call: true,
      request: {
        path: '/api/things',
        query: [
          ['kind', 'a'],
          ['kind', 'b'],
        ],
        headers: [],
      },
    });
  });

  it('never calls a write, an operation with side effects or an event stream', () => {
    expect(planSafeCall(contract('deleteThing'))).toEqual({ call: false, reason: 'DELETE writes: a checker calls only GET' });
    expect(planSafeCall(contract('syncThings'))).toEqual({ call: false, reason: 'it has side effects (Starts a sync with the cluster.)' });
    expect(planSafeCall(contract('streamThingEvents'))).toEqual({
      call: false,
      reason: 'it streams text/event-stream, which does not end',
    });
  });

  it('does not call an operation whose required path parameter has no example, and names it', () => {
    expect(planSafeCall(contract('getThingOwner'))).toEqual({ call: false, reason: 'needs {thingId}' });
  });
});
