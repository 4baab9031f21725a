import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import compression from 'compression';
import sirv from 'sirv';

/**
 * Text files whose type a static host decides by extension, with the charset said: Markdown twins
 * (`<page>/index.md`) and llms.txt hold UTF-8 ("…", "→") that a browser would misread without it.
 */
const TEXT_TYPES: Readonly<Record<string, string>> = {
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type of a text file by its extension, when it is one of TEXT_TYPES. */
export function textTypeOf(pathname: string): string | undefined {
  return TEXT_TYPES[extname(pathname).toLowerCase()];
}

/** Serve the built site from `dir` under `base`, with the site's own 404 page for unknown paths. */
export function createStaticSite(dir: string, base: string): (req: IncomingMessage, res: ServerResponse) => void {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`No built site in ${dir}: run "npm run build" first (or "npm start", which builds and serves).`);
  }
  const files = sirv(dir, {
    dev: false,
    etag: true,
    extensions: ['html'],
    dotfiles: false,
    setHeaders: (res, pathname) => {
      const type = textTypeOf(pathname);
      if (type !== undefined) res.setHeader('Content-Type', type);
    },
  });
  const notFoundPath = join(dir, '404.html');
  const notFound = existsSync(notFoundPath) ? readFileSync(notFoundPath) : Buffer.from('Not found\n');
  const prefix = base.replace(/\/+$/, '');
  // Static hosts compress text; without it the 768 KB spec and every page go out raw, and
  // Lighthouse (and a reader on a phone) measure a slower site than the one they will get.
  const compress = compression({ threshold: 1024 });

  return (req, res) => {
    const url = req.url ?? '/';
    const sendNotFound = () => {
      res.writeHead(404, { 'Content-Type': existsSync(notFoundPath) ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8' });
      res.end(notFound);
    };
    if (prefix !== '') {
      if (url === prefix) {
        // "/docs" -> "/docs/", as static hosts do for folders.
        res.writeHead(301, { Location: `${prefix}/` });
        res.end();
        return;
      }
      if (!url.startsWith(`${prefix}/`)) {
        sendNotFound();
        return;
      }
      req.url = url.slice(prefix.length);
    }
    // compression is Express middleware: it only needs the request and response, and calls
    // next synchronously once it has wrapped the response.
    compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => files(req, res, sendNotFound));
  };
}
