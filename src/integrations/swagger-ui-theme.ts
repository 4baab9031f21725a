import type { Plugin } from 'vite';

/**
 * Swagger UI's dark theme hangs on `html.dark-mode`; Starlight marks its theme as
 * `<html data-theme="dark">`. Re-target the rules at build time so that Swagger UI
 * follows the site's theme switch without any script.
 */
export function swaggerUiFollowsSiteTheme(): Plugin {
  return {
    name: 'swagger-ui-follows-site-theme',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('swagger-ui-dist/swagger-ui.css')) return undefined;
      return { code: code.replaceAll('html.dark-mode', ":root[data-theme='dark']"), map: null };
    },
  };
}
