declare module 'virtual:meshplay/openapi' {
  import type { OpenApiDocument } from './lib/openapi/types.ts';
  const document: OpenApiDocument;
  export default document;
}
