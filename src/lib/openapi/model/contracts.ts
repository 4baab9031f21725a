/**
 * The contract of every operation of a spec, for the contract check (src/lib/contract/): what
 * each operation documents as responses (status keys, media types, schemas, examples), its
 * parameters and request body, whether it needs a session and what a call changes
 * (`x-side-effects`). Schemas stay the spec's own objects; one validator per document resolves
 * their `#/components/schemas/...` references. No Node imports: the playground builds contracts
 * in the browser from the spec it already holds.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import type { JsonSchema, MediaContract, MediaExample, OperationContract, ParameterContract, ResponseContract } from '../../contract/contract.ts';
import { createSchemaValidator, type SchemaValidator } from '../../contract/schema-validator.ts';

type JsonObject = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const PARAMETER_LOCATIONS: readonly ParameterContract['in'][] = ['path', 'query', 'header', 'cookie'];

/** Every operation's contract, in spec order. */
export function listOperationContracts(document: OpenAPIV3_1.Document): OperationContract[] {
  const validator = createSchemaValidator(document);
  const contracts: OperationContract[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const pathItem = dereference(document, item);
    if (!pathItem) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (isObject(operation)) contracts.push(buildContract(document, validator, path, method, pathItem, operation));
    }
  }
  return contracts;
}

/** Every operation's contract, found by its operationId and by `METHOD /path` (`GET /api/user`). */
export function buildOperationContracts(document: OpenAPIV3_1.Document): Map<string, OperationContract> {
  const contracts = new Map<string, OperationContract>();
  for (const contract of listOperationContracts(document)) {
    contracts.set(contract.key, contract);
    if (contract.operationId !== undefined && !contracts.has(contract.operationId)) contracts.set(contract.operationId, contract);
  }
  return contracts;
}

/** The contract of one operation. */
function buildContract(
  document: OpenAPIV3_1.Document,
  validator: SchemaValidator,
  path: string,
  method: (typeof METHODS)[number],
  pathItem: JsonObject,
  operation: JsonObject,
): OperationContract {
  const requestBody = dereference(document, operation['requestBody']);
  const sideEffects = operation['x-side-effects'];
  return {
    key: `${method.toUpperCase()} ${path}`,
    operationId: stringField(operation, 'operationId'),
    method: method.toUpperCase(),
    path,
    responses: readResponses(document, operation['responses']),
    parameters: readParameters(document, pathItem['parameters'], operation['parameters']),
    requestBody: requestBody ? { required: requestBody['required'] === true, media: readMedia(document, requestBody['content']) } : undefined,
    sideEffects: typeof sideEffects === 'string' && sideEffects.trim() !== '' ? sideEffects.trim() : sideEffects === true ? 'x-side-effects: true' : undefined,
    secured: isSecured(operation['security'] ?? document.security),
    validator,
  };
}

/** The documented responses, range keys upper-cased (`2xx` is `2XX`). */
function readResponses(document: OpenAPIV3_1.Document, responses: unknown): ResponseContract[] {
  if (!isObject(responses)) return [];
  return Object.entries(responses).flatMap(([key, node]) => {
    const response = dereference(document, node);
    if (!response) return [];
    return [{ statusKey: /^[1-5]xx$/i.test(key) ? key.toUpperCase() : key, media: readMedia(document, response['content']) }];
  });
}

/** The media types of a `content` map. */
function readMedia(document: OpenAPIV3_1.Document, content: unknown): MediaContract[] {
  if (!isObject(content)) return [];
  return Object.entries(content).flatMap(([mediaType, node]) => {
    if (!isObject(node)) return [];
    return [{ mediaType, schema: asSchema(node['schema']), examples: readExamples(document, node) }];
  });
}

/** The examples of a media type or parameter: `examples` (refs followed, external ones left out), else `example`. */
function readExamples(document: OpenAPIV3_1.Document, node: JsonObject): MediaExample[] {
  const named = node['examples'];
  if (isObject(named) && Object.keys(named).length > 0) {
    return Object.entries(named).flatMap(([name, entry]) => {
      const example = dereference(document, entry);
      return example && 'value' in example ? [{ name, value: example['value'] }] : [];
    });
  }
  return 'example' in node ? [{ name: undefined, value: node['example'] }] : [];
}

/** Path-item parameters overridden by the operation's own (same name and location). */
function readParameters(document: OpenAPIV3_1.Document, shared: unknown, own: unknown): ParameterContract[] {
  const byKey = new Map<string, ParameterContract>();
  const nodes: unknown[] = [...(Array.isArray(shared) ? (shared as unknown[]) : []), ...(Array.isArray(own) ? (own as unknown[]) : [])];
  for (const node of nodes) {
    const parameter = readParameter(document, node);
    if (parameter) byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  return [...byKey.values()];
}

/** One parameter, or undefined when it is not a usable parameter object. */
function readParameter(document: OpenAPIV3_1.Document, node: unknown): ParameterContract | undefined {
  const parameter = dereference(document, node);
  const name = parameter ? stringField(parameter, 'name') : undefined;
  const location = parameter ? PARAMETER_LOCATIONS.find((candidate) => candidate === parameter['in']) : undefined;
  if (!parameter || name === undefined || location === undefined) return undefined;
  const schema = asSchema(parameter['schema']);
  const example = readExamples(document, parameter)[0] ?? schemaExample(document, schema);
  return {
    name,
    in: location,
    required: location === 'path' || parameter['required'] === true,
    example: example === undefined ? undefined : { value: example.value },
    schema,
  };
}

/** A schema's own example (`example`, else the first of `examples`), refs followed. */
function schemaExample(document: OpenAPIV3_1.Document, schema: JsonSchema | undefined): MediaExample | undefined {
  const resolved = dereference(document, schema);
  if (!resolved) return undefined;
  if ('example' in resolved) return { name: undefined, value: resolved['example'] };
  const examples = resolved['examples'];
  return Array.isArray(examples) && examples.length > 0 ? { name: undefined, value: examples[0] as unknown } : undefined;
}

/** Whether a security requirement list demands a session: non-empty, and no empty (anonymous) alternative. */
function isSecured(security: unknown): boolean {
  return Array.isArray(security) && security.length > 0 && security.every((requirement) => isObject(requirement) && Object.keys(requirement).length > 0);
}

/** A schema node as the contract keeps it (object or boolean), undefined for anything else. */
function asSchema(node: unknown): JsonSchema | undefined {
  return isObject(node) || typeof node === 'boolean' ? node : undefined;
}

/** Follow local `$ref`s (parameters, responses, examples, path items) to the object they end on. */
function dereference(document: OpenAPIV3_1.Document, node: unknown): JsonObject | undefined {
  const seen = new Set<string>();
  let current = node;
  while (isObject(current)) {
    const ref = stringField(current, '$ref');
    if (ref === undefined) return current;
    if (seen.has(ref) || !ref.startsWith('#')) return undefined;
    seen.add(ref);
    current = nodeAt(document, ref.slice(1));
  }
  return undefined;
}

/** The node at a JSON Pointer of the document. */
function nodeAt(document: unknown, pointer: string): unknown {
  let node = document;
  for (const segment of pointer.split('/').slice(1)) {
    const key = decodeSegment(segment);
    node = Array.isArray(node) ? node[Number(key)] : isObject(node) ? node[key] : undefined;
  }
  return node;
}

/** One pointer segment as a key: percent-decoded (URI fragment), then `~1` and `~0` undone. */
function decodeSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A stray "%" is part of the name.
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Whether a value is a JSON object (not null, not an array). */
function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field as a string, undefined when missing or of another type. */
function stringField(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
}
