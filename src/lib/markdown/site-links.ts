/**
 * How Markdown outputs (twins, llms.txt) link to the site: under the base path, absolute when the
 * site's URL is known, and to a page's Markdown twin when it has one, since a reader of Markdown
 * wants Markdown. Links with a fragment go to the HTML page, whose headings carry the ids.
 */

export interface SiteLinks {
  /** Whether links are absolute (the site's URL is known) or site-relative. */
  absolute: boolean;
  /** The URL of a path inside the site ("/reference/", "/openapi/x.json"): the page's twin when it has one and the path has no fragment or query. */
  to(path: string): string;
  /** The URL of the page at a path itself, never its twin ("/reference/#authentication"). */
  page(path: string): string;
  /** A link written in Markdown on the page at `from` ("/guide/"): "#x", "/path", "../path" or an absolute URL. */
  resolve(url: string, from: string): string;
}

export interface SiteLinksOptions {
  /** The base path the site is built for ("/" or "/docs/"). */
  base: string;
  /** The site's public URL (SITE_URL), when set. */
  siteUrl: string | undefined;
  /** Paths inside the site of the pages that have a twin ("/", "/reference/rest-apis/users/"). */
  twinPaths: ReadonlySet<string>;
}

/** The path of a page's Markdown twin: "/reference/rest-apis/" → "/reference/rest-apis/index.md". */
export function twinPathOf(pagePath: string): string {
  if (!pagePath.startsWith('/') || !pagePath.endsWith('/')) throw new Error(`A page path starts and ends with "/", not "${pagePath}".`);
  return `${pagePath}index.md`;
}

/** Links for the site's Markdown outputs. */
export function createSiteLinks({ base, siteUrl, twinPaths }: SiteLinksOptions): SiteLinks {
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`The base path starts and ends with "/", not "${base}".`);
  const trimmedBase = base.replace(/\/+$/, '');
  const underBase = (path: string) => `${trimmedBase}/${path.replace(/^\/+/, '')}`;
  const absolute = (path: string) => (siteUrl === undefined ? path : new URL(path, `${siteUrl.replace(/\/+$/, '')}/`).href);
  // A path written with the base already in it ("/docs/reference/") means the same page.
  const withoutBase = (path: string) =>
    trimmedBase !== '' && (path === trimmedBase || path.startsWith(`${trimmedBase}/`)) ? path.slice(trimmedBase.length) || '/' : path;

  const page = (path: string) => absolute(underBase(withoutBase(path)));
  const to = (path: string) => {
    const inSite = withoutBase(path);
    if (/[?#]/.test(inSite)) return page(inSite);
    const folder = inSite.endsWith('/') || /\.[\w-]+$/.test(inSite) ? inSite : `${inSite}/`;
    return twinPaths.has(folder) ? absolute(underBase(twinPathOf(folder))) : page(inSite);
  };
  const resolve = (url: string, from: string) => {
    if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//')) return url;
    if (url.startsWith('#')) return `${page(from)}${url}`;
    if (url.startsWith('/')) return to(url);
    const resolved = new URL(url, `http://site${withoutBase(from)}`);
    return to(`${resolved.pathname}${resolved.search}${resolved.hash}`);
  };
  return { absolute: siteUrl !== undefined, to, page, resolve };
}
