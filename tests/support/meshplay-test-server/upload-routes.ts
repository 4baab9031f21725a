/**
 * The upload routes, reading the file where their handlers read it (each cited) and recording it
 * (RouteContext.receive), so that a test can check that a sample sent its file in the documented
 * field. A request the handler would refuse gets the handler's error; an accepted one gets the
 * spec's documented success, as the spec routes answer.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import { listOperationContracts } from '../../../src/lib/openapi/model/contracts.ts';
import { sendEmpty, sendHttpError, sendText } from './go-responses.ts';
import { readBodyBytes, type Route, type RouteContext } from './routes.ts';
import { answerFromSpec, sendAnswer } from './spec-routes.ts';

/** Where a route reads its file: a multipart file part, or a base64 `[]byte` property of a JSON body. */
type Receive = { kind: 'form-file'; field: string } | { kind: 'base64-json'; path: readonly string[] };

interface UploadRule {
  method: string;
  path: string;
  receive: Receive;
  /** `RegisterMeshmodels`: a non-empty `dir` form value wins over the file. */
  dirWins?: boolean;
  /** The answer to an accepted file, when it depends on the file (else the spec's documented success). */
  answer?: (file: Buffer, context: RouteContext) => void;
}

const KUBECONFIG: Receive = { kind: 'form-file', field: 'k8sfile' };
const PATTERN_FILE: Receive = { kind: 'base64-json', path: ['pattern_data', 'pattern_file'] };

const UPLOAD_RULES: readonly UploadRule[] = [
  // readK8sConfigFromBody: req.FormFile("k8sfile") (server/handlers/k8sconfig_handler.go:397-413), its error as a 400 (76-81).
  { method: 'POST', path: '/api/system/kubernetes', receive: KUBECONFIG },
  // GetContextsFromK8SConfig (server/handlers/k8sconfig_handler.go:208-215).
  { method: 'POST', path: '/api/system/kubernetes/contexts', receive: KUBECONFIG },
  // K8sRegistrationHandler (server/handlers/k8sconfig_handler.go:296-302).
  { method: 'POST', path: '/api/system/kubernetes/register', receive: KUBECONFIG },
  // RegisterMeshmodels: FormValue("dir") first, else FormFile("file"); the entity type from schemaVersion (server/handlers/component_handler.go:1194-1273).
  {
    method: 'POST',
    path: '/api/meshmodels/register',
    receive: { kind: 'form-file', field: 'file' },
    dirWins: true,
    answer: registerDefinition,
  },
  // handlePatternPOST decodes pattern_data.pattern_file as []byte, so base64 (server/handlers/meshplay_pattern_handler.go:56-86, 134-146).
  { method: 'POST', path: '/api/pattern', receive: PATTERN_FILE },
  { method: 'POST', path: '/api/pattern/{sourcetype}', receive: PATTERN_FILE },
  // handleFilterPOST decodes filter_data.filter_file as []byte (server/models/meshplay_filter.go:29-33; server/handlers/meshplay_filter_handler.go:103-117).
  { method: 'POST', path: '/api/filter', receive: { kind: 'base64-json', path: ['filter_data', 'filter_file'] } },
];

/** The upload routes, each answering an accepted file with its operation's documented success. */
export function uploadRoutes(document: OpenAPIV3_1.Document): Route[] {
  const contracts = new Map(listOperationContracts(document).map((contract) => [contract.key, contract]));
  return UPLOAD_RULES.map((rule) => {
    const contract = contracts.get(`${rule.method} ${rule.path}`);
    const documented = contract === undefined ? undefined : answerFromSpec(contract);
    if (documented === undefined) throw new Error(`The spec documents no success for the upload route ${rule.method} ${rule.path}.`);
    const answer = rule.answer ?? ((_file: Buffer, { req, res }: RouteContext) => sendAnswer(req, res, documented));
    return { method: rule.method, path: rule.path, session: true, handle: (context) => receiveUpload(rule, answer, context) };
  });
}

/** Read the file as the handler does: refuse as it refuses, else record the file and answer. */
async function receiveUpload(
  rule: UploadRule,
  answer: (file: Buffer, context: RouteContext) => void,
  context: RouteContext,
): Promise<void> {
  const { req, res, url } = context;
  const body = await readBodyBytes(req);
  const { receive } = rule;
  if (receive.kind === 'form-file') {
    const form = await parseMultipart(req.headers['content-type'], body);
    if (rule.dirWins && (url.searchParams.get('dir') || (typeof form?.get('dir') === 'string' && form.get('dir') !== ''))) {
      // The test server unpacks no archive: what the server answers to bytes it cannot extract.
      sendHttpError(res, 400, 'the test server does not unpack archives: send the definition as `file`');
      return;
    }
    if (form === undefined) {
      sendHttpError(res, 400, "request Content-Type isn't multipart/form-data");
      return;
    }
    const part = form.get(receive.field);
    if (part === null || typeof part === 'string') {
      sendHttpError(res, 400, 'http: no such file');
      return;
    }
    const bytes = Buffer.from(await part.arrayBuffer());
    context.receive({ field: receive.field, fileName: part.name, base64: bytes.toString('base64') });
    answer(bytes, context);
    return;
  }
  const decoded = decodeJsonFile(body, receive.path);
  if (decoded.kind === 'error') {
    sendHttpError(res, 400, decoded.message);
    return;
  }
  if (decoded.kind === 'absent') {
    // Neither inline data nor a URL: nothing is done, an empty 200.
    sendEmpty(res, 200);
    return;
  }
  context.receive({ field: receive.path.join('.'), fileName: undefined, base64: decoded.bytes.toString('base64') });
  answer(decoded.bytes, context);
}

/** A multipart body parsed (by the runtime's own parser), or undefined when the body is not multipart. */
async function parseMultipart(contentType: string | undefined, body: Buffer): Promise<FormData | undefined> {
  if (contentType === undefined || !/^multipart\/form-data\s*;/i.test(contentType)) return undefined;
  try {
    return await new Request('http://test.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(body),
    }).formData();
  } catch {
    return undefined;
  }
}

/** What Go's decoder makes of a `[]byte` property: the bytes, its absence, or the decoder's error. */
type DecodedFile = { kind: 'bytes'; bytes: Buffer } | { kind: 'absent' } | { kind: 'error'; message: string };

/** The base64 property at `path` of a JSON body, decoded as Go's encoding/json decodes `[]byte` (standard alphabet, padded). */
function decodeJsonFile(body: Buffer, path: readonly string[]): DecodedFile {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  for (const name of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  if (value === undefined || value === null) return { kind: 'absent' };
  if (typeof value !== 'string')
    return { kind: 'error', message: `json: cannot unmarshal ${typeof value} into Go struct field ${path.join('.')} of type []uint8` };
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(value))
    return { kind: 'error', message: `illegal base64 data in ${path.join('.')}` };
  return { kind: 'bytes', bytes: Buffer.from(value, 'base64') };
}

/** RegisterMeshmodels with one file: the entity type from `schemaVersion`, else 500 (server/handlers/component_handler.go:1245-1272). */
function registerDefinition(file: Buffer, { res }: RouteContext): void {
  let schemaVersion: unknown;
  try {
    schemaVersion = (JSON.parse(file.toString('utf8')) as { schemaVersion?: unknown }).schemaVersion;
  } catch {
    schemaVersion = undefined;
  }
  const version = typeof schemaVersion === 'string' ? schemaVersion : '';
  if (version.startsWith('components.')) sendText(res, 200, 'Registered Component');
  else if (version.startsWith('relationships.')) sendText(res, 200, 'Registered Relationship');
  else sendHttpError(res, 500, 'invalid schema version');
}
