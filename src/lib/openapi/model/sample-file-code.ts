/**
 * The upload's file (`x-sample-file`) in each language's sample: the generator wrote
 * FILE_PLACEHOLDER where the file goes (a form field's file name, a base64 property of a JSON
 * body, the whole body); these put each language's own way of reading that one file there, so
 * every sample sends the same bytes. The generator's Go multipart code is replaced altogether:
 * it writes the form as a fixed string, with an empty file and no boundary in the Content-Type.
 */
import { FILE_PLACEHOLDER } from './sample-request.ts';
import type { SampleFile } from './types.ts';

/** A plain form field sent beside the file (multipart bodies). */
export interface FormField {
  name: string;
  value: string;
}

/** What the renderers need: the file, the JSON body with the placeholder (base64 targets), the other form fields (multipart). */
export interface FileSampleInput {
  file: SampleFile;
  /** The JSON body as sent, FILE_PLACEHOLDER where the base64 goes. */
  jsonBody: string | undefined;
  /** Whether the JSON body goes on one line (long bodies). */
  compactBody: boolean;
  formFields: FormField[];
}

const HOME_PREFIX = '~/';

/** The file's name without its folders: the file name a form upload gives. */
function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The path below the home folder, or undefined when the path is relative to where the sample runs. */
function underHome(path: string): string | undefined {
  return path.startsWith(HOME_PREFIX) ? path.slice(HOME_PREFIX.length) : undefined;
}

/** The placeholder in a string literal of the given quotes, as a regular expression. */
function quotedPlaceholder(quotes: string): RegExp {
  return new RegExp(`([${quotes}])${FILE_PLACEHOLDER}\\1`, 'g');
}

// --- curl (bash) ---

/** The path as a bash word: `"$HOME/…"` under the home folder (the x-sample-file path needs no other quoting). */
function shellPath(path: string): string {
  const home = underHome(path);
  return home === undefined ? path : `"$HOME/${home}"`;
}

/**
 * Escape JSON text for an unquoted here-document, where `$`, backquotes and a backslash before
 * them are expanded: the JSON's own `\n` and `\"` stay as they are.
 */
function escapeForHereDocument(text: string): string {
  return text.replace(/\\(?=[\\$`])/g, '\\\\').replace(/[$`]/g, '\\$&');
}

/**
 * curl: a form file as `@path`; a whole body with `--data-binary @path` (bytes as they are); a
 * base64 property through a here-document, which takes the body from stdin, so that a big file
 * never meets the command-line length limit.
 */
export function sendFileInCurl(code: string, { file, jsonBody, compactBody }: FileSampleInput): string {
  const path = shellPath(file.path);
  switch (file.target.kind) {
    case 'form-field':
      // curl sets the multipart Content-Type itself, with the boundary the generator's header lacks.
      return code.replace(/^ {2}--header 'content-type: multipart\/form-data' \\\n/im, '').replace(new RegExp(`'?@${FILE_PLACEHOLDER}'?`), `@${path}`);
    case 'body':
      return code.replace(new RegExp(`--data '?${FILE_PLACEHOLDER}'?`), `--data-binary @${path}`);
    case 'base64-field': {
      const value: unknown = JSON.parse(jsonBody ?? 'null');
      const json = escapeForHereDocument(compactBody ? JSON.stringify(value) : JSON.stringify(value, null, 2));
      const body = json.replace(FILE_PLACEHOLDER, `$(base64 < ${path} | tr -d '\\n')`);
      const start = code.search(/ \\\n {2}--data/);
      return `${start < 0 ? code : code.slice(0, start)} \\\n  --data-binary @- <<EOF\n${body}\nEOF`;
    }
  }
}

// --- JavaScript (Node) ---

/** The path as a JavaScript expression; the home folder from os.homedir(). */
function javaScriptPath(path: string): string {
  const home = underHome(path);
  return home === undefined ? `'${path}'` : `join(homedir(), '${home}')`;
}

/** JavaScript: the file with fs.openAsBlob (form file, whole body) or fs.readFileSync (base64 property). */
export function sendFileInJavaScript(code: string, { file }: FileSampleInput): string {
  const path = javaScriptPath(file.path);
  let result = code;
  const fsImports: string[] = [];
  switch (file.target.kind) {
    case 'form-field':
      fsImports.push('openAsBlob');
      result = result.replace(
        new RegExp(`^form\\.append\\('([^']+)', '${FILE_PLACEHOLDER}'\\);$`, 'm'),
        (_whole, name: string) => `form.append('${name}', await openAsBlob(${path}), '${baseName(file.path)}');`,
      );
      break;
    case 'body':
      fsImports.push('openAsBlob');
      result = result.replace(quotedPlaceholder(`'"`), `await openAsBlob(${path})`);
      break;
    case 'base64-field':
      fsImports.push('readFileSync');
      result = result.replace(quotedPlaceholder(`'"`), `readFileSync(${path}).toString('base64')`);
  }
  const imports = [`import { ${fsImports.join(', ')} } from 'node:fs';`];
  if (underHome(file.path) !== undefined) imports.push("import { homedir } from 'node:os';", "import { join } from 'node:path';");
  return `${imports.join('\n')}\n\n${result}`;
}

// --- Python (requests) ---

/** The path as a pathlib.Path; `~` expanded. */
function pythonPath(path: string): string {
  return underHome(path) === undefined ? `Path("${path}")` : `Path("${path}").expanduser()`;
}

/** Python: the file opened (form file), read as bytes (whole body) or read and base64-encoded (property), with pathlib. */
export function sendFileInPython(code: string, { file }: FileSampleInput): string {
  const path = pythonPath(file.path);
  let result = code;
  const added = ['from pathlib import Path'];
  switch (file.target.kind) {
    case 'form-field':
      result = result.replace(
        new RegExp(`\\("${FILE_PLACEHOLDER}", open\\("${FILE_PLACEHOLDER}", "rb"\\)\\)`),
        `("${baseName(file.path)}", ${path}.open("rb"))`,
      );
      break;
    case 'body':
      result = result.replace(quotedPlaceholder(`"`), `${path}.read_bytes()`);
      break;
    case 'base64-field':
      added.push('import base64');
      result = result.replace(quotedPlaceholder(`"`), `base64.b64encode(${path}.read_bytes()).decode()`);
  }
  return withPythonImports(result, added);
}

/** Add imports to a Python sample's first block: the standard library's `import`s sorted, then its `from`s, then requests. */
function withPythonImports(code: string, added: string[]): string {
  const end = code.indexOf('\n\n');
  const head = end < 0 ? code : code.slice(0, end);
  const lines = [...new Set([...head.split('\n'), ...added])];
  const plain = lines.filter((line) => line.startsWith('import ') && line !== 'import requests').sort();
  const from = lines.filter((line) => line.startsWith('from ')).sort();
  const rest = lines.filter((line) => !plain.includes(line) && !from.includes(line));
  return `${[...plain, ...from, ...rest].join('\n')}${end < 0 ? '' : code.slice(end)}`;
}

// --- Go (net/http) ---

/** Go statements that make `path` (a string expression) name the file, and that expression. */
function goPath(path: string): { setup: string[]; expression: string } {
  const home = underHome(path);
  return home === undefined ? { setup: [], expression: `"${path}"` } : { setup: ['home, _ := os.UserHomeDir()'], expression: `filepath.Join(home, "${home}")` };
}

/** A Go string literal, with the quotes Go needs. */
function goString(text: string): string {
  return JSON.stringify(text);
}

/** Statements that stop the program when the file cannot be opened: a missing file must not become an empty upload. */
const GO_PANIC_ON_ERROR = ['if err != nil {', '\tpanic(err)', '}'];

/**
 * Go: the form written with mime/multipart (the file copied in, the other fields beside it, the
 * Content-Type with its boundary); the whole body from os.Open; a base64 property from os.ReadFile.
 */
export function sendFileInGo(code: string, { file, formFields }: FileSampleInput): string {
  const { setup, expression } = goPath(file.path);
  const payload = /^\tpayload := strings\.NewReader\((.*)\)$/m;
  let statements: string[];
  let result = code;
  switch (file.target.kind) {
    case 'form-field':
      statements = [
        ...setup,
        `file, err := os.Open(${expression})`,
        ...GO_PANIC_ON_ERROR,
        'defer file.Close()',
        'payload := &bytes.Buffer{}',
        'form := multipart.NewWriter(payload)',
        `part, _ := form.CreateFormFile(${goString(file.target.name)}, ${goString(baseName(file.path))})`,
        'io.Copy(part, file)',
        ...formFields.map((field) => `form.WriteField(${goString(field.name)}, ${goString(field.value)})`),
        'form.Close()',
      ];
      result = result.replace(/^(\treq, _ := http\.NewRequest\(.*\)\n)/m, '$1\n\treq.Header.Add("Content-Type", form.FormDataContentType())');
      break;
    case 'body':
      statements = [...setup, `payload, err := os.Open(${expression})`, ...GO_PANIC_ON_ERROR, 'defer payload.Close()'];
      break;
    case 'base64-field': {
      const literal = payload.exec(result)?.[1] ?? '""';
      // Close the literal before the file's base64 and open it again after, whichever quotes it uses.
      const quote = literal.startsWith('`') ? '`' : '"';
      const joined = literal.replace(FILE_PLACEHOLDER, `${quote} + base64.StdEncoding.EncodeToString(file) + ${quote}`);
      statements = [...setup, `file, err := os.ReadFile(${expression})`, ...GO_PANIC_ON_ERROR, `payload := strings.NewReader(${joined})`];
    }
  }
  result = result.replace(payload, () => statements.map((line) => `\t${line}`).join('\n'));
  return withGoImports(result);
}

/** The packages a Go sample may use, by the name its code calls them with. */
const GO_PACKAGES: ReadonlyArray<readonly [string, string]> = [
  ['base64', 'encoding/base64'],
  ['bytes', 'bytes'],
  ['filepath', 'path/filepath'],
  ['fmt', 'fmt'],
  ['http', 'net/http'],
  ['io', 'io'],
  ['multipart', 'mime/multipart'],
  ['os', 'os'],
  ['strings', 'strings'],
];

/** The import block rewritten to the packages the code uses, sorted as gofmt sorts them (an unused import does not compile). */
function withGoImports(code: string): string {
  const body = code.replace(/^import \([\s\S]*?\n\)\n/m, '');
  const used = GO_PACKAGES.filter(([name]) => new RegExp(`\\b${name}\\.`).test(body))
    .map(([, path]) => path)
    .sort();
  return code.replace(/^import \([\s\S]*?\n\)$/m, `import (\n${used.map((path) => `\t"${path}"`).join('\n')}\n)`);
}
