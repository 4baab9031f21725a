import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

// Starlight's schema types every page's front matter (title, sidebar...); a page with
// broken front matter fails the build naming the file and the field. Every page must
// also say what it is about: the description feeds search results and link previews.
export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({ extend: z.object({ description: z.string().min(20) }) }),
  }),
};
