import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

// Starlight's schema types every page's front matter (title, description, sidebar...);
// a page with broken front matter fails the build naming the file and the field.
export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
};
