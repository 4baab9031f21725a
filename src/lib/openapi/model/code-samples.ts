import { HTTPSnippet } from '@readme/httpsnippet';
import { sendFileInCurl, sendFileInGo, sendFileInJavaScript, sendFileInPython, type FileSampleInput } from './sample-file-code.ts';
import { TOKEN_PLACEHOLDER, type HarRequest, type SampleRequest } from './sample-request.ts';
import type { AuthProfile, CodeSample } from './types.ts';

interface SampleTarget {
  id: CodeSample['id'];
  label: string;
  lang: string;
  target: 'shell' | 'javascript' | 'python' | 'go';
  client: string;
  /** Turn the generator's output into the sample: credential from the environment, redirects shown. */
  finish: (code: string, context: SampleContext) => string;
}

/** What post-processing needs to know about the request. */
interface SampleContext {
  /** The environment variable that holds the credential. */
  variable: string;
  /** The comment above "don't follow redirects". */
  redirectNote: string;
  /** The JSON body, compact, when the request sends one. */
  jsonBody: string | undefined;
  /** Whether the body is long enough to be written on one line rather than pretty-printed. */
  compactBody: boolean;
  /** The upload's file and what each language needs to send it, when the operation uploads one. */
  upload: FileSampleInput | undefined;
}

/** Stands for a JSON body in the Python generator's output (see pythonHar). */
const PYTHON_PAYLOAD_PLACEHOLDER = 'SAMPLEPAYLOADPLACEHOLDER';

// Pretty-printed, a body longer than this many lines would make four samples of the same JSON
// dwarf the page (and its HTML); the full example is in the request body section anyway.
const MAX_PRETTY_BODY_LINES = 30;

const TARGETS: readonly SampleTarget[] = [
  { id: 'curl', label: 'curl', lang: 'bash', target: 'shell', client: 'curl', finish: finishCurl },
  { id: 'javascript', label: 'JavaScript', lang: 'js', target: 'javascript', client: 'fetch', finish: finishJavaScript },
  { id: 'python', label: 'Python', lang: 'python', target: 'python', client: 'requests', finish: finishPython },
  { id: 'go', label: 'Go', lang: 'go', target: 'go', client: 'native', finish: finishGo },
];

/** The curl, JavaScript (fetch), Python (requests) and Go (net/http) samples of an operation, made by httpsnippet. */
export function buildCodeSamples({ har, usesToken, file }: SampleRequest, auth: AuthProfile): CodeSample[] {
  const snippet = new HTTPSnippet(har);
  const text = har.postData.text;
  const jsonBody = text !== undefined && /json/i.test(har.postData.mimeType) ? text : undefined;
  const compactBody = jsonBody !== undefined && prettyLineCount(jsonBody) > MAX_PRETTY_BODY_LINES;
  const formFields = (har.postData.params ?? []).flatMap(({ name, value, fileName }) => (fileName === undefined ? [{ name, value: value ?? '' }] : []));
  const context: SampleContext = {
    variable: auth.tokenVariable,
    redirectNote:
      usesToken && auth.meshplay
        ? 'Meshplay answers 302 when the session is missing or expired: show it instead of following it.'
        : 'Show a redirect as the server sends it instead of following it.',
    jsonBody,
    compactBody,
    upload: file === undefined ? undefined : { file, jsonBody, compactBody, formFields },
  };
  const python = new HTTPSnippet(pythonHar(har));
  return TARGETS.map(({ id, label, lang, target, client, finish }) => {
    // curl reads "{id}" in a URL as a glob pattern; --globoff sends it as written.
    const globOff = target === 'shell' && /\{[^}]+\}/.test(har.url);
    const generated = (target === 'python' ? python : snippet).convert(target, client, { indent: '  ', globOff })[0];
    const code = typeof generated === 'string' ? generated : '';
    return { id, label, lang, code: finish(restorePathPlaceholders(code), context) };
  });
}

/**
 * The request for the Python generator: a JSON body replaced by a stand-in string, because the
 * generator writes a body's strings into Python unescaped (a newline or a backslash in a value
 * breaks the sample); finishPython writes the body itself.
 */
function pythonHar(har: HarRequest): HarRequest {
  if (har.postData.mimeType !== 'application/json' || har.postData.text === undefined) return har;
  return { ...har, postData: { ...har.postData, text: JSON.stringify(PYTHON_PAYLOAD_PLACEHOLDER) } };
}

/** How many lines a JSON text takes pretty-printed. */
function prettyLineCount(json: string): number {
  try {
    return (JSON.stringify(JSON.parse(json), null, 2) ?? '').split('\n').length;
  } catch {
    return 1;
  }
}

/** Put back the "{name}" of path parameters without an example, which the generator percent-encodes. */
function restorePathPlaceholders(code: string): string {
  return code.replace(/%7B([A-Za-z0-9_.-]+)%7D/g, '{$1}');
}

/** curl: the credential from $VARIABLE (so the quotes around it become double quotes); a long JSON body on one line. */
function finishCurl(code: string, context: SampleContext): string {
  const { variable, jsonBody, compactBody } = context;
  let result = code;
  if (compactBody && jsonBody !== undefined && !jsonBody.includes("'")) result = result.replace(/(--data(?:-binary)? )'\n[\s\S]*\n'$/, (_whole, flag: string) => `${flag}'${jsonBody}'`);
  result = result.replace(new RegExp(`'([^']*)${TOKEN_PLACEHOLDER}([^']*)'`, 'g'), (_whole, before: string, after: string) => `"${escapeDoubleQuoted(before)}$${variable}${escapeDoubleQuoted(after)}"`);
  result = result.replaceAll(TOKEN_PLACEHOLDER, `"$${variable}"`);
  return context.upload === undefined ? result : sendFileInCurl(result, context.upload);
}

/** Escape text for a bash double-quoted string. */
function escapeDoubleQuoted(text: string): string {
  return text.replace(/[\\"$`]/g, '\\$&');
}

/** JavaScript: the credential from process.env, redirects not followed, the status and body printed. */
function finishJavaScript(code: string, context: SampleContext): string {
  const { variable, redirectNote, jsonBody, compactBody } = context;
  let result = code;
  if (compactBody && jsonBody !== undefined) {
    // JSON is a JavaScript literal: the generator's object, on one line.
    const start = result.indexOf('  body: JSON.stringify(');
    const end = result.indexOf(')\n};', start);
    if (start >= 0 && end > start) result = `${result.slice(0, start)}  body: JSON.stringify(${jsonBody}${result.slice(end)}`;
  }
  result = result.replace(new RegExp(`'((?:[^'\\\\]|\\\\.)*)${TOKEN_PLACEHOLDER}((?:[^'\\\\]|\\\\.)*)'`, 'g'), (_whole, before: string, after: string) => `\`${toTemplateText(before)}\${process.env.${variable}}${toTemplateText(after)}\``);
  const redirect = `  // ${redirectNote}\n  redirect: 'manual'`;
  const oneLine = /^const options = \{method: '([A-Z]+)'\};$/m;
  result = oneLine.test(result)
    ? result.replace(oneLine, `const options = {\n  method: '$1',\n${redirect}\n};`)
    : result.replace(/^(const options = \{\n {2}method: '[A-Z]+',)$/m, `$1\n${redirect},`);
  result = result.replace(/\.then\(res => res\.json\(\)\)\n\s*\.then\(res => console\.log\(res\)\)/, '.then(async (res) => console.log(res.status, await res.text()))');
  return context.upload === undefined ? attachFilesInJavaScript(result) : sendFileInJavaScript(result, context.upload);
}

/**
 * The generator appends a file field's path as text; send the file itself (Node's
 * fs.openAsBlob), as curl's "@path" and Python's open() do. (For a spec without
 * `x-sample-file`: its placeholder paths, path/to/<field>.)
 */
function attachFilesInJavaScript(code: string): string {
  const withFiles = code.replace(/^form\.append\('([^']+)', '(path\/to\/[^']+)'\);$/gm, "form.append('$1', await openAsBlob('$2'), '$1');");
  return withFiles === code ? code : `import { openAsBlob } from 'node:fs';\n\n${withFiles}`;
}

/** Turn single-quoted JavaScript string content into template literal content. */
function toTemplateText(text: string): string {
  return text.replace(/\\'/g, "'").replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

/** Python: the credential from os.environ, redirects not followed, the status and body printed. */
function finishPython(code: string, context: SampleContext): string {
  const { variable, redirectNote, jsonBody, compactBody } = context;
  let result = code;
  // The generator was given a stand-in for a JSON body (see pythonHar): the body as a Python literal, on one line when it is long.
  if (jsonBody !== undefined)
    result = result.replace(`payload = "${PYTHON_PAYLOAD_PLACEHOLDER}"`, () => `payload = ${toPythonLiteral(JSON.parse(jsonBody), compactBody ? '' : '  ')}`);
  const withToken = result.replace(new RegExp(`"((?:[^"\\\\]|\\\\.)*)${TOKEN_PLACEHOLDER}((?:[^"\\\\]|\\\\.)*)"`, 'g'), (_whole, before: string, after: string) =>
    joinParts([before === '' ? undefined : `"${before}"`, `os.environ["${variable}"]`, after === '' ? undefined : `"${after}"`], ' + '),
  );
  result = withToken === result ? result : withToken.replace(/^import requests$/m, 'import os\nimport requests');
  result = result.replace(/^(response = requests\.\w+\(url)(.*)\)$/m, `# ${redirectNote}\n$1$2, allow_redirects=False)`);
  result = result.replace(/^print\(response\.text\)$/m, 'print(response.status_code)\nprint(response.text)');
  return context.upload === undefined ? result : sendFileInPython(result, context.upload);
}

/** Go: the credential from os.Getenv, redirects not followed, the status and body printed. */
function finishGo(code: string, context: SampleContext): string {
  const { variable, redirectNote, jsonBody } = context;
  let result = code;
  // A raw string keeps JSON readable: no backslash before every quote.
  if (jsonBody !== undefined && !jsonBody.includes('`')) result = result.replace(/strings\.NewReader\("(?:[^"\\]|\\.)*"\)/, () => `strings.NewReader(\`${jsonBody}\`)`);
  const withToken = result.replace(new RegExp(`"((?:[^"\\\\]|\\\\.)*)${TOKEN_PLACEHOLDER}((?:[^"\\\\]|\\\\.)*)"`, 'g'), (_whole, before: string, after: string) =>
    joinParts([before === '' ? undefined : `"${before}"`, `os.Getenv("${variable}")`, after === '' ? undefined : `"${after}"`], '+'),
  );
  result = withToken === result ? result : withToken.replace(/^\t"net\/http"$/m, '\t"net/http"\n\t"os"');
  result = result.replace(
    /^\tres, _ := http\.DefaultClient\.Do\(req\)$/m,
    `\t// ${redirectNote}\n\tclient := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}\n\tres, _ := client.Do(req)`,
  );
  result = result.replace(/^\tfmt\.Println\(string\(body\)\)$/m, '\tfmt.Println(res.Status)\n\tfmt.Println(string(body))');
  return context.upload === undefined ? result : sendFileInGo(result, context.upload);
}

/** Join the defined parts of an expression. */
function joinParts(parts: Array<string | undefined>, separator: string): string {
  return parts.filter((part): part is string => part !== undefined).join(separator);
}

/** A JSON value as a Python literal (True, False, None): on one line, or indented by `indent` per level like pretty JSON. */
export function toPythonLiteral(value: unknown, indent = '', depth = 0): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  // JSON's string escapes are Python's too.
  if (typeof value === 'string') return JSON.stringify(value);
  const entries: string[] | undefined = Array.isArray(value)
    ? value.map((item) => toPythonLiteral(item, indent, depth + 1))
    : typeof value === 'object'
      ? Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${toPythonLiteral(item, indent, depth + 1)}`)
      : undefined;
  if (entries === undefined) return JSON.stringify(typeof value === 'bigint' ? value.toString() : null);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (indent === '' || entries.length === 0) return `${open}${entries.join(', ')}${close}`;
  const inner = indent.repeat(depth + 1);
  return `${open}\n${entries.map((entry) => `${inner}${entry}`).join(',\n')}\n${indent.repeat(depth)}${close}`;
}
