import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Swagger2Converter {
  convertObj(
    swagger: unknown,
    options: { patch: boolean; warnOnly: boolean; resolve: boolean; source: string },
  ): Promise<{ openapi: Record<string, unknown> }>;
}

/** Convert a Swagger 2.0 document to OpenAPI 3.0 with swagger2openapi, so that older specs build the same site. */
export async function convertSwagger2(document: unknown, sourcePath: string): Promise<Record<string, unknown>> {
  // swagger2openapi is CommonJS without types; require keeps it out of the browser bundle.
  const converter = require('swagger2openapi') as Swagger2Converter;
  const result = await converter.convertObj(document, {
    patch: true,
    warnOnly: true,
    resolve: true,
    source: sourcePath,
  });
  return result.openapi;
}
