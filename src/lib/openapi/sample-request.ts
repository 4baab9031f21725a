import { isObject, objectField, stringField } from './object-guards.ts';
import { dereference } from './refs.ts';
import { PROVIDER_COOKIE, REMOTE_PROVIDER, TOKEN_COOKIE } from '../meshplay/session.ts';
import { usesMeshplayAuth } from './meshplay-auth.ts';
import type { OperationEntry } from './operations.ts';
import { getParameters } from './parameters.ts';
import { getRequestBody } from './request-body.ts';
import { describeSecurity, type SchemeView } from './security.ts';
import { defaultServerUrl } from './servers.ts';
import { formatExample, sampleSchema } from './examples.ts';
import type { MediaTypeView } from './media-types.ts';
import { mergeAllOf } from './schema-merge.ts';

/**
 * Stands for the credential in generated code: plain letters survive every snippet
 * generator's quoting and URL encoding, so each language's post-processing can find it
 * and put its own way of reading the environment variable there.
 */
export const TOKEN_PLACEHOLDER = 'SAMPLETOKENPLACEHOLDER';

export interface NameValue {
  name: string;
  value: string;
}

/** A HAR request, the input of the snippet generator. */
export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  headers: NameValue[];
  cookies: NameValue[];
  queryString: NameValue[];
  postData: { mimeType: string; text?: string; params?: Array<{ name: string; value?: string; fileName?: string; contentType?: string }> };
  headersSize: number;
  bodySize: number;
}

/** The example request of an operation, as HAR, and whether it carries the credential placeholder. */
export interface SampleRequest {
  har: HarRequest;
  usesToken: boolean;
}

/** Build the request the code samples make: default server, example values, the body's first example, and the credential when one is needed. */
export function buildSampleRequest(entry: OperationEntry, document: unknown): SampleRequest {
  const parameters = getParameters(entry.pathItem, entry.operation, document);
  const headers: NameValue[] = [];
  const cookies: NameValue[] = [];
  const queryString: NameValue[] = [];
  let path = entry.path;
  for (const parameter of parameters) {
    if (parameter.location === 'path') {
      // Without an example, keep "{name}" so the reader sees what to fill in.
      if (parameter.example !== undefined) path = path.split(`{${parameter.name}}`).join(encodeURIComponent(scalarText(parameter.example.value)));
      continue;
    }
    if (!parameter.required) continue;
    const value = scalarText(parameter.example?.value ?? sampleSchema(parameter.schema, document, 'request') ?? parameter.name);
    if (parameter.location === 'query') {
      // Arrays go as repeated parameters (style form, explode: the default for query).
      const raw = parameter.example?.value;
      if (Array.isArray(raw)) queryString.push(...raw.map((item) => ({ name: parameter.name, value: scalarText(item) })));
      else queryString.push({ name: parameter.name, value });
    }
    else if (parameter.location === 'cookie') cookies.push({ name: parameter.name, value });
    else if (!/^(accept|content-type|authorization)$/i.test(parameter.name)) headers.push({ name: parameter.name, value });
  }

  const security = describeSecurity(entry.operation, document);
  let usesToken = false;
  if (security.required) {
    const chosen = security.alternatives.find((schemes) => schemes.every(isSampleable)) ?? [];
    const meshplay = usesMeshplayAuth(document);
    for (const scheme of chosen) {
      const credential = addCredential(scheme, meshplay, { headers, cookies, queryString });
      usesToken ||= credential;
    }
  }

  const postData = buildPostData(entry, document, headers);
  return {
    har: {
      method: entry.method.toUpperCase(),
      url: `${defaultServerUrl(document, entry.pathItem, entry.operation)}${path}`,
      httpVersion: 'HTTP/1.1',
      headers,
      cookies,
      queryString,
      postData,
      headersSize: -1,
      bodySize: -1,
    },
    usesToken,
  };
}

/** Whether the samples know how to send a scheme's credential. */
function isSampleable(scheme: SchemeView): boolean {
  return scheme.type === 'apiKey' || scheme.type === 'oauth2' || scheme.type === 'openIdConnect' || (scheme.type === 'http' && (scheme.httpScheme === 'bearer' || scheme.httpScheme === 'basic'));
}

/** Put one scheme's credential into the request; true when it is the token placeholder (not a fixed value). */
function addCredential(scheme: SchemeView, meshplay: boolean, into: { headers: NameValue[]; cookies: NameValue[]; queryString: NameValue[] }): boolean {
  if (scheme.type === 'apiKey') {
    const name = scheme.parameterName ?? scheme.key;
    // Meshplay reads the provider from its own cookie: the samples sign in with the remote provider.
    const isProvider = meshplay && scheme.location === 'cookie' && name === PROVIDER_COOKIE;
    const value = isProvider ? REMOTE_PROVIDER : TOKEN_PLACEHOLDER;
    const list = scheme.location === 'cookie' ? into.cookies : scheme.location === 'query' ? into.queryString : into.headers;
    if (!list.some((item) => item.name === name)) list.push({ name, value });
    // Meshplay's cookies go provider first, as the guides write them.
    if (meshplay && scheme.location === 'cookie') into.cookies.sort((a, b) => cookieRank(a.name) - cookieRank(b.name));
    return !isProvider;
  }
  const prefix = scheme.type === 'http' && scheme.httpScheme === 'basic' ? 'Basic' : 'Bearer';
  if (!into.headers.some((item) => item.name.toLowerCase() === 'authorization')) into.headers.push({ name: 'Authorization', value: `${prefix} ${TOKEN_PLACEHOLDER}` });
  return true;
}

/** The order of Meshplay's cookies in samples: provider, then token, then the rest. */
function cookieRank(name: string): number {
  return name === PROVIDER_COOKIE ? 0 : name === TOKEN_COOKIE ? 1 : 2;
}

/** The body of the sample request: the first media type's first example, in that media type's form. */
function buildPostData(entry: OperationEntry, document: unknown, headers: NameValue[]): HarRequest['postData'] {
  const body = getRequestBody(entry.operation, document);
  const media = body?.contents[0];
  if (!media) return { mimeType: '' };
  const value = sampleBodyValue(media, document);
  const mimeType = media.mediaType.includes('*') ? 'application/json' : media.mediaType;
  if (/^multipart\/form-data/i.test(mimeType)) {
    // The client sets the multipart Content-Type itself, with the boundary.
    return { mimeType, params: formParams(value, media.schema, document, true) };
  }
  headers.push({ name: 'Content-Type', value: mimeType });
  if (/^application\/x-www-form-urlencoded/i.test(mimeType)) return { mimeType, params: formParams(value, media.schema, document, false) };
  if (value === undefined) return { mimeType };
  const text = /json/i.test(mimeType) ? JSON.stringify(value) : formatExample(value, mimeType).code;
  return { mimeType, text };
}

/** Past this length (as compact JSON) a spec example gives way to the smallest valid body in code samples. */
const MAX_SAMPLE_BODY_CHARACTERS = 1500;

/**
 * The body a code sample sends: the spec's own example (unless it is long), else the smallest
 * valid body (required fields only), else, when that is empty, a sample of every field. The
 * request body section of the page shows the full example.
 */
function sampleBodyValue(media: MediaTypeView, document: unknown): unknown {
  const example = media.examples.find((candidate) => candidate.externalValue === undefined && !candidate.sampled);
  const minimal = sampleSchema(media.schema, document, 'request', { requiredOnly: true });
  if (example) {
    // A long example would be repeated in four samples: the smallest valid body says as much.
    const long = (JSON.stringify(example.value) ?? '').length > MAX_SAMPLE_BODY_CHARACTERS;
    return long && !isEmpty(minimal) && (JSON.stringify(minimal) ?? '').length < (JSON.stringify(example.value) ?? '').length ? minimal : example.value;
  }
  if (!isEmpty(minimal)) return minimal;
  return sampleSchema(media.schema, document, 'request');
}

/** Whether a sampled value carries nothing: undefined, an empty object or array. */
function isEmpty(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isObject(value) && Object.keys(value).length === 0;
}

/** The fields of a form body: each field of the example; binary ones as files to upload. */
function formParams(value: unknown, schema: unknown, document: unknown, allowFiles: boolean): NonNullable<HarRequest['postData']['params']> {
  const resolved = dereference(document, schema);
  const properties = resolved ? (objectField(mergeAllOf(resolved, document).schema, 'properties') ?? {}) : {};
  const fields = isObject(value) ? value : {};
  const isFile = (name: string) => {
    const property = dereference(document, properties[name]);
    return allowFiles && property !== undefined && (stringField(property, 'format') === 'binary' || 'contentMediaType' in property);
  };
  // The example's fields, plus the files to upload, which examples cannot hold.
  const named = Object.keys(fields).length > 0 ? Object.keys(fields) : Object.keys(properties);
  const names = [...new Set([...named, ...Object.keys(properties).filter(isFile)])];
  return names.map((name) => (isFile(name) ? { name, fileName: `path/to/${name}` } : { name, value: scalarText(fields[name] ?? '') }));
}

/** A value as it goes in a URL, header or form field: strings as they are, the rest as JSON. */
function scalarText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? '';
}
