// Types for functions-zh-cn.js (a CommonJS webpack plugin), for the tests.
import type { Compiler } from "webpack";

declare class FunctionsZhCnPlugin {
  constructor(options: { source?: string; output?: string; translations: string });
  apply(compiler: Compiler): void;
}
declare namespace FunctionsZhCnPlugin {
  interface ParameterMetadata {
    name: string;
    description?: string;
    type?: string;
    dimensionality?: string;
    optional?: boolean;
    repeating?: boolean;
  }
  interface FunctionMetadata {
    id: string;
    name: string;
    description?: string;
    parameters: ParameterMetadata[];
    result: { type?: string; dimensionality?: string };
    options?: Record<string, unknown>;
  }
  interface Metadata {
    functions: FunctionMetadata[];
    [key: string]: unknown;
  }
  type Translations = Record<string, { description: string; parameters?: Record<string, string> } | string>;
  function localizeMetadata(metadata: Metadata, translations: Translations): Metadata;
}
export = FunctionsZhCnPlugin;
