/**
 * Fill in the nginx templates of deploy/nginx/: each value marked `{{NAME}}` is checked (nothing
 * that could end a directive or a quoted string gets into the configuration) and substituted.
 */
import { normalizeOrigin } from '../../server/proxy-cors.ts';
import { normalizeTarget } from '../../server/try-it-proxy.ts';

/** The values a template may mark, each with what it must look like. */
export const NGINX_VALUES = [
  'LISTEN',
  'SERVER_NAME',
  'DOCS_ROOT',
  'DOCS_ORIGIN',
  'MESHPLAY_UPSTREAM',
  'API_PREFIX',
  'CONTENT_SECURITY_POLICY',
] as const;
export type NginxValueName = (typeof NGINX_VALUES)[number];
/** The values to fill in; an absent or undefined one is reported as missing when the template needs it. */
export type NginxValues = { [Name in NginxValueName]?: string | undefined };

export type RenderResult = { ok: true; config: string } | { ok: false; problems: string[] };

const MARKER = /\{\{([A-Z_]+)\}\}/g;
/** Characters that could end a quoted string or a directive, or start a variable, in nginx's syntax. */
const UNSAFE_IN_QUOTES = /["\\$\p{Cc}{};]/u;

/** Check one value and return it as it goes into the configuration, or a sentence saying what is wrong. */
export function checkNginxValue(name: NginxValueName, raw: string): { ok: true; value: string } | { ok: false; problem: string } {
  const value = raw.trim();
  const bad = (what: string): { ok: false; problem: string } => ({ ok: false, problem: `${name}: ${what}` });
  switch (name) {
    case 'LISTEN':
      return /^(?:(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):)?\d{1,5}$/.test(value)
        ? { ok: true, value }
        : bad(`"${value}" is not a port or address:port, such as 80 or 127.0.0.1:8080.`);
    case 'SERVER_NAME':
      return /^(?:_|[A-Za-z0-9.-]+)$/.test(value) ? { ok: true, value } : bad(`"${value}" is not a host name, such as docs.example.com.`);
    case 'DOCS_ROOT':
      if (!value.startsWith('/'))
        return bad(`"${value}" is not an absolute path; give the full path of dist/, such as /srv/meshplay-docs/dist.`);
      return UNSAFE_IN_QUOTES.test(value)
        ? bad('the path must not contain quotes, backslashes, $, braces, semicolons or control characters.')
        : { ok: true, value: value.replace(/\/+$/, '') };
    case 'DOCS_ORIGIN': {
      const checked = normalizeOrigin(value);
      return checked.ok ? { ok: true, value: checked.origin } : bad(checked.message);
    }
    case 'MESHPLAY_UPSTREAM':
      try {
        return { ok: true, value: normalizeTarget(value) };
      } catch (error) {
        return bad(`it ${(error as Error).message.replace(/^it /, '')}.`);
      }
    case 'API_PREFIX': {
      const prefix = `/${value.replace(/^\/+|\/+$/g, '')}/`;
      return /^\/(?:[A-Za-z0-9._~-]+\/)+$/.test(prefix) && !/\/\.\.?\//.test(prefix)
        ? { ok: true, value: prefix }
        : bad(`"${value}" is not a path prefix, such as /meshplay/ (letters, digits and . _ ~ - between slashes, not / alone).`);
    }
    case 'CONTENT_SECURITY_POLICY':
      return value !== '' && !UNSAFE_IN_QUOTES.test(value.replace(/;/g, ''))
        ? { ok: true, value }
        : bad('the policy is empty or contains quotes, backslashes, $, braces or control characters; build the site again.');
  }
}

/** The marked names a template uses. */
export function markersOf(template: string): string[] {
  return [...new Set([...template.matchAll(MARKER)].map((match) => match[1] ?? ''))];
}

/** Fill in every marked value of a template; every marker must have a valid value. */
export function renderNginxConfig(template: string, values: NginxValues): RenderResult {
  const problems: string[] = [];
  const checked = new Map<string, string>();
  for (const name of markersOf(template)) {
    if (!(NGINX_VALUES as readonly string[]).includes(name)) {
      problems.push(`The template marks {{${name}}}, which is not one of ${NGINX_VALUES.join(', ')}.`);
      continue;
    }
    const raw = values[name as NginxValueName];
    if (raw === undefined || raw.trim() === '') {
      problems.push(`${name} is missing: the template needs it.`);
      continue;
    }
    const result = checkNginxValue(name as NginxValueName, raw);
    if (result.ok) checked.set(name, result.value);
    else problems.push(result.problem);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config: template.replace(MARKER, (_marker, name: string) => checked.get(name) ?? '') };
}
