import { isObject } from './object-guards.ts';
import { getExamples, type Direction, type ExampleView } from './examples.ts';

/** One entry of a `content` map: the media type, its schema and its examples. */
export interface MediaTypeView {
  mediaType: string;
  schema: unknown;
  examples: ExampleView[];
}

/** The media types of a request body or a response, in spec order. */
export function getMediaTypes(content: unknown, document: unknown, direction: Direction): MediaTypeView[] {
  if (!isObject(content)) return [];
  return Object.entries(content).flatMap(([mediaType, media]) => {
    if (!isObject(media)) return [];
    const entry = media;
    return [{ mediaType, schema: entry['schema'], examples: getExamples(entry, document, direction) }];
  });
}
