/** The site's title and what it is for: Starlight's title and description (astro.config.mjs), and the first lines of llms.txt. */
export const SITE_TITLE = 'Meshplay REST API';
export const SITE_DESCRIPTION = 'Authenticate to Meshplay, get a token, call the REST API with curl and try every endpoint.';
