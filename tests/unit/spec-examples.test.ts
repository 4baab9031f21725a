/**
 * Every example in the bundled spec fits its schema, checked by the contract check itself: the
 * response and request examples of each media type (`example` and every `examples` entry), as
 * the body a server would send; parameter examples; and the examples inside component schemas.
 * Redocly's lint checks media-type examples too, but not JSON sent as text/plain
 * (`contentMediaType` + `contentSchema`), which only the contract check reads.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenAPIV3_1 } from 'openapi-types';
import { checkResponse } from '../../src/lib/contract/check-response.ts';
import type { MediaContract, OperationContract, ResponseContract } from '../../src/lib/contract/contract.ts';
import { exampleBody } from '../../src/lib/contract/example-body.ts';
import { createSchemaValidator, type SchemaValidator } from '../../src/lib/contract/schema-validator.ts';
import { mediaTypeEssence } from '../../src/lib/contract/media-type.ts';
import { loadSpec } from '../../src/lib/openapi/load-spec.ts';
import { listOperationContracts } from '../../src/lib/openapi/model/contracts.ts';

type Node = Record<string, unknown>;

const SCHEMA_KEYWORDS = [
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'contentSchema',
  'unevaluatedProperties',
];
const SCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

let document: OpenAPIV3_1.Document;
let contracts: OperationContract[];
let validator: SchemaValidator;

beforeAll(async () => {
  const spec = await loadSpec({ root: process.cwd() });
  document = spec.document as unknown as OpenAPIV3_1.Document;
  contracts = listOperationContracts(document);
  validator = createSchemaValidator(document);
});

/** Whether a value is a JSON object. */
function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A status code that reaches a documented response: its own code, a code of its range no exact key takes, or one only `default` covers. */
function statusReaching(response: ResponseContract, all: readonly ResponseContract[]): number {
  if (/^\d{3}$/.test(response.statusKey)) return Number(response.statusKey);
  const taken = new Set(all.map((entry) => entry.statusKey.toUpperCase()));
  const candidates =
    response.statusKey === 'default'
      ? Array.from({ length: 500 }, (_, index) => 599 - index)
      : Array.from({ length: 100 }, (_, index) => Number(response.statusKey[0]) * 100 + index);
  const free = candidates.find(
    (code) => !taken.has(String(code)) && (response.statusKey !== 'default' || !taken.has(`${String(code)[0]}XX`)),
  );
  if (free === undefined) throw new Error(`no status code reaches ${response.statusKey}`);
  return free;
}

/** The Content-Type a server sends for a documented media type. */
function wireType(mediaType: string): string {
  return mediaType.includes('*') ? 'application/octet-stream' : mediaTypeEssence(mediaType);
}

/** Each example of a media type checked as the body of a response; a line per failure. */
function checkMediaExamples(contract: OperationContract, response: ResponseContract, media: MediaContract, label: string): string[] {
  const status = statusReaching(response, contract.responses);
  return media.examples.flatMap((example) => {
    const verdict = checkResponse(contract, {
      status,
      contentType: wireType(media.mediaType),
      body: exampleBody(media, example.value, contract.validator),
    });
    const where = `${label} ${media.mediaType}${example.name === undefined ? '' : ` (example ${example.name})`}`;
    return verdict.differences.map((difference) => `${where}: ${difference.pointer ?? ''} ${difference.message}`);
  });
}

/** Every `example` / `examples` inside a schema, with the schema node it belongs to. */
function schemaExamples(
  node: unknown,
  place: string,
  found: Array<{ place: string; schema: Node; value: unknown }>,
  seen = new Set<unknown>(),
): void {
  if (!isNode(node) || seen.has(node)) return;
  seen.add(node);
  if ('example' in node) found.push({ place: `${place} example`, schema: node, value: node['example'] });
  const examples = node['examples'];
  if (Array.isArray(examples))
    examples.forEach((value: unknown, index) => found.push({ place: `${place} examples[${index}]`, schema: node, value }));
  for (const keyword of SCHEMA_KEYWORDS) schemaExamples(node[keyword], `${place}/${keyword}`, found, seen);
  for (const keyword of SCHEMA_LIST_KEYWORDS) {
    const list = node[keyword];
    if (Array.isArray(list)) list.forEach((item: unknown, index) => schemaExamples(item, `${place}/${keyword}/${index}`, found, seen));
  }
  for (const keyword of SCHEMA_MAP_KEYWORDS) {
    const map = node[keyword];
    if (isNode(map)) for (const [name, item] of Object.entries(map)) schemaExamples(item, `${place}/${keyword}/${name}`, found, seen);
  }
}

/** The parameter objects of the document (path-item and operation level, refs followed once). */
function parameterObjects(): Array<{ place: string; parameter: Node }> {
  const components = isNode(document.components?.parameters) ? (document.components.parameters as Node) : {};
  const resolve = (node: unknown): Node | undefined => {
    if (!isNode(node)) return undefined;
    const ref = node['$ref'];
    if (typeof ref !== 'string') return node;
    const target = components[ref.replace('#/components/parameters/', '')];
    return isNode(target) ? target : undefined;
  };
  const found: Array<{ place: string; parameter: Node }> = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!isNode(item)) continue;
    const lists: Array<[string, unknown]> = [
      [path, item['parameters']],
      ...Object.entries(item)
        .filter(([, value]) => isNode(value))
        .map(([method, value]): [string, unknown] => [`${method.toUpperCase()} ${path}`, (value as Node)['parameters']]),
    ];
    for (const [place, list] of lists) {
      if (!Array.isArray(list)) continue;
      for (const node of list as unknown[]) {
        const parameter = resolve(node);
        if (parameter) found.push({ place: `${place} parameter ${String(parameter['name'])}`, parameter });
      }
    }
  }
  return found;
}

describe('the examples of the bundled spec', () => {
  it('every response example fits its status, media type and schema', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const contract of contracts) {
      for (const response of contract.responses) {
        for (const media of response.media) {
          checked += media.examples.length;
          failures.push(...checkMediaExamples(contract, response, media, `${contract.key} ${response.statusKey}`));
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  });

  it('every request-body example fits its media type and schema', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const contract of contracts) {
      for (const media of contract.requestBody?.media ?? []) {
        checked += media.examples.length;
        // A request body is checked as the body of a one-response contract: the same reading, the same validation.
        const asResponse: OperationContract = { ...contract, responses: [{ statusKey: '200', media: [media] }] };
        failures.push(...checkMediaExamples(asResponse, { statusKey: '200', media: [media] }, media, `${contract.key} request`));
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  });

  it('every parameter example fits the parameter schema', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const { place, parameter } of parameterObjects()) {
      const schema = parameter['schema'];
      if (!isNode(schema)) continue;
      const values: Array<[string, unknown]> = [];
      if ('example' in parameter) values.push(['example', parameter['example']]);
      const examples = parameter['examples'];
      if (isNode(examples))
        for (const [name, entry] of Object.entries(examples))
          if (isNode(entry) && 'value' in entry) values.push([`examples.${name}`, entry['value']]);
      for (const [name, value] of values) {
        checked += 1;
        for (const problem of validator.validate(schema, value)) failures.push(`${place} ${name}: ${problem.pointer} ${problem.message}`);
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  });

  it('every example inside a schema (components, media types, parameters) fits the schema it sits in', () => {
    const found: Array<{ place: string; schema: Node; value: unknown }> = [];
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {}))
      schemaExamples(schema, `#/components/schemas/${name}`, found);
    for (const contract of contracts) {
      const media = [...contract.responses.flatMap((response) => response.media), ...(contract.requestBody?.media ?? [])];
      for (const entry of media) schemaExamples(entry.schema, `${contract.key} ${entry.mediaType} schema`, found);
      for (const parameter of contract.parameters)
        schemaExamples(parameter.schema, `${contract.key} parameter ${parameter.name} schema`, found);
    }
    // The spec keeps its examples on media types today, so this list may be empty; any schema example added later is checked.
    const failures = found.flatMap(({ place, schema, value }) =>
      validator.validate(schema, value).map((problem) => `${place}: ${problem.pointer} ${problem.message}`),
    );
    expect(failures).toEqual([]);
  });
});
