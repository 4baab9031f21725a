// swagger-ui-dist ships no types; this declares the part of its ES bundle the playground uses.
declare module 'swagger-ui-dist/swagger-ui-es-bundle.js' {
  export interface SwaggerRequest {
    url: string;
    method: string;
    headers: Record<string, string>;
    body?: unknown;
    loadSpec?: boolean;
  }
  export interface SwaggerResponse {
    url: string;
    status: number;
    headers: Record<string, string>;
    text?: string;
  }
  export interface SwaggerUiSystem {
    specActions: {
      updateJsonSpec(spec: unknown): void;
      updateSpec(text: string): void;
      updateUrl(url: string): void;
      updateLoadingStatus(status: string): void;
    };
    authActions: { logout(names: string[]): void };
    layoutActions: { parseDeepLinkHash(hash: string): void; show(key: string[], shown: boolean): void };
    preauthorizeApiKey(name: string, value: string): void;
  }
  export interface ImmutableLike {
    get(key: string): unknown;
    toJS?(): unknown;
  }
  export interface SwaggerUiOptions {
    domNode: HTMLElement;
    spec?: unknown;
    layout?: string;
    deepLinking?: boolean;
    queryConfigEnabled?: boolean;
    validatorUrl?: string | null;
    tryItOutEnabled?: boolean;
    displayRequestDuration?: boolean;
    persistAuthorization?: boolean;
    defaultModelsExpandDepth?: number;
    docExpansion?: 'list' | 'full' | 'none';
    filter?: boolean | string;
    requestSnippetsEnabled?: boolean;
    requestSnippets?: unknown;
    syntaxHighlight?: unknown;
    requestInterceptor?: (request: SwaggerRequest) => SwaggerRequest;
    plugins?: unknown[];
    presets?: unknown[];
    onComplete?: () => void;
  }
  interface SwaggerUIBundleStatic {
    (options: SwaggerUiOptions): SwaggerUiSystem;
    presets: { apis: unknown };
  }
  const SwaggerUIBundle: SwaggerUIBundleStatic;
  export default SwaggerUIBundle;
}

declare module '*.css?url' {
  const url: string;
  export default url;
}
