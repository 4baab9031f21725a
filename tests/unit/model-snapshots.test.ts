import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadSpec } from '../../src/lib/openapi/load-spec.ts';
import { buildApiModel } from '../../src/lib/openapi/model/build.ts';
import type { ApiModel } from '../../src/lib/openapi/model/types.ts';

// Slices of the model of the tiny fixture specs, pinned: a change in what pages are given shows
// up here as a diff to review. Dumped through JSON, as `npm run model` prints them.
const root = resolve(import.meta.dirname, '../..');

/** The model of a fixture spec, loaded as a build would. */
async function fixtureModel(name: string): Promise<ApiModel> {
  const { document } = await loadSpec({ root, specPath: `tests/fixtures/openapi/${name}` });
  return buildApiModel(document);
}

/** A value as its JSON dump has it (lazy parts built, undefined fields left out). */
function dump(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

describe('model slices', () => {
  it('an operation of minimal.yaml: path parameter, a response with a component, its samples and headings', async () => {
    const model = await fixtureModel('minimal.yaml');
    const { codeSamples, ...operation } = model.operations.find((entry) => entry.operationId === 'getPet') ?? { codeSamples: [] };
    expect(dump(operation)).toMatchInlineSnapshot(`
      {
        "deprecated": false,
        "headings": [
          {
            "depth": 2,
            "slug": "authentication",
            "text": "Authentication",
          },
          {
            "depth": 2,
            "slug": "code-samples",
            "text": "Code samples",
          },
          {
            "depth": 2,
            "slug": "parameters",
            "text": "Parameters",
          },
          {
            "depth": 2,
            "slug": "responses",
            "text": "Responses",
          },
          {
            "depth": 3,
            "slug": "response-200",
            "text": "200 OK",
          },
        ],
        "method": "get",
        "operationId": "getPet",
        "pageDescription": "GET /pets/{petId}: Get a pet",
        "parameterGroups": [
          {
            "location": "path",
            "parameters": [
              {
                "deprecated": false,
                "location": "path",
                "name": "petId",
                "required": true,
                "sampleValue": "petId",
                "schema": {
                  "constraints": [],
                  "deprecated": false,
                  "includes": [],
                  "nullable": false,
                  "patternProperties": [],
                  "properties": [],
                  "readOnly": false,
                  "type": "string",
                  "writeOnly": false,
                },
              },
            ],
            "title": "Path parameters",
          },
        ],
        "parameters": [
          {
            "deprecated": false,
            "location": "path",
            "name": "petId",
            "required": true,
            "sampleValue": "petId",
            "schema": {
              "constraints": [],
              "deprecated": false,
              "includes": [],
              "nullable": false,
              "patternProperties": [],
              "properties": [],
              "readOnly": false,
              "type": "string",
              "writeOnly": false,
            },
          },
        ],
        "path": "/pets/{petId}",
        "playgroundRoute": {
          "kind": "playground",
          "operationId": "getPet",
          "tag": "pets",
        },
        "responses": [
          {
            "anchor": "response-200",
            "contents": [
              {
                "examples": [
                  {
                    "code": "{
        "id": "string",
        "name": "string"
      }",
                    "empty": false,
                    "lang": "json",
                    "sampled": true,
                    "truncated": false,
                    "value": {
                      "id": "string",
                      "name": "string",
                    },
                  },
                ],
                "mediaType": "application/json",
                "schema": {
                  "constraints": [],
                  "deprecated": false,
                  "includes": [],
                  "nullable": false,
                  "patternProperties": [],
                  "properties": [
                    {
                      "name": "id",
                      "node": {
                        "constraints": [],
                        "deprecated": false,
                        "includes": [],
                        "nullable": false,
                        "patternProperties": [],
                        "properties": [],
                        "readOnly": false,
                        "type": "string",
                        "writeOnly": false,
                      },
                      "required": false,
                    },
                    {
                      "name": "name",
                      "node": {
                        "constraints": [],
                        "deprecated": false,
                        "includes": [],
                        "nullable": false,
                        "patternProperties": [],
                        "properties": [],
                        "readOnly": false,
                        "type": "string",
                        "writeOnly": false,
                      },
                      "required": false,
                    },
                  ],
                  "readOnly": false,
                  "ref": {
                    "name": "Pet",
                    "route": {
                      "kind": "schema",
                      "name": "Pet",
                    },
                  },
                  "type": "object",
                  "writeOnly": false,
                },
              },
            ],
            "description": "The pet.",
            "headers": [],
            "status": "200",
            "statusText": "OK",
          },
        ],
        "route": {
          "kind": "operation",
          "operationSlug": "get-pet",
          "tagSlug": "pets",
        },
        "sampleServerUrl": "http://localhost:8080",
        "security": {
          "alternatives": [],
          "meshplay": false,
          "optional": false,
          "required": false,
          "summary": "No token needed: this operation is public.",
        },
        "server": {
          "url": "http://localhost:8080",
        },
        "slug": "get-pet",
        "tag": "pets",
        "tagLinks": [
          {
            "name": "pets",
            "route": {
              "kind": "tag",
              "tagSlug": "pets",
            },
          },
        ],
        "tagSlug": "pets",
        "tags": [
          "pets",
        ],
        "title": "Get a pet",
        "unresolved": [],
      }
    `);
    expect(codeSamples.find((sample) => sample.id === 'curl')?.code).toMatchInlineSnapshot(`
      "curl --request GET \\
        --globoff \\
        --url http://localhost:8080/pets/{petId}"
    `);
  });

  it('a schema page of schema-allof.yaml: members merged, includes linked, who uses it', async () => {
    const model = await fixtureModel('schema-allof.yaml');
    expect(dump(model.schemas.find((schema) => schema.name === 'Label'))).toMatchInlineSnapshot(`
      {
        "description": "A named record with a colour.",
        "examples": [
          {
            "code": "{
        "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08",
        "createdAt": "2019-08-24T14:15:22Z",
        "name": "string",
        "colour": "string"
      }",
            "empty": false,
            "lang": "json",
            "sampled": true,
            "truncated": false,
            "value": {
              "colour": "string",
              "createdAt": "2019-08-24T14:15:22Z",
              "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08",
              "name": "string",
            },
          },
        ],
        "headings": [
          {
            "depth": 2,
            "slug": "structure",
            "text": "Structure",
          },
          {
            "depth": 2,
            "slug": "example",
            "text": "Example",
          },
          {
            "depth": 2,
            "slug": "used-by",
            "text": "Used by",
          },
        ],
        "name": "Label",
        "pageDescription": "The Label schema: A named record with a colour.",
        "referencedBy": [],
        "route": {
          "kind": "schema",
          "name": "Label",
        },
        "summary": "A named record with a colour.",
        "tree": {
          "constraints": [],
          "deprecated": false,
          "description": "A named record with a colour.",
          "includes": [
            {
              "name": "Named",
              "route": {
                "kind": "schema",
                "name": "Named",
              },
            },
            {
              "name": "Record",
              "route": {
                "kind": "schema",
                "name": "Record",
              },
            },
          ],
          "nullable": false,
          "patternProperties": [],
          "properties": [
            {
              "name": "id",
              "node": {
                "constraints": [],
                "deprecated": false,
                "format": "uuid",
                "includes": [],
                "nullable": false,
                "patternProperties": [],
                "properties": [],
                "readOnly": true,
                "type": "string",
                "writeOnly": false,
              },
              "required": true,
            },
            {
              "name": "createdAt",
              "node": {
                "constraints": [],
                "deprecated": false,
                "format": "date-time",
                "includes": [],
                "nullable": false,
                "patternProperties": [],
                "properties": [],
                "readOnly": false,
                "type": "string",
                "writeOnly": false,
              },
              "required": false,
            },
            {
              "name": "name",
              "node": {
                "constraints": [
                  {
                    "label": "min length",
                    "value": "1",
                  },
                ],
                "deprecated": false,
                "includes": [],
                "nullable": false,
                "patternProperties": [],
                "properties": [],
                "readOnly": false,
                "type": "string",
                "writeOnly": false,
              },
              "required": true,
            },
            {
              "name": "colour",
              "node": {
                "constraints": [
                  {
                    "label": "pattern",
                    "value": "^#[0-9a-f]{6}$",
                  },
                ],
                "deprecated": false,
                "includes": [],
                "nullable": false,
                "patternProperties": [],
                "properties": [],
                "readOnly": false,
                "type": "string",
                "writeOnly": false,
              },
              "required": false,
            },
          ],
          "readOnly": false,
          "type": "object",
          "writeOnly": false,
        },
        "usedBy": [
          {
            "deprecated": false,
            "method": "get",
            "operationId": "getLabel",
            "path": "/labels/{id}",
            "route": {
              "kind": "operation",
              "operationSlug": "get-label",
              "tagSlug": "default",
            },
            "title": "Get a label",
          },
        ],
      }
    `);
  });

  it('the auth profile and an operation security of auth-schemes.yaml, and the Meshplay auth profile', async () => {
    const model = await fixtureModel('auth-schemes.yaml');
    expect(dump(model.auth)).toMatchInlineSnapshot(`
      {
        "meshplay": false,
        "schemes": [
          {
            "httpScheme": "bearer",
            "key": "bearerAuth",
            "label": "a bearer token (\`Authorization: Bearer <token>\`)",
            "scopes": [],
            "type": "http",
          },
          {
            "key": "apiKeyHeader",
            "label": "the \`X-API-Key\` header",
            "location": "header",
            "parameterName": "X-API-Key",
            "scopes": [],
            "type": "apiKey",
          },
          {
            "key": "apiKeyQuery",
            "label": "the \`api_key\` query parameter",
            "location": "query",
            "parameterName": "api_key",
            "scopes": [],
            "type": "apiKey",
          },
        ],
        "tokenVariable": "API_TOKEN",
      }
    `);
    expect(dump(model.operations.find((entry) => entry.operationId === 'replaceItem')?.security)).toMatchInlineSnapshot(`
      {
        "alternatives": [
          [
            {
              "key": "apiKeyHeader",
              "label": "the \`X-API-Key\` header",
              "location": "header",
              "parameterName": "X-API-Key",
              "scopes": [],
              "type": "apiKey",
            },
          ],
        ],
        "meshplay": false,
        "optional": false,
        "required": true,
        "summary": "Needs authentication: the \`X-API-Key\` header.",
        "withoutIt": "Without it the server refuses the request, usually with \`401 Unauthorized\` or \`403 Forbidden\`.",
      }
    `);
    const meshplay = buildApiModel((await loadSpec({ root })).document);
    expect(dump({ meshplay: meshplay.auth.meshplay, tokenVariable: meshplay.auth.tokenVariable })).toMatchInlineSnapshot(`
      {
        "meshplay": true,
        "tokenVariable": "MESHPLAY_TOKEN",
      }
    `);
  });
});
