/** Normalise a base path from the environment ("docs", "/docs", "docs/", "/docs/") to "/docs/", and empty or "/" to "/". */
export function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim();
  if (trimmed.includes('://') || trimmed.includes('?') || trimmed.includes('#') || /\s/.test(trimmed)) {
    throw new Error(
      `SITE_BASE must be a path such as /docs/, not "${trimmed}". ` +
        'Put the origin in SITE_URL instead (for example SITE_URL=https://example.com SITE_BASE=/docs/).',
    );
  }
  const segments = trimmed.split('/').filter((segment) => segment.length > 0);
  if (segments.some((segment) => segment === '.' || segment === '..')) {
    throw new Error(`SITE_BASE must not contain "." or ".." segments: "${trimmed}".`);
  }
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/** Validate SITE_URL (an origin, optionally with a path) and return it without a trailing slash, or undefined when unset. */
export function normalizeSiteUrl(raw: string | undefined): string | undefined {
  const trimmed = (raw ?? '').trim();
  if (trimmed === '') return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`SITE_URL must be an absolute http(s) URL such as https://docs.example.com, not "${trimmed}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`SITE_URL must use http or https, not "${url.protocol}" in "${trimmed}".`);
  }
  return url.href.replace(/\/+$/, '');
}

/** Join the site's base path and a path inside the site, without doubling or dropping slashes. */
export function withBase(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
