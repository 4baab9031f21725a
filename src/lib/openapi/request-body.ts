import { isTrue, objectField, stringField, type JsonObject } from './object-guards.ts';
import { dereference } from './refs.ts';
import { getMediaTypes, type MediaTypeView } from './media-types.ts';

/** An operation's request body, $ref followed. */
export interface RequestBodyView {
  required: boolean;
  description: string | undefined;
  contents: MediaTypeView[];
}

/** The request body of an operation, or undefined when it takes none. */
export function getRequestBody(operation: JsonObject, document: unknown): RequestBodyView | undefined {
  const body = dereference(document, operation['requestBody']);
  if (!body) return undefined;
  return {
    required: isTrue(body, 'required'),
    description: stringField(body, 'description'),
    contents: getMediaTypes(objectField(body, 'content'), document, 'request'),
  };
}
