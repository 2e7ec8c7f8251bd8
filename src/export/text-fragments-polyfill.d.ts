// Types for the parts of text-fragments-polyfill this project uses; the package ships none.

declare module 'text-fragments-polyfill/dist/fragment-generation-utils.js' {
  export interface TextFragment {
    textStart: string;
    textEnd?: string;
    prefix?: string;
    suffix?: string;
  }
  export const GenerateFragmentStatus: {
    readonly SUCCESS: 0;
    readonly INVALID_SELECTION: 1;
    readonly AMBIGUOUS: 2;
    readonly TIMEOUT: 3;
    readonly EXECUTION_FAILED: 4;
  };
  export interface GenerateFragmentResult {
    status: number;
    fragment?: TextFragment;
  }
  export function generateFragment(selection: Selection, startTime?: number): GenerateFragmentResult;
  export function generateFragmentFromRange(range: Range, startTime?: number): GenerateFragmentResult;
  export function isValidRangeForFragmentGeneration(range: Range): boolean;
  export function setTimeout(ms: number | null): void;
}

declare module 'text-fragments-polyfill/text-fragment-utils' {
  import type { TextFragment } from 'text-fragments-polyfill/dist/fragment-generation-utils.js';
  export function processTextFragmentDirective(fragment: TextFragment, documentToProcess?: Document): Range[];
  export function getFragmentDirectives(hash: string): { text: string[] };
  export function parseFragmentDirectives(directives: { text: string[] }): { text: TextFragment[] };
}
