/**
 * The props of every reference component, in one place: components render what they are given
 * (parts of the API model) and nothing else, and tests/unit/model-types.test.ts checks that none
 * of these types lets `unknown` through.
 */
import type {
  CodeSample,
  Example,
  MediaType,
  OperationSummary,
  Parameter,
  RequestBody,
  Response,
  SchemaNode,
  Security,
  UnresolvedPart,
} from '../../lib/openapi/model/types.ts';

export interface CodeSamplesProps {
  samples: CodeSample[];
  /** The line above the samples on the file an upload sends (Markdown), from SampleFile.note. */
  fileNote?: string | undefined;
}
export interface ExampleBlockProps {
  example: Example;
}
export interface MarkdownProps {
  text: string | undefined;
  /** Without the paragraph around a one-paragraph text, for table cells and inline spots. */
  inline?: boolean;
  class?: string;
}
export interface MediaTypeBodyProps {
  media: MediaType;
}
export interface MethodBadgeProps {
  method: string;
}
export interface OperationListProps {
  operations: OperationSummary[];
}
export interface ParameterTableProps {
  parameters: Parameter[];
}
export interface RequestBodyProps {
  body: RequestBody;
}
export interface ResponseListProps {
  responses: Response[];
}
export interface SchemaNodeProps {
  node: SchemaNode;
}
export interface SchemaNodeLineProps {
  node: SchemaNode;
  /** The property name, pattern or label before the type. */
  name?: string | undefined;
  required?: boolean;
}
export interface SchemaTreeProps {
  node: SchemaNode;
  /** Show the root's description (off where the page already shows it). */
  describeRoot?: boolean;
}
export interface SecurityNoteProps {
  security: Security;
}
export interface UnresolvedNoteProps {
  parts: UnresolvedPart[];
}

/** Every component's props, by component: what the type-level test walks. */
export interface ComponentProps {
  CodeSamples: CodeSamplesProps;
  ExampleBlock: ExampleBlockProps;
  Markdown: MarkdownProps;
  MediaTypeBody: MediaTypeBodyProps;
  MethodBadge: MethodBadgeProps;
  OperationList: OperationListProps;
  ParameterTable: ParameterTableProps;
  RequestBody: RequestBodyProps;
  ResponseList: ResponseListProps;
  SchemaChildren: SchemaNodeProps;
  SchemaFacts: SchemaNodeProps;
  SchemaNodeLine: SchemaNodeLineProps;
  SchemaTree: SchemaTreeProps;
  SecurityNote: SecurityNoteProps;
  TypeLabel: SchemaNodeProps;
  UnresolvedNote: UnresolvedNoteProps;
}
