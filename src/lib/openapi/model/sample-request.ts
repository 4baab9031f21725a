import { PROVIDER_COOKIE, REMOTE_PROVIDER, TOKEN_COOKIE } from '../../meshplay/session.ts';
import { formatExample, isJsonObject } from './examples.ts';
import type { AuthProfile, HttpMethod, JsonValue, Parameter, RequestBody, SampleFile, Scheme, Security } from './types.ts';

/**
 * Stands for the credential in generated code: plain letters survive every snippet
 * generator's quoting and URL encoding, so each language's post-processing can find it
 * and put its own way of reading the environment variable there.
 */
export const TOKEN_PLACEHOLDER = 'SAMPLETOKENPLACEHOLDER';

/**
 * Stands for the upload's file (`x-sample-file`) in generated code, for the same reason: each
 * language's post-processing puts its own way of reading that file there.
 */
export const FILE_PLACEHOLDER = 'SAMPLEFILEPLACEHOLDER';

interface NameValue {
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

/** The example request of an operation, as HAR, whether it carries the credential placeholder, and the file it uploads. */
export interface SampleRequest {
  har: HarRequest;
  usesToken: boolean;
  /** The file that FILE_PLACEHOLDER stands for in the HAR, when the operation uploads one. */
  file: SampleFile | undefined;
}

/** What an operation's sample request is made of: the operation's own, already built parts. */
export interface SampleRequestInput {
  method: HttpMethod;
  path: string;
  serverUrl: string;
  parameters: Parameter[];
  security: Security;
  requestBody: RequestBody | undefined;
  auth: AuthProfile;
}

/** Build the request the code samples make: default server, example values, the body's sample, and the credential when one is needed. */
export function buildSampleRequest(input: SampleRequestInput): SampleRequest {
  const headers: NameValue[] = [];
  const cookies: NameValue[] = [];
  const queryString: NameValue[] = [];
  let path = input.path;
  for (const parameter of input.parameters) {
    if (parameter.location === 'path') {
      // Without an example, keep "{name}" so the reader sees what to fill in.
      if (parameter.example !== undefined) path = path.split(`{${parameter.name}}`).join(encodeURIComponent(scalarText(parameter.example.value)));
      continue;
    }
    if (!parameter.required) continue;
    const value = scalarText(parameter.sampleValue);
    if (parameter.location === 'query') {
      // Arrays go as repeated parameters (style form, explode: the default for query).
      const raw = parameter.example?.value;
      if (Array.isArray(raw)) queryString.push(...raw.map((item) => ({ name: parameter.name, value: scalarText(item) })));
      else queryString.push({ name: parameter.name, value });
    } else if (parameter.location === 'cookie') cookies.push({ name: parameter.name, value });
    else if (!/^(accept|content-type|authorization)$/i.test(parameter.name)) headers.push({ name: parameter.name, value });
  }

  let usesToken = false;
  if (input.security.required) {
    const chosen = input.security.alternatives.find((schemes) => schemes.every(isSampleable)) ?? [];
    for (const scheme of chosen) {
      const credential = addCredential(scheme, input.auth.meshplay, { headers, cookies, queryString });
      usesToken ||= credential;
    }
  }

  const postData = buildPostData(input.requestBody, headers);
  return {
    har: {
      method: input.method.toUpperCase(),
      url: `${input.serverUrl}${path}`,
      httpVersion: 'HTTP/1.1',
      headers,
      cookies,
      queryString,
      postData,
      headersSize: -1,
      bodySize: -1,
    },
    usesToken,
    file: input.requestBody?.sampleFile,
  };
}

/** Whether the samples know how to send a scheme's credential. */
function isSampleable(scheme: Scheme): boolean {
  return (
    scheme.type === 'apiKey' ||
    scheme.type === 'oauth2' ||
    scheme.type === 'openIdConnect' ||
    (scheme.type === 'http' && (scheme.httpScheme === 'bearer' || scheme.httpScheme === 'basic'))
  );
}

/** Put one scheme's credential into the request; true when it is the token placeholder (not a fixed value). */
function addCredential(scheme: Scheme, meshplay: boolean, into: { headers: NameValue[]; cookies: NameValue[]; queryString: NameValue[] }): boolean {
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

/** The body of the sample request: the first media type's sample value, in that media type's form, with the upload's file placeholder. */
function buildPostData(body: RequestBody | undefined, headers: NameValue[]): HarRequest['postData'] {
  const media = body?.contents[0];
  if (!body || !media) return { mimeType: '' };
  const file = body.sampleFile?.target;
  const value = file?.kind === 'base64-field' ? withValueAt(body.sampleValue, file.path, FILE_PLACEHOLDER) : body.sampleValue;
  const mimeType = media.mediaType.includes('*') ? 'application/json' : media.mediaType;
  if (/^multipart\/form-data/i.test(mimeType)) {
    // The client sets the multipart Content-Type itself, with the boundary.
    return { mimeType, params: formParams(value, body, true) };
  }
  headers.push({ name: 'Content-Type', value: mimeType });
  if (/^application\/x-www-form-urlencoded/i.test(mimeType)) return { mimeType, params: formParams(value, body, false) };
  if (file?.kind === 'body') return { mimeType, text: FILE_PLACEHOLDER };
  if (value === undefined) return { mimeType };
  const text = /json/i.test(mimeType) ? JSON.stringify(value) : formatExample(value, mimeType).code;
  return { mimeType, text };
}

/**
 * The fields of a form body: each field of the example; binary ones as files to upload. With
 * the spec's sample file, the example's fields (or the required ones) and that file only;
 * without, every field when there is no example, and placeholder paths for the files.
 */
function formParams(value: JsonValue | undefined, body: RequestBody, allowFiles: boolean): NonNullable<HarRequest['postData']['params']> {
  const fields = isJsonObject(value) ? value : {};
  const file = allowFiles && body.sampleFile?.target.kind === 'form-field' ? body.sampleFile.target.name : undefined;
  const isFile = (name: string) => allowFiles && (file === undefined ? body.fileFields.includes(name) : name === file);
  // The example's fields, plus the files to upload, which examples cannot hold.
  const named = Object.keys(fields).length > 0 || file !== undefined ? Object.keys(fields) : body.fieldNames;
  const names = [...new Set([...named, ...(file === undefined ? body.fieldNames.filter(isFile) : [file])])];
  const fileName = (name: string) => (file === undefined ? `path/to/${name}` : FILE_PLACEHOLDER);
  return names.map((name) => (isFile(name) ? { name, fileName: fileName(name) } : { name, value: scalarText(fields[name] ?? '') }));
}

/** A copy of a JSON value with `replacement` at a path of property names, objects made on the way. */
function withValueAt(value: JsonValue | undefined, path: readonly string[], replacement: JsonValue): JsonValue {
  const [name, ...rest] = path;
  if (name === undefined) return replacement;
  const object = isJsonObject(value) ? value : {};
  return { ...object, [name]: withValueAt(object[name], rest, replacement) };
}

/** A value as it goes in a URL, header or form field: strings as they are, the rest as JSON. */
function scalarText(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
