import type { Oas3_1Definition, Oas3Definition } from '@redocly/openapi-core';

/** A bundled OpenAPI 3.0 or 3.1 document as the loader returns it. */
export type OpenApiDocument = Oas3Definition | Oas3_1Definition;
