import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { fencedCode } from '../../src/lib/markdown/code.ts';
import { createSiteLinks } from '../../src/lib/markdown/site-links.ts';
import { loadSpec } from '../../src/lib/openapi/load-spec.ts';
import { buildApiModel } from '../../src/lib/openapi/model/build.ts';
import { routePath } from '../../src/lib/openapi/model/routes.ts';
import type { ApiModel, Operation } from '../../src/lib/openapi/model/types.ts';
import { operationContext, renderOperationTwin } from '../../src/lib/openapi/markdown-twin/operation.ts';
import { renderReferenceText } from '../../src/lib/openapi/markdown-twin/reference-text.ts';
import { renderSchemaTwin } from '../../src/lib/openapi/markdown-twin/schema-page.ts';
import { renderTagTwin } from '../../src/lib/openapi/markdown-twin/tag.ts';

const root = resolve(import.meta.dirname, '../..');

/** The model of a fixture spec, loaded as a build would. */
async function fixtureModel(name: string): Promise<ApiModel> {
  const { document } = await loadSpec({ root, specPath: `tests/fixtures/openapi/${name}` });
  return buildApiModel(document);
}

/** Links as the site makes them, every tag, operation and schema page with a twin. */
function linksFor(model: ApiModel, base = '/') {
  const twinPaths = new Set([...model.tags, ...model.operations, ...model.schemas].map((page) => routePath(page.route)));
  return createSiteLinks({ base, siteUrl: undefined, twinPaths });
}

/** An operation's twin by operationId. */
function twinOf(model: ApiModel, operationId: string, base = '/'): string {
  const operation = find(model, operationId);
  return renderOperationTwin(operation, operationContext(operation, linksFor(model, base)));
}

/** An operation by operationId, failing the test when it is missing. */
function find(model: ApiModel, operationId: string): Operation {
  const found = model.operations.find((candidate) => candidate.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found;
}

/** The table row of a field, by its dotted name. */
function rowOf(markdown: string, name: string): string {
  const row = markdown.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
  if (row === undefined) throw new Error(`no row for ${name} in:\n${markdown}`);
  return row;
}

/** A spec written here: descriptions with pipes and line breaks, nested objects in an array, an enum, a heading and links. */
const things = buildApiModel({
  openapi: '3.1.0',
  info: { title: 'Things', version: '1' },
  servers: [{ url: 'http://localhost:9081' }],
  paths: {
    '/things': {
      get: {
        operationId: 'listThings',
        summary: 'List things',
        tags: ['Things'],
        description: 'Lists things.\n\n## Notes\n\nSee [the 404 response](#response-404) and [the guide](/guide/).',
        responses: {
          '200': {
            description: 'The things.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    mode: { type: 'string', description: 'Either `a|b`\nor `c`.\n\nSecond paragraph.', enum: ['a|b', 'c'] },
                    items: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['id'],
                        properties: {
                          id: { type: 'string', format: 'uuid', readOnly: true },
                          owner: { type: 'object', properties: { name: { type: 'string', nullable: true } } },
                        },
                      },
                    },
                  },
                },
                example: { mode: 'c', items: [] },
              },
            },
          },
          '404': { description: 'Nothing here.' },
        },
      },
    },
  },
});

describe('the Markdown twin of an operation', () => {
  it('starts with the title, the method and path, and the links a reader needs', () => {
    const twin = twinOf(things, 'listThings');
    expect(
      twin.startsWith(
        '# List things\n\n`GET /things`\n\n- Operation ID: `listThings`\n- Tag: [Things](/reference/rest-apis/things/index.md)\n',
      ),
    ).toBe(true);
    expect(twin).toContain('- Page: [List things](/reference/rest-apis/things/list-things/)');
  });

  it('has no Parameters section for an operation without parameters', () => {
    const twin = twinOf(things, 'listThings');
    expect(twin).not.toContain('## Parameters');
    expect(twin).toMatch(/## Authentication\n\nNo token needed: this operation is public\./);
  });

  it('keeps a description with pipes and line breaks, and an enum with a pipe, in one table row', () => {
    const row = rowOf(twinOf(things, 'listThings'), 'mode');
    expect(row).toBe('| `mode` | string | no | Either `a\\|b` or `c`.<br><br>Second paragraph. One of: `a\\|b`, `c`. |');
  });

  it('names nested fields by their path, array items with []', () => {
    const twin = twinOf(things, 'listThings');
    expect(rowOf(twin, 'items')).toBe('| `items` | array of object | no |  |');
    expect(rowOf(twin, 'items[].id')).toBe('| `items[].id` | string (uuid), read-only | yes |  |');
    expect(rowOf(twin, 'items[].owner.name')).toBe('| `items[].owner.name` | string, nullable | no |  |');
  });

  it("makes the description's headings bold and resolves its links from the page, under the base path", () => {
    const twin = twinOf(things, 'listThings', '/docs/');
    expect(twin).toContain('**Notes**');
    expect(twin).not.toContain('## Notes');
    expect(twin).toContain('[the 404 response](/docs/reference/rest-apis/things/list-things/#response-404)');
    expect(twin).toContain('[the guide](/docs/guide/)');
  });

  it('says "No body." for a response without content', () => {
    expect(twinOf(things, 'listThings')).toMatch(/### 404 Not Found\n\nNothing here\.\n\nNo body\.\n$/);
  });

  it("shows JSON sent as text/plain as such, with the JSON's fields and a pretty-printed example", async () => {
    const twin = twinOf(await fixtureModel('response-shapes.yaml'), 'getSettings');
    const ok = twin.slice(twin.indexOf('### 200 OK'), twin.indexOf('### 302'));
    expect(ok).toContain('Content type: `text/plain`.\n\nSent as `text/plain`, but the body is JSON text: read it as JSON.');
    expect(ok).toContain('The JSON in the text: [Settings](/reference/rest-apis/schemas/Settings/index.md).');
    expect(rowOf(ok, 'theme')).toBe('| `theme` | string | yes | One of: `light`, `dark`. |');
    expect(ok).toContain('```json\n{\n  "theme": "dark",\n  "retries": 3\n}\n```');
  });

  it('says that plain text labelled JSON is plain text, and that a blank body is empty', async () => {
    const model = await fixtureModel('response-shapes.yaml');
    expect(twinOf(model, 'saveSettings')).toContain('Labelled `application/json`, but the body is plain text, not JSON.');
    expect(twinOf(model, 'getSettings')).toMatch(
      /### 500 Internal Server Error\n\nA MeshKit error with a blank message\.\n\nContent type: `text\/plain`\.\n\nType: string\.\n\nExample: an empty body\./,
    );
    expect(twinOf(model, 'saveSettings')).toMatch(/### 404 Not Found\n\n.*empty body\.\n\nNo body\.\n$/);
  });

  it("carries the operation's code samples exactly as the model (and so the HTML page) has them, curl first", async () => {
    const model = await fixtureModel('minimal.yaml');
    for (const operation of model.operations) {
      const twin = twinOf(model, operation.operationId ?? '');
      const curl = operation.codeSamples.find((sample) => sample.id === 'curl');
      expect(curl).toBeDefined();
      expect(twin).toContain(`curl:\n\n${fencedCode(curl?.code ?? '', 'bash')}`);
      expect(twin.indexOf('```bash')).toBeLessThan(twin.indexOf('```js'));
    }
  });

  it('says which file an upload sample sends, above the samples, as the HTML page does', async () => {
    const twin = twinOf(await fixtureModel('sample-files.yaml'), 'uploadPhoto');
    expect(twin).toContain(
      '## Code samples\n\nThe samples send the file `~/Pictures/cat.png` as the form field `photo`. Any PNG picture.\n\ncurl:',
    );
  });

  it('lists path parameters under their own heading', async () => {
    const twin = twinOf(await fixtureModel('minimal.yaml'), 'getPet');
    expect(twin).toContain(
      '## Parameters\n\n### Path parameters\n\n| Name | Type | Required | Default | Description |\n| --- | --- | --- | --- | --- |\n| `petId` | string | yes | — |  |',
    );
  });

  it("shows a parameter's allowed values and default", async () => {
    const twin = twinOf(await fixtureModel('schema-enums.yaml'), 'listOrders');
    expect(twin).toContain('| `pageSize` | integer | no | `50` | `10`, `50`, `100` |');
    expect(twin).toContain(
      '| `status` | [OrderStatus](/reference/rest-apis/schemas/OrderStatus/index.md) | no | `pending` | `pending`, `shipped`, `delivered` |',
    );
  });

  it('shows variants and the property that tells them apart', async () => {
    const model = await fixtureModel('schema-oneof-discriminator.yaml');
    const pet = twinOf(model, 'getPet');
    expect(pet).toContain(
      'The `petType` property says which variant this is: `cat` → [Cat](/reference/rest-apis/schemas/Cat/index.md), `dog` → [Dog](/reference/rest-apis/schemas/Dog/index.md).',
    );
    expect(rowOf(pet, '(option 1)')).toBe(
      '| `(option 1)` | [Cat](/reference/rest-apis/schemas/Cat/index.md) |  | When `petType` is `cat`. |',
    );
    // In an array, the variants are the items'; expanded one level, as on the HTML page.
    const animals = twinOf(model, 'listAnimals');
    expect(rowOf(animals, '[] (option 2).goodBoy')).toBe('| `[] (option 2).goodBoy` | boolean | no |  |');
  });

  it('shows maps and closed objects as "*" rows', async () => {
    const twin = twinOf(await fixtureModel('schema-additional-properties.yaml'), 'getSettings');
    expect(rowOf(twin, 'labels.*')).toBe('| `labels.*` | string |  | Any other property. Max length: `63`. |');
    expect(rowOf(twin, 'extra.*')).toBe('| `extra.*` | any |  | Other properties are allowed, of any type. |');
    expect(rowOf(twin, '*')).toBe('| `*` | — |  | No other properties are allowed. |');
  });
});

describe('the Markdown twins of tags and schemas', () => {
  it("lists a tag's operations, each linked to its twin", async () => {
    const model = await fixtureModel('minimal.yaml');
    const tag = model.tags[0];
    if (!tag) throw new Error('no tag');
    const twin = renderTagTwin(tag, { links: linksFor(model), pagePath: routePath(tag.route) });
    expect(twin).toContain('| [List pets](/reference/rest-apis/pets/list-pets/index.md) | GET | `/pets` |');
    expect(twin).toContain('| [Get a pet](/reference/rest-apis/pets/get-pet/index.md) | GET | `/pets/{petId}` |');
  });

  it("shows a schema's fields and what uses it", async () => {
    const model = await fixtureModel('minimal.yaml');
    const pet = model.schemas.find((schema) => schema.name === 'Pet');
    if (!pet) throw new Error('no Pet');
    const twin = renderSchemaTwin(pet, { links: linksFor(model), pagePath: routePath(pet.route) });
    expect(rowOf(twin, 'name')).toBe('| `name` | string | no |  |');
    expect(twin).toContain('## Used by\n\n- [List pets](/reference/rest-apis/pets/list-pets/index.md): `GET /pets`');
  });
});

describe('every operation in one text', () => {
  const shared = { description: 'Not signed in: a redirect.', headers: { Location: { schema: { type: 'string' } } } };
  const ops = buildApiModel({
    openapi: '3.1.0',
    info: { title: 'Shared', version: '1' },
    paths: Object.fromEntries(
      ['a', 'b', 'c'].map((name) => [
        `/${name}`,
        { get: { operationId: `get_${name}`, tags: ['T'], responses: { '200': { description: `The ${name}.` }, '302': shared } } },
      ]),
    ),
  });

  it('writes a response that many operations give once, and names it in each', () => {
    const text = renderReferenceText(ops, linksFor(ops), 2);
    expect(text.match(/Not signed in: a redirect\./g)).toHaveLength(1);
    expect(text).toContain('#### S1: 302 Found\n\nGiven by 3 operations.');
    expect(text.match(/###### 302 Found\n\nShared response S1/g)).toHaveLength(3);
    expect(text).toContain('###### 200 OK\n\nThe a.');
  });

  it('shows only the curl sample of each operation, under its tag', () => {
    const text = renderReferenceText(ops, linksFor(ops), 2);
    expect(text.match(/```bash/g)).toHaveLength(3);
    expect(text).not.toContain('```python');
    expect(text).toMatch(/### T\n\n#### get_a\n/);
  });
});
