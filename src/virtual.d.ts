// Ambient module declarations cannot import relative paths, so these are typed at their one
// import sites: src/lib/site/site-model.ts and site-spec.ts.
declare module 'virtual:meshplay/openapi' {
  const document: unknown;
  export default document;
}

declare module 'virtual:meshplay/api-model' {
  const model: unknown;
  export default model;
}
