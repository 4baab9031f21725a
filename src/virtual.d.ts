declare module 'virtual:meshplay/openapi' {
  import type { OpenApiDocument } from './lib/openapi/types.ts';
  const document: OpenApiDocument;
  export default document;
}

declare module 'virtual:meshplay/api-model' {
  import type { ApiModel } from './lib/openapi/model/types.ts';
  const model: ApiModel;
  export default model;
}
