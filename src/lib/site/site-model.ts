/**
 * The site's API model, as the openapi integration (src/integrations/openapi.ts) hands it to
 * pages: built once per build, in astro.config.mjs. Pages import it from here, typed.
 */
import model from 'virtual:meshplay/api-model';
import type { ApiModel } from '../openapi/model/types.ts';

/** The model every reference page renders. */
export const siteModel = model as ApiModel;
