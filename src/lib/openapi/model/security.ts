import { arrayField, isObject, objectField, stringField, type JsonObject } from './guards.ts';
import { dereference } from './refs.ts';
import { PROVIDER_COOKIE, TOKEN_COOKIE } from '../../meshplay/session.ts';
import type { ModelContext } from './context.ts';
import type { Scheme, Security } from './types.ts';

/** Say whether an operation needs a session or token, and what the server does without one. */
export function describeSecurity(operation: JsonObject, context: ModelContext): Security {
  const { document } = context;
  const requirements = securityRequirements(operation, document);
  const optional = requirements.some((requirement) => Object.keys(requirement).length === 0);
  const alternatives = requirements
    .filter((requirement) => Object.keys(requirement).length > 0)
    .map((requirement) => Object.entries(requirement).map(([key, scopes]) => describeScheme(key, scopes, document)));
  const required = alternatives.length > 0 && !optional;
  const meshplay = context.auth.meshplay;
  if (alternatives.length === 0) {
    return { required: false, optional: false, alternatives, meshplay, summary: 'No token needed: this operation is public.', withoutIt: undefined };
  }
  if (meshplay && needsMeshplayCookies(alternatives)) {
    return {
      required,
      optional,
      alternatives,
      meshplay,
      summary: required
        ? `Needs a session: send the \`${PROVIDER_COOKIE}\` and \`${TOKEN_COOKIE}\` cookies (\`Cookie: ${PROVIDER_COOKIE}=Meshplay; ${TOKEN_COOKIE}=<your token>\`). With the local provider \`None\`, the \`${PROVIDER_COOKIE}=None\` cookie alone is enough.`
        : `A session is optional: send the \`${PROVIDER_COOKIE}\` and \`${TOKEN_COOKIE}\` cookies to act as a signed-in user.`,
      withoutIt: required
        ? 'Without a valid session the server does not answer 401. With no provider chosen it redirects (302) to `/provider?ref=…`. With a remote provider and an invalid or expired token it clears the `token` cookie and redirects (302) to `/auth/login` (or `/provider` when the provider came from a header or `?provider=`). With no token at all, a `GET` is redirected (302) to the remote provider\'s sign-in page and every other method gets `404` with an empty body. The local provider `None` needs no token.'
        : undefined,
    };
  }
  const ways = alternatives.map((schemes) => schemes.map((scheme) => scheme.label).join(' and '));
  return {
    required,
    optional,
    alternatives,
    meshplay,
    summary: `${required ? 'Needs authentication' : 'Authentication is optional'}: ${ways.join(', or ')}.`,
    withoutIt: required ? genericRefusal(operation) : undefined,
  };
}

/** The operation's security requirements, else the document's; each maps scheme names to scopes. */
function securityRequirements(operation: JsonObject, document: unknown): Array<Record<string, unknown>> {
  const own = arrayField(operation, 'security');
  const inherited = isObject(document) ? arrayField(document, 'security') : undefined;
  return (own ?? inherited ?? []).filter(isObject);
}

/** Whether one of the ways in is the pair of Meshplay cookies. */
function needsMeshplayCookies(alternatives: Scheme[][]): boolean {
  return alternatives.some((schemes) => schemes.some((scheme) => scheme.location === 'cookie' && (scheme.parameterName === TOKEN_COOKIE || scheme.parameterName === PROVIDER_COOKIE)));
}

/** A scheme of components.securitySchemes in words. */
export function describeScheme(key: string, scopes: unknown, document: unknown): Scheme {
  const schemes = isObject(document) ? objectField(objectField(document, 'components') ?? {}, 'securitySchemes') : undefined;
  const scheme = dereference(document, schemes?.[key]) ?? {};
  const type = stringField(scheme, 'type') ?? 'unknown';
  const location = type === 'apiKey' ? stringField(scheme, 'in') : undefined;
  const parameterName = type === 'apiKey' ? stringField(scheme, 'name') : undefined;
  const httpScheme = type === 'http' ? stringField(scheme, 'scheme')?.toLowerCase() : undefined;
  const scopeList = Array.isArray(scopes) ? scopes.filter((scope): scope is string => typeof scope === 'string') : [];
  return { key, type, location, parameterName, httpScheme, scopes: scopeList, label: schemeLabel(type, location, parameterName, httpScheme, scopeList, key) };
}

/** A short phrase for a scheme: "an API key in the `X-Key` header", "a bearer token"... */
function schemeLabel(type: string, location: string | undefined, name: string | undefined, httpScheme: string | undefined, scopes: string[], key: string): string {
  const withScopes = (text: string) => (scopes.length > 0 ? `${text} (scopes: ${scopes.map((scope) => `\`${scope}\``).join(', ')})` : text);
  switch (type) {
    case 'apiKey':
      if (location === 'cookie') return `the \`${name ?? key}\` cookie`;
      if (location === 'query') return `the \`${name ?? key}\` query parameter`;
      return `the \`${name ?? key}\` header`;
    case 'http':
      if (httpScheme === 'bearer') return 'a bearer token (`Authorization: Bearer <token>`)';
      if (httpScheme === 'basic') return 'HTTP basic authentication (`Authorization: Basic ...`)';
      return `HTTP \`${httpScheme ?? 'unknown'}\` authentication`;
    case 'oauth2':
      return withScopes('an OAuth 2.0 access token');
    case 'openIdConnect':
      return withScopes('an OpenID Connect token');
    case 'mutualTLS':
      return 'a TLS client certificate';
    default:
      return `the \`${key}\` scheme`;
  }
}

/** What a server that follows HTTP conventions does without credentials, pointing at the documented response. */
function genericRefusal(operation: JsonObject): string {
  const responses = objectField(operation, 'responses') ?? {};
  const documented = ['401', '403'].filter((status) => status in responses);
  if (documented.length > 0) {
    return `Without it the server refuses the request: see the ${documented.map((status) => `[${status} response](#response-${status})`).join(' and ')}.`;
  }
  return 'Without it the server refuses the request, usually with `401 Unauthorized` or `403 Forbidden`.';
}
