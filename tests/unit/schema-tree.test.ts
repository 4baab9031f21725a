import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadSpec } from '../../src/lib/openapi/load-spec.ts';
import type { OpenApiDocument } from '../../src/lib/openapi/types.ts';
import { routePath } from '../../src/lib/openapi/model/routes.ts';
import { createSampler } from '../../src/lib/openapi/model/sampler.ts';
import { buildSchemaTree, typeLabel } from '../../src/lib/openapi/model/schema-tree.ts';
import type { SchemaNode as SchemaTreeNode } from '../../src/lib/openapi/model/types.ts';

const root = resolve(import.meta.dirname, '../..');

/** Load a fixture spec through the site's own loader, as a build would. */
async function loadFixture(name: string): Promise<OpenApiDocument> {
  const spec = await loadSpec({ root, specPath: `tests/fixtures/openapi/${name}` });
  return spec.document;
}

/** The tree of a schema component, reached through a $ref as pages do. */
function componentTree(document: OpenApiDocument, name: string, expandRefs = 1): SchemaTreeNode {
  return buildSchemaTree({ $ref: `#/components/schemas/${name}` }, document, { expandRefs });
}

/** A property of a node, failing the test when it is missing. */
function property(node: SchemaTreeNode, name: string): { required: boolean; node: SchemaTreeNode } {
  const found = node.properties.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no property ${name} in ${node.properties.map((p) => p.name).join(', ')}`);
  return found;
}

describe('buildSchemaTree', () => {
  it('stops a component inside itself with a link, however deep refs may expand', async () => {
    const document = await loadFixture('schema-recursion.yaml');
    const tree = componentTree(document, 'TreeNode', 5);
    expect(tree.ref?.name).toBe('TreeNode');
    expect(tree.ref && routePath(tree.ref.route)).toBe('/reference/rest-apis/schemas/TreeNode/');
    const children = property(tree, 'children').node;
    expect(children.type).toBe('array');
    expect(children.items?.ref?.name).toBe('TreeNode');
    expect(children.items?.stop).toBe('recursion');
    expect(children.items?.properties).toEqual([]);
    // Mutual recursion: TreeNode → Person → TreeNode.
    const owner = property(tree, 'owner').node;
    expect(owner.ref?.name).toBe('Person');
    expect(owner.stop).toBeUndefined();
    expect(property(owner, 'favouriteNode').node.stop).toBe('recursion');
    expect(typeLabel(children)).toBe('array of TreeNode');
  });

  it('links shared components below the first level instead of copying them', async () => {
    const document = await loadFixture('schema-recursion.yaml');
    const tree = componentTree(document, 'TreeNode');
    const owner = property(tree, 'owner').node;
    expect(owner).toMatchObject({ ref: { name: 'Person' }, stop: 'link', properties: [] });
  });

  it('shows oneOf variants with the discriminator mapping, explicit or implied by component names', async () => {
    const document = await loadFixture('schema-oneof-discriminator.yaml');
    const pet = componentTree(document, 'Pet', 2);
    expect(pet.type).toBe('one of');
    expect(pet.variants?.keyword).toBe('oneOf');
    expect(pet.variants?.options.map((option) => option.ref?.name)).toEqual(['Cat', 'Dog']);
    expect(pet.variants?.discriminator).toEqual({
      propertyName: 'petType',
      mapping: [
        { value: 'cat', label: 'Cat', target: { name: 'Cat', route: { kind: 'schema', name: 'Cat' } } },
        { value: 'dog', label: 'Dog', target: { name: 'Dog', route: { kind: 'schema', name: 'Dog' } } },
      ],
    });
    expect(property(pet.variants?.options[0] as SchemaTreeNode, 'livesLeft').node.type).toBe('integer');

    const paths = document.paths as Record<
      string,
      { get: { responses: Record<string, { content: Record<string, { schema: unknown }> }> } }
    >;
    const animals = buildSchemaTree(paths['/animals']?.get.responses['200']?.content['application/json']?.schema, document);
    expect(animals.items?.variants?.discriminator?.mapping.map((entry) => entry.value)).toEqual(['Cat', 'Dog']);
  });

  it('merges allOf into one object: properties in order, required names united, components listed', async () => {
    const document = await loadFixture('schema-allof.yaml');
    const label = componentTree(document, 'Label');
    expect(label.type).toBe('object');
    expect(label.description).toBe('A named record with a colour.');
    expect(label.properties.map((entry) => [entry.name, entry.required])).toEqual([
      ['id', true],
      ['createdAt', false],
      ['name', true],
      ['colour', false],
    ]);
    expect(label.includes.map((link) => link.name)).toEqual(['Named', 'Record']);
    expect(property(label, 'id').node).toMatchObject({ format: 'uuid', readOnly: true });
    expect(property(label, 'name').node.constraints).toEqual([{ label: 'min length', value: '1' }]);
    expect(property(label, 'colour').node.constraints).toEqual([{ label: 'pattern', value: '^#[0-9a-f]{6}$' }]);
  });

  it('shows arrays of $refs with the items component expanded at the top and linked below', async () => {
    const document = await loadFixture('schema-array-of-refs.yaml');
    const paths = document.paths as Record<
      string,
      { get: { responses: Record<string, { content: Record<string, { schema: unknown }> }> } }
    >;
    const books = buildSchemaTree(paths['/books']?.get.responses['200']?.content['application/json']?.schema, document);
    expect(typeLabel(books)).toBe('array of Book');
    expect(books.items?.stop).toBeUndefined();
    const authors = property(books.items as SchemaTreeNode, 'authors').node;
    expect(typeLabel(authors)).toBe('array of Author');
    expect(authors.items?.stop).toBe('link');
    expect(authors.constraints).toEqual([{ label: 'min items', value: '1' }]);
    expect(property(books.items as SchemaTreeNode, 'shelves').node.constraints).toEqual([{ label: 'unique items', value: '' }]);
  });

  it('marks 3.0 nullable values, including the allOf-of-one-$ref idiom, as nullable', async () => {
    const document = await loadFixture('schema-nullable-3.0.yaml');
    const profile = componentTree(document, 'Profile');
    expect(property(profile, 'nickname').node).toMatchObject({ type: 'string', nullable: true });
    expect(property(profile, 'manager').node).toMatchObject({
      ref: { name: 'Person' },
      stop: 'link',
      nullable: true,
      description: 'The manager, or null for the boss.',
    });
  });

  it('marks 3.1 nullable values (type arrays with null, oneOf with null) as nullable', async () => {
    const document = await loadFixture('schema-nullable-3.1.yaml');
    const profile = componentTree(document, 'Profile');
    expect(property(profile, 'nickname').node).toMatchObject({ type: 'string', nullable: true });
    expect(property(profile, 'age').node).toMatchObject({
      type: 'integer',
      nullable: true,
      constraints: [{ label: 'minimum', value: '0' }],
    });
    expect(property(profile, 'manager').node).toMatchObject({ ref: { name: 'Person' }, nullable: true, variants: undefined });
    expect(property(profile, 'idOrName').node).toMatchObject({ type: 'string | integer', nullable: false });
  });

  it('lists enum values and defaults, showing small enum components in place', async () => {
    const document = await loadFixture('schema-enums.yaml');
    const order = componentTree(document, 'Order');
    const status = property(order, 'status').node;
    expect(status).toMatchObject({
      type: 'string',
      ref: { name: 'OrderStatus' },
      stop: undefined,
      enumValues: ['pending', 'shipped', 'delivered'],
      defaultValue: { value: 'pending' },
    });
    expect(property(order, 'priority').node).toMatchObject({ type: 'integer', enumValues: [1, 2, 3] });
    expect(property(order, 'kind').node).toMatchObject({ type: 'string', constant: { value: 'order' } });
  });

  it('shows additionalProperties as a schema for other keys, or says whether any are allowed', async () => {
    const document = await loadFixture('schema-additional-properties.yaml');
    const settings = componentTree(document, 'Settings');
    expect(settings.additionalProperties).toBe(false);
    const labels = property(settings, 'labels').node;
    expect(labels.additionalProperties).toMatchObject({ type: 'string', constraints: [{ label: 'max length', value: '63' }] });
    expect(property(settings, 'limits').node.additionalProperties).toMatchObject({ ref: { name: 'Limit' }, stop: 'link' });
    expect(property(settings, 'extra').node.additionalProperties).toBe(true);
  });

  it('marks read-only and write-only fields, and leaves each out of the samples where it does not travel', async () => {
    const document = await loadFixture('schema-read-write-only.yaml');
    const account = componentTree(document, 'Account');
    expect(property(account, 'id').node.readOnly).toBe(true);
    expect(property(account, 'password').node).toMatchObject({ writeOnly: true, constraints: [{ label: 'min length', value: '12' }] });
    expect(property(account, 'password').required).toBe(true);
    const schema = { $ref: '#/components/schemas/Account' };
    const sample = createSampler(document as unknown as Record<string, unknown>);
    const request = sample(schema, 'request') as Record<string, unknown>;
    const response = sample(schema, 'response') as Record<string, unknown>;
    expect(Object.keys(request).sort()).toEqual(['email', 'password']);
    expect(Object.keys(response).sort()).toEqual(['email', 'id']);
  });

  it('caps the number of nodes so one page stays small', async () => {
    const document = await loadFixture('schema-recursion.yaml');
    const tree = buildSchemaTree({ $ref: '#/components/schemas/TreeNode' }, document, { maxNodes: 3 });
    expect(property(tree, 'name').node.stop).toBeUndefined();
    expect(property(tree, 'children').node.stop).toBe('depth');
    expect(property(tree, 'owner').node).toMatchObject({ ref: { name: 'Person' }, stop: 'depth' });
  });
});
