// Written by src/integrations/swagger-ui-chunk.ts: the built URL of Swagger UI's chunk, undefined outside a client build.
declare module 'virtual:meshplay/swagger-ui-chunk' {
  export const swaggerUiChunkUrl: string | undefined;
}
