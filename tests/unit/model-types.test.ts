import { describe, expectTypeOf, it } from 'vitest';
import type { ComponentProps } from '../../src/components/reference/props.ts';
import type { ApiModel, Operation, SchemaNode } from '../../src/lib/openapi/model/types.ts';

/** Whether T is `unknown` (or `any`, which hides an unknown as well). */
type IsUnknown<T> = unknown extends T ? true : false;

/**
 * Whether `unknown` can be found anywhere in T: its fields, array items, union members.
 * Recursive types (a schema node's children, a JSON value) are walked a few levels deep, which
 * reaches every field type at least once.
 */
type HasUnknown<T, Depth extends unknown[] = []> = Depth['length'] extends 8
  ? false
  : IsUnknown<T> extends true
    ? true
    : T extends (...args: never[]) => unknown
      ? false
      : T extends readonly (infer Item)[]
        ? HasUnknown<Item, [...Depth, 0]>
        : T extends object
          ? { [K in keyof T]-?: HasUnknown<T[K], [...Depth, 0]> }[keyof T] extends false
            ? false
            : true
          : false;

describe('the model and the components it feeds', () => {
  it('the helper finds an unknown however deep it hides', () => {
    expectTypeOf<HasUnknown<{ a: string; b: Array<{ c: unknown }> }>>().toEqualTypeOf<true>();
    expectTypeOf<HasUnknown<{ a: string | undefined; b: { value: unknown } | undefined }>>().toEqualTypeOf<true>();
    expectTypeOf<HasUnknown<{ a: string; b: number[] }>>().toEqualTypeOf<false>();
  });

  it('expose no unknown in ApiModel, an operation or a schema node', () => {
    expectTypeOf<HasUnknown<ApiModel>>().toEqualTypeOf<false>();
    expectTypeOf<HasUnknown<Operation>>().toEqualTypeOf<false>();
    expectTypeOf<HasUnknown<SchemaNode>>().toEqualTypeOf<false>();
  });

  it("expose no unknown in any reference component's props", () => {
    expectTypeOf<HasUnknown<ComponentProps>>().toEqualTypeOf<false>();
  });
});
