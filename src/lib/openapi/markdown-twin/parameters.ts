import { inlineCode } from '../../markdown/code.ts';
import { heading } from '../../markdown/headings.ts';
import { renderTable } from '../../markdown/tables.ts';
import type { Parameter, ParameterGroup } from '../model/types.ts';
import type { TwinContext } from './context.ts';
import { showValue, typeMarkdown } from './schema-facts.ts';
import { specText } from './spec-text.ts';

/** Parameters of one location as a table, with the columns of the HTML page: allowed values only when one of them has some. */
export function parameterTable(parameters: Parameter[], context: TwinContext): string {
  const valuesOf = (parameter: Parameter) => parameter.schema.enumValues ?? parameter.schema.items?.enumValues ?? [];
  const showValues = parameters.some((parameter) => valuesOf(parameter).length > 0);
  const headers = ['Name', 'Type', 'Required', 'Default', ...(showValues ? ['Allowed values'] : []), 'Description'];
  const rows = parameters.map((parameter) => {
    const node = parameter.schema;
    const values = valuesOf(parameter);
    const example = parameter.example !== undefined && typeof parameter.example.value !== 'object' ? `Example: ${inlineCode(showValue(parameter.example.value))}.` : '';
    return [
      `${inlineCode(parameter.name)}${parameter.deprecated ? ' (deprecated)' : ''}`,
      typeMarkdown(node, context),
      parameter.required ? 'yes' : 'no',
      node.defaultValue === undefined ? '—' : inlineCode(showValue(node.defaultValue.value)),
      ...(showValues ? [values.length > 0 ? values.map((value) => inlineCode(showValue(value))).join(', ') : '—'] : []),
      [specText(parameter.description ?? node.description, context), example].filter((part) => part !== '').join(' '),
    ];
  });
  return renderTable(headers, rows);
}

/** An operation's parameters, one table per location under its own heading ("Path parameters"). */
export function parameterSection(groups: ParameterGroup[], context: TwinContext, depth: number): string {
  return groups.map((group) => `${heading(depth, group.title)}\n\n${parameterTable(group.parameters, context)}`).join('\n\n');
}
