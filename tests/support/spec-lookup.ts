import { readFileSync } from 'node:fs';

interface SpecOperation {
  security?: unknown[];
}
interface Spec {
  security?: unknown[];
  paths: Record<string, Record<string, SpecOperation>>;
}

/** Read a built site's bundled spec. */
export function readBuiltSpec(dir: string): Spec {
  return JSON.parse(readFileSync(`${dir}/openapi/meshplay.json`, 'utf8')) as Spec;
}

/** Whether the spec says a request needs a session: its operation lists a security requirement. */
export function needsSession(spec: Spec, method: string, path: string): boolean {
  const pathname = path.split('?')[0] ?? path;
  for (const [template, item] of Object.entries(spec.paths)) {
    const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const operation = item[method.toLowerCase()];
    if (operation && pattern.test(pathname)) return (operation.security ?? spec.security ?? []).length > 0;
  }
  throw new Error(`The spec has no operation for ${method} ${pathname}: the docs use a route the spec does not describe.`);
}
