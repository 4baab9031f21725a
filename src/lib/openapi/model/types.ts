/**
 * The typed model of an API spec: what every reference page, the sidebar and the code samples
 * render. Built once per build by buildApiModel (build.ts), the only code that reads the raw spec.
 * Nothing here is `unknown` and nothing is HTML: text fields are the spec's Markdown or plain
 * words, so that an HTML page and a Markdown twin can both be rendered from it.
 */
import type { Route } from './routes.ts';

/** A value as it comes out of a parsed YAML or JSON spec: examples, defaults, enum values. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The methods a path item can hold, in the order pages and slugs use. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

/** Which way a body travels: read-only fields are left out of request samples, write-only ones out of responses. */
export type Direction = 'request' | 'response';

/** A link to a schema component's own page. */
export interface SchemaLink {
  name: string;
  route: Route;
}

export interface SchemaProperty {
  name: string;
  required: boolean;
  node: SchemaNode;
}

/** Which value of which property selects a variant (`discriminator`). */
export interface Discriminator {
  propertyName: string;
  mapping: Array<{ value: string; label: string; target: SchemaLink | undefined }>;
}

export interface SchemaVariants {
  keyword: 'oneOf' | 'anyOf';
  options: SchemaNode[];
  discriminator: Discriminator | undefined;
}

/** One validation rule of a schema, as a label and a value shown as code ("" when the label says it all). */
export interface SchemaConstraint {
  label: string;
  value: string;
}

/**
 * Why a node's children are not shown: `link` for a shared component shown as a link to its page,
 * `recursion` for a component inside itself, `depth` when the tree is too deep or too big.
 */
export type SchemaStop = 'link' | 'recursion' | 'depth';

/**
 * A string that carries a document of another media type (`contentMediaType`, and the
 * `contentSchema` it follows): Meshplay sends some JSON as `text/plain` this way.
 */
export interface EncodedContent {
  mediaType: string;
  /** Whether the text is JSON (`application/json` or `+json`). */
  json: boolean;
  /** The schema of the decoded document, when the spec gives one. */
  schema: SchemaNode | undefined;
}

/** A schema as a reader sees it: one node per value, with what it may hold below it. */
export interface SchemaNode {
  /** "object", "array", "string", "integer", "string | integer", "any"... without "null". */
  type: string;
  /** The component this node is, when it came from a $ref to #/components/schemas. */
  ref: SchemaLink | undefined;
  stop: SchemaStop | undefined;
  /** The $ref that could not be resolved (a lenient loader's marker, or a dangling local ref). */
  unresolved: string | undefined;
  title: string | undefined;
  description: string | undefined;
  format: string | undefined;
  nullable: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  deprecated: boolean;
  enumValues: JsonValue[] | undefined;
  constant: { value: JsonValue } | undefined;
  defaultValue: { value: JsonValue } | undefined;
  example: { value: JsonValue } | undefined;
  constraints: SchemaConstraint[];
  properties: SchemaProperty[];
  /** A schema for other keys, `true` when any is allowed (said explicitly), `false` when none is. */
  additionalProperties: SchemaNode | boolean | undefined;
  patternProperties: Array<{ pattern: string; node: SchemaNode }>;
  items: SchemaNode | undefined;
  variants: SchemaVariants | undefined;
  /** A discriminator on a base schema that has no oneOf/anyOf of its own. */
  discriminator: Discriminator | undefined;
  /** Components merged in by allOf. */
  includes: SchemaLink[];
  /** A string holding another document (`contentMediaType`), with that document's schema. */
  encodedContent: EncodedContent | undefined;
}

/** One example of a body, from the spec or sampled from its schema, with its text as the page shows it. */
export interface Example {
  name: string | undefined;
  summary: string | undefined;
  value: JsonValue;
  /** An example the spec keeps in another file (externalValue): linked, not fetched. */
  externalValue: string | undefined;
  sampled: boolean;
  /** The value in the media type's notation: JSON pretty-printed, YAML, or the text as is. */
  code: string;
  /** The language to highlight `code` as. */
  lang: string;
  /** Whether `code` was cut (very long examples). */
  truncated: boolean;
  /** Whether the example is an empty body (no text, or only whitespace). */
  empty: boolean;
}

/**
 * How a body's media type and schema relate, when they disagree in a way readers must know:
 * `json-text` is JSON sent as `text/plain` (a string schema with contentMediaType JSON);
 * `text-labelled-json` is plain text sent as `application/json`.
 */
export type BodyShape = 'json-text' | 'text-labelled-json';

/** One entry of a `content` map: the media type, its schema tree and its examples. */
export interface MediaType {
  mediaType: string;
  schema: SchemaNode | undefined;
  examples: Example[];
  shape: BodyShape | undefined;
}

/** One parameter, $refs followed, as the table shows it. */
export interface Parameter {
  name: string;
  location: ParameterLocation;
  required: boolean;
  deprecated: boolean;
  description: string | undefined;
  /** The parameter's schema on one line: shared components as links. */
  schema: SchemaNode;
  /** An example value: `example`, the first of `examples`, or the schema's example, default or first enum value. */
  example: { value: JsonValue } | undefined;
  /** The value code samples send: the example, else a value sampled from the schema, else the name. */
  sampleValue: JsonValue;
}

/** Parameters of one location, with the heading the page gives them. */
export interface ParameterGroup {
  location: ParameterLocation;
  title: string;
  parameters: Parameter[];
}

/** An operation's request body, $ref followed. */
export interface RequestBody {
  required: boolean;
  description: string | undefined;
  contents: MediaType[];
  /** The body the code samples send (first media type): the spec's example, else the smallest valid value. */
  sampleValue: JsonValue | undefined;
  /** Form fields that upload a file (binary or contentMediaType), for multipart samples. */
  fileFields: string[];
  /** The form's field names, for form samples without an example. */
  fieldNames: string[];
  /** The file the code samples send, from the spec's `x-sample-file`; undefined when the spec names none. */
  sampleFile: SampleFile | undefined;
}

/**
 * Where an upload sample puts its file: a multipart form field, a base64 string field of a JSON
 * body (its property names from the root, `["pattern_data", "pattern_file"]`), or the whole body.
 */
export type SampleFileTarget = { kind: 'form-field'; name: string } | { kind: 'base64-field'; path: string[] } | { kind: 'body' };

/**
 * The real file every language's sample of an upload sends (`x-sample-file` on the spec's request
 * body), so that a sample pasted into a shell runs once that file exists.
 */
export interface SampleFile {
  /** The file as the samples name it: `~/.kube/config` (under the home folder) or `design.yaml` (the current folder). */
  path: string;
  target: SampleFileTarget;
  /** The spec's words: what the file is and how to get it (Markdown). */
  description: string;
  /** The one line the page shows above the samples: which file they send, where, and how to get it (Markdown). */
  note: string;
}

/** A response header, $ref followed. */
export interface ResponseHeader {
  name: string;
  required: boolean;
  description: string | undefined;
  schema: SchemaNode;
}

/** One documented response of an operation. */
export interface Response {
  /** "200", "4XX" or "default", as in the spec. */
  status: string;
  /** The reason phrase for a known code ("Found"), else undefined. */
  statusText: string | undefined;
  /** The id of its section on the page: "response-200". */
  anchor: string;
  description: string;
  headers: ResponseHeader[];
  contents: MediaType[];
  /** The $ref of a response the spec could not resolve. */
  unresolved: string | undefined;
}

/** One security scheme an operation accepts, in words. */
export interface Scheme {
  key: string;
  type: string;
  /** Where an API key goes ("cookie", "header", "query"), for apiKey schemes. */
  location: string | undefined;
  /** The cookie, header or query parameter name of an API key. */
  parameterName: string | undefined;
  /** "bearer", "basic"... for http schemes. */
  httpScheme: string | undefined;
  scopes: string[];
  /** A short phrase: "the `token` cookie", "a bearer token". */
  label: string;
}

/** What an operation needs to be called, and what happens without it. */
export interface Security {
  /** A credential is needed: there are requirements and none of them is empty. */
  required: boolean;
  /** A credential is accepted but not needed (an empty requirement `{}` is among them). */
  optional: boolean;
  /** Each entry is one way to authenticate: all of its schemes together. */
  alternatives: Scheme[][];
  /** The spec authenticates like the Meshplay server (cookies, 302 instead of 401). */
  meshplay: boolean;
  /** One sentence on what to send (Markdown). */
  summary: string;
  /** One sentence on what happens without it (Markdown); undefined when nothing is needed. */
  withoutIt: string | undefined;
}

/** How the spec authenticates, for every page: Meshplay's cookie session or something else. */
export interface AuthProfile {
  /** Whether the spec authenticates the Meshplay way: the `token` and `meshplay-provider` cookies. */
  meshplay: boolean;
  /** The environment variable code samples read the credential from. */
  tokenVariable: string;
  /** The security schemes the spec declares, by key. */
  schemes: Scheme[];
}

/** One code sample: the tab label, the language to highlight it as, and the code. */
export interface CodeSample {
  id: 'curl' | 'javascript' | 'python' | 'go';
  label: string;
  lang: string;
  code: string;
}

/** An entry of a page's table of contents. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** A server requests go to. */
export interface Server {
  /** The URL as the spec writes it, variables at their defaults; may be relative ("/api"). */
  url: string;
  description: string | undefined;
}

/** What a link to an operation needs: lists, schema pages' "Used by", the sidebar. */
export interface OperationSummary {
  method: HttpMethod;
  path: string;
  operationId: string | undefined;
  /** The page title: the summary, else the operationId, else "METHOD /path". */
  title: string;
  deprecated: boolean;
  route: Route;
}

/** A part of an operation (a parameter, the request body) the spec could not resolve. */
export interface UnresolvedPart {
  /** Where in the operation: "a parameter", "the request body". */
  where: string;
  ref: string;
}

/**
 * One operation, with everything its page shows already built. Room is left for more per-operation
 * parts built the same way (a lazy field in operations.ts), such as the response contract a
 * checker validates against (model/contracts.ts, on another branch).
 */
export interface Operation extends OperationSummary {
  description: string | undefined;
  /** A note that this GET (or other safe method) changes state, from `x-side-effects`. */
  sideEffects: string | undefined;
  /** The operation's tags as in the spec, or ["default"]. */
  tags: string[];
  /** The first tag: the operation's page lives under it. */
  tag: string;
  tagSlug: string;
  slug: string;
  /** Each of the operation's tags with its page. */
  tagLinks: Array<{ name: string; route: Route }>;
  /** The page's meta description. */
  pageDescription: string;
  /** The server requests go to: the operation's, else its path item's, else the document's. */
  server: Server | undefined;
  /** The server URL code samples call: `server` resolved to an absolute URL (see servers.ts). */
  sampleServerUrl: string;
  /** The operation's page in the playground, when it has an operationId. */
  playgroundRoute: Route | undefined;
  parameters: Parameter[];
  parameterGroups: ParameterGroup[];
  requestBody: RequestBody | undefined;
  responses: Response[];
  security: Security;
  codeSamples: CodeSample[];
  headings: Heading[];
  unresolved: UnresolvedPart[];
}

/** A tag with every operation that lists it. */
export interface Tag {
  name: string;
  slug: string;
  description: string | undefined;
  route: Route;
  operations: Operation[];
  /** The page's meta description. */
  pageDescription: string;
}

/** A schema component's page. */
export interface SchemaPage {
  name: string;
  route: Route;
  description: string | undefined;
  /** The description's first sentence, for the list of schemas. */
  summary: string | undefined;
  tree: SchemaNode;
  examples: Example[];
  /** Operations whose parameters, body or responses refer to it directly. */
  usedBy: OperationSummary[];
  /** Other components that refer to it directly. */
  referencedBy: SchemaLink[];
  pageDescription: string;
  headings: Heading[];
}

/** The whole API as the site renders it. */
export interface ApiModel {
  title: string;
  /** The document's servers, variables at their defaults. */
  servers: Server[];
  auth: AuthProfile;
  tags: Tag[];
  /** Every operation in document order (paths, then methods). */
  operations: Operation[];
  schemas: SchemaPage[];
  /** Every page of the reference, as routes. */
  routes: Route[];
}
