import { arrayField, asJson, isObject, isTrue, objectField, stringField, unresolvedRefOf, type JsonObject } from './guards.ts';
import { resolveLocalRef, schemaComponentName } from './refs.ts';
import { describeConstraints } from './schema-constraints.ts';
import { mergeAllOf } from './schema-merge.ts';
import type { Discriminator, SchemaLink, SchemaNode, SchemaStop } from './types.ts';

export interface SchemaTreeOptions {
  /** How many levels of $refs to components are expanded; deeper ones are links (default 1). */
  expandRefs?: number;
  /** Nesting depth past which objects and arrays are not expanded (default 8). */
  maxDepth?: number;
  /** Nodes past which nothing more is expanded, to keep a page small (default 400). */
  maxNodes?: number;
}

interface BuildContext {
  document: unknown;
  maxDepth: number;
  maxNodes: number;
  nodes: number;
}

interface Position {
  depth: number;
  refsLeft: number;
  /** Components (or other $ref targets) being expanded above this node. */
  stack: readonly string[];
}

// Keywords that make a schema more than a single value: such components are linked, not inlined.
const STRUCTURE_KEYWORDS = ['properties', 'additionalProperties', 'patternProperties', 'items', 'prefixItems', 'oneOf', 'anyOf', 'allOf'];

/** Turn a schema (possibly a $ref) into the tree that pages render. */
export function buildSchemaTree(schema: unknown, document: unknown, options: SchemaTreeOptions = {}): SchemaNode {
  const context: BuildContext = { document, maxDepth: options.maxDepth ?? 8, maxNodes: options.maxNodes ?? 400, nodes: 0 };
  return buildNode(schema, context, { depth: 0, refsLeft: options.expandRefs ?? 1, stack: [] });
}

/** Build one node, dispatching on $ref and allOf. */
function buildNode(schema: unknown, context: BuildContext, position: Position): SchemaNode {
  context.nodes += 1;
  if (schema === false) return emptyNode('nothing');
  if (!isObject(schema)) return emptyNode('any');
  const marker = unresolvedRefOf(schema);
  if (marker !== undefined) return unresolvedNode(marker);
  const ref = stringField(schema, '$ref');
  if (ref !== undefined) return buildRefNode(schema, ref, context, position);
  const allOf = arrayField(schema, 'allOf');
  if (allOf) {
    const only = allOf.length === 1 ? allOf[0] : undefined;
    const onlyRef = isObject(only) ? stringField(only, '$ref') : undefined;
    // `allOf: [$ref]` with only annotations beside it (a 3.0 idiom for "nullable X") is just X.
    if (onlyRef !== undefined && !STRUCTURE_KEYWORDS.some((keyword) => keyword !== 'allOf' && keyword in schema)) {
      const { allOf: _allOf, ...annotations } = schema;
      return buildRefNode({ ...annotations, $ref: onlyRef }, onlyRef, context, position);
    }
    const merged = mergeAllOf(schema, context.document, position.stack);
    const node = buildPlainNode(merged.schema, context, position);
    node.includes = merged.includes.map(linkTo);
    // A member the loader could not resolve is merged in as its marker: say so on the merged node.
    node.unresolved = unresolvedRefOf(merged.schema);
    return node;
  }
  return buildPlainNode(schema, context, position);
}

/** A $ref: expanded while the budget lasts, else a link; a component inside itself is always a link. */
function buildRefNode(schema: JsonObject, ref: string, context: BuildContext, position: Position): SchemaNode {
  const name = schemaComponentName(ref);
  const target = resolveLocalRef(context.document, ref);
  if (target === undefined) return unresolvedNode(ref);
  const key = name ?? ref;
  let node: SchemaNode;
  if (position.stack.includes(key)) {
    node = linkNode(target, name, 'recursion');
  } else if (name !== undefined && hasStructure(target) && (position.refsLeft <= 0 || context.nodes > context.maxNodes)) {
    node = linkNode(target, name, context.nodes > context.maxNodes ? 'depth' : 'link');
  } else {
    // Small components (a string with an enum...) are cheap to show in place, whatever the budget.
    const refsLeft = name !== undefined && hasStructure(target) ? position.refsLeft - 1 : position.refsLeft;
    node = buildNode(target, context, { depth: position.depth, refsLeft, stack: [...position.stack, key] });
    if (name !== undefined) node.ref = linkTo(name);
  }
  const { $ref: _ref, ...siblings } = schema;
  applyAnnotations(node, siblings);
  return node;
}

/** A schema without $ref or allOf: its type, annotations and children. */
function buildPlainNode(schema: JsonObject, context: BuildContext, position: Position): SchemaNode {
  const types = typeList(schema);
  const combinator = arrayField(schema, 'oneOf') ? 'oneOf' : arrayField(schema, 'anyOf') ? 'anyOf' : undefined;
  const rawOptions = combinator ? (arrayField(schema, combinator) ?? []) : [];
  const options = rawOptions.filter((option) => !isNullSchema(option));
  const nullViaVariant = options.length < rawOptions.length;

  // `oneOf: [X, {type: null}]` is a nullable X.
  if (combinator && nullViaVariant && options.length === 1 && !objectField(schema, 'discriminator') && !hasStructure(schema, [combinator])) {
    const { [combinator]: _variants, ...annotations } = schema;
    const node = buildNode(options[0], context, position);
    applyAnnotations(node, annotations);
    node.nullable = true;
    return node;
  }

  const node = emptyNode(typeOf(schema, types, combinator));
  applyAnnotations(node, schema);
  node.nullable = node.nullable || types.includes('null') || nullViaVariant;
  node.constraints = describeConstraints(schema);
  const contentMediaType = stringField(schema, 'contentMediaType');
  if (contentMediaType !== undefined) {
    const contentSchema = schema['contentSchema'];
    node.encodedContent = {
      mediaType: contentMediaType,
      json: isJsonMediaType(contentMediaType),
      schema: isObject(contentSchema) ? buildNode(contentSchema, context, { ...position, depth: position.depth + 1 }) : undefined,
    };
  }

  const tooDeep = position.depth >= context.maxDepth || context.nodes > context.maxNodes;
  const child: Position = { depth: position.depth + 1, refsLeft: position.refsLeft, stack: position.stack };
  const properties = objectField(schema, 'properties');
  const patternProperties = objectField(schema, 'patternProperties');
  const additional = schema['additionalProperties'];
  const items = schema['items'];
  if (tooDeep && (properties || patternProperties || isObject(additional) || isObject(items) || options.length > 0)) {
    node.stop = 'depth';
    return node;
  }

  const required = new Set((arrayField(schema, 'required') ?? []).filter((name): name is string => typeof name === 'string'));
  node.properties = Object.entries(properties ?? {}).map(([name, property]) => ({
    name,
    required: required.has(name),
    node: buildNode(property, context, child),
  }));
  node.patternProperties = Object.entries(patternProperties ?? {}).map(([pattern, property]) => ({ pattern, node: buildNode(property, context, child) }));
  if (typeof additional === 'boolean') node.additionalProperties = additional;
  else if (isObject(additional)) node.additionalProperties = Object.keys(additional).length === 0 ? true : buildNode(additional, context, child);
  if (isObject(items) || items === true) node.items = buildNode(items, context, child);

  const discriminator = describeDiscriminator(schema, rawOptions, context.document);
  if (combinator) {
    node.variants = { keyword: combinator, options: options.map((option) => buildNode(option, context, child)), discriminator };
  } else {
    node.discriminator = discriminator;
  }
  return node;
}

/** A node with nothing known yet but its type. */
function emptyNode(type: string): SchemaNode {
  return {
    type,
    ref: undefined,
    stop: undefined,
    title: undefined,
    description: undefined,
    format: undefined,
    nullable: false,
    readOnly: false,
    writeOnly: false,
    deprecated: false,
    enumValues: undefined,
    constant: undefined,
    defaultValue: undefined,
    example: undefined,
    constraints: [],
    properties: [],
    additionalProperties: undefined,
    patternProperties: [],
    items: undefined,
    variants: undefined,
    discriminator: undefined,
    includes: [],
    encodedContent: undefined,
    unresolved: undefined,
  };
}

/** A node for a part of the spec that could not be resolved: pages say so instead of guessing. */
function unresolvedNode(ref: string): SchemaNode {
  const node = emptyNode('unknown');
  node.unresolved = ref;
  return node;
}

/** A node that names a component and links to its page instead of expanding it. */
function linkNode(target: unknown, name: string | undefined, stop: SchemaStop): SchemaNode {
  const schema = isObject(target) ? target : {};
  const node = emptyNode(typeOf(schema, typeList(schema), arrayField(schema, 'oneOf') ? 'oneOf' : arrayField(schema, 'anyOf') ? 'anyOf' : undefined));
  node.stop = stop;
  node.nullable = isTrue(schema, 'nullable') || typeList(schema).includes('null');
  if (name !== undefined) node.ref = linkTo(name);
  return node;
}

/** Copy what a schema says about its value onto a node; set fields win over the node's own. */
function applyAnnotations(node: SchemaNode, schema: JsonObject): void {
  const title = stringField(schema, 'title');
  if (title !== undefined) node.title = title;
  const description = stringField(schema, 'description');
  if (description !== undefined && description.trim() !== '') node.description = description;
  const format = stringField(schema, 'format');
  if (format !== undefined) node.format = format;
  if (isTrue(schema, 'nullable')) node.nullable = true;
  if (isTrue(schema, 'readOnly')) node.readOnly = true;
  if (isTrue(schema, 'writeOnly')) node.writeOnly = true;
  if (isTrue(schema, 'deprecated')) node.deprecated = true;
  const enumValues = arrayField(schema, 'enum');
  if (enumValues) {
    node.enumValues = enumValues.filter((value) => value !== null).map(asJson);
    if (enumValues.includes(null)) node.nullable = true;
  }
  if ('const' in schema) node.constant = { value: asJson(schema['const']) };
  if ('default' in schema) node.defaultValue = { value: asJson(schema['default']) };
  const examples = arrayField(schema, 'examples');
  if ('example' in schema) node.example = { value: asJson(schema['example']) };
  else if (examples && examples.length > 0) node.example = { value: asJson(examples[0]) };
}

/** The schema's `type` as a list (3.1 allows an array; 3.0 a single string). */
function typeList(schema: JsonObject): string[] {
  const type = schema['type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((entry): entry is string => typeof entry === 'string') : [];
}

/** The type to show: the declared one(s) without "null", else what the keywords imply. */
function typeOf(schema: JsonObject, types: string[], combinator: 'oneOf' | 'anyOf' | undefined): string {
  const declared = types.filter((type) => type !== 'null');
  if (declared.length > 0) return declared.join(' | ');
  if (objectField(schema, 'properties') || 'additionalProperties' in schema || objectField(schema, 'patternProperties')) return 'object';
  if ('items' in schema) return 'array';
  if (combinator === 'oneOf') return 'one of';
  if (combinator === 'anyOf') return 'any of';
  const values = arrayField(schema, 'enum')?.filter((value) => value !== null) ?? ('const' in schema ? [schema['const']] : []);
  if (values.length > 0) return values.every((value) => Number.isInteger(value)) ? 'integer' : typeof values[0] === 'object' ? 'object' : typeof values[0];
  return types.includes('null') ? 'null' : 'any';
}

/** Whether a schema only says "null" (the null branch of a nullable oneOf/anyOf). */
function isNullSchema(schema: unknown): boolean {
  if (!isObject(schema)) return false;
  const types = typeList(schema);
  if (types.length === 1 && types[0] === 'null') return true;
  const enumValues = arrayField(schema, 'enum');
  return enumValues !== undefined && enumValues.length === 1 && enumValues[0] === null;
}

/** Whether a schema holds more than one value's description (properties, items, variants...). */
function hasStructure(schema: unknown, ignoring: readonly string[] = []): boolean {
  if (!isObject(schema)) return false;
  return STRUCTURE_KEYWORDS.some((keyword) => !ignoring.includes(keyword) && keyword in schema) || typeList(schema).includes('object');
}

/** The discriminator as value → variant pairs: the explicit mapping, else the component names of the variants. */
function describeDiscriminator(schema: JsonObject, variants: unknown[], document: unknown): Discriminator | undefined {
  const discriminator = objectField(schema, 'discriminator');
  const propertyName = discriminator ? stringField(discriminator, 'propertyName') : undefined;
  if (!discriminator || propertyName === undefined) return undefined;
  const mapping = objectField(discriminator, 'mapping');
  if (mapping) {
    return {
      propertyName,
      mapping: Object.entries(mapping).flatMap(([value, target]) => {
        if (typeof target !== 'string') return [];
        const name = target.startsWith('#') ? schemaComponentName(target) : target;
        const exists = name !== undefined && resolveLocalRef(document, `#/components/schemas/${name}`) !== undefined;
        return [{ value, label: name ?? target, target: exists && name !== undefined ? linkTo(name) : undefined }];
      }),
    };
  }
  return {
    propertyName,
    mapping: variants.flatMap((variant) => {
      const ref = isObject(variant) ? stringField(variant, '$ref') : undefined;
      const name = ref === undefined ? undefined : schemaComponentName(ref);
      return name === undefined ? [] : [{ value: name, label: name, target: linkTo(name) }];
    }),
  };
}

/** Whether a media type is JSON ("application/json", "application/problem+json"...). */
export function isJsonMediaType(mediaType: string): boolean {
  return /^application\/(?:[\w.-]+\+)?json\b/i.test(mediaType.trim());
}

/** The link to a component's page. */
export function linkTo(name: string): SchemaLink {
  return { name, route: { kind: 'schema', name } };
}

/** A one-line type for tables and headers: "array of string", "Pet", "string | integer". */
export function typeLabel(node: SchemaNode): string {
  if (node.ref && node.stop) return node.ref.name;
  if (node.items && node.type === 'array') return `array of ${typeLabel(node.items)}`;
  return node.ref ? node.ref.name : node.type;
}

/** Whether a node has anything to show below its own line. */
export function hasChildren(node: SchemaNode): boolean {
  return (
    node.properties.length > 0 ||
    node.patternProperties.length > 0 ||
    node.additionalProperties !== undefined ||
    (node.items !== undefined && hasChildren(node.items)) ||
    node.variants !== undefined ||
    node.discriminator !== undefined ||
    node.encodedContent?.schema !== undefined
  );
}
