/**
 * What an operation documents, as the contract check reads it: its responses by status key,
 * each with its media types and their schemas, plus what a caller needs to decide whether and
 * how to call it (parameters, side effects, whether it needs a session). Built from a spec by
 * `buildOperationContracts` (src/lib/openapi/model/contracts.ts) or by hand in tests.
 */
import type { SchemaValidator } from './schema-validator.ts';

/** A JSON Schema as the spec holds it: an object (possibly a `$ref`) or a boolean schema. */
export type JsonSchema = Readonly<Record<string, unknown>> | boolean;

/** One media type of a response or request body. */
export interface MediaContract {
  /** The media type as the spec writes it (`application/json`, `text/plain`, `*\/*`). */
  mediaType: string;
  /** Its schema, undefined when the spec gives none (then any body of this type fits). */
  schema: JsonSchema | undefined;
  /** Its examples in spec order: `examples` (values, `$ref`s followed), else `example`. */
  examples: MediaExample[];
}

/** One example of a media type, with the name the spec gives it. */
export interface MediaExample {
  name: string | undefined;
  value: unknown;
}

/** One documented response: `200`, a range such as `2XX`, or `default`. */
export interface ResponseContract {
  /** The key of the responses map, upper-cased for ranges (`200`, `2XX`, `default`). */
  statusKey: string;
  /** Its media types; empty when the spec documents no body. */
  media: MediaContract[];
}

/** One parameter, as far as a caller needs it. */
export interface ParameterContract {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** The parameter's example (its `example`, first of `examples`, or its schema's), when the spec has one. */
  example: { value: unknown } | undefined;
  schema: JsonSchema | undefined;
}

/** Everything the contract check knows about one operation. */
export interface OperationContract {
  /** `GET /api/user`: the method upper-cased, a space, the path as the spec writes it. */
  key: string;
  operationId: string | undefined;
  /** Upper case: `GET`, `POST`... */
  method: string;
  path: string;
  responses: ResponseContract[];
  parameters: ParameterContract[];
  requestBody: { required: boolean; media: MediaContract[] } | undefined;
  /** What a call changes, from `x-side-effects`; undefined for an operation that only reads. */
  sideEffects: string | undefined;
  /** Whether the operation needs a session (a non-empty security requirement). */
  secured: boolean;
  /** Validates bodies against this operation's schemas, `$ref`s resolved within its document. */
  validator: SchemaValidator;
}
