// The anchoring core: selectors <-> DOM ranges, as plain functions over a DOM.

export {
  buildTextIndex,
  buildTextIndexSteps,
  rangeFromOffsets,
  offsetsFromRange,
  UI_HOST_ATTRIBUTE,
  type TextIndex,
} from './text-index';
export { describeRange, describeOffsets, CONTEXT_LENGTH } from './describe';
export {
  anchorSelectors,
  anchorSteps,
  runSliced,
  type SlicedOptions,
  anchorAll,
  rangesForMatches,
  normalizedText,
  type AnchorMatch,
  type AnchorMethod,
  type AnchorOptions,
  type AnchorItem,
  type AnchorAllOptions,
} from './anchor';
export { normalize } from './normalize';
export { runSteps, sortSteps, type Steps } from './steps';
