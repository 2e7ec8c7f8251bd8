// The export core: Interview and highlights to Markdown, text-fragment links, file names, zips.

export { renderInterview } from './interview';
export { renderHighlights, tagText, type HighlightExportOptions } from './highlights';
export {
  renderLibraryZip,
  libraryFiles,
  relativeTarget,
  INDEX_FILE,
  type LibraryEntry,
  type LibraryFile,
} from './zip';
export { fileNameFor, FileNamer, MAX_FILE_NAME } from './file-name';
export { escapeMarkdownInline, escapeMarkdownBlock, yamlString, safeLinkUrl, markdownLink } from './escape';
export {
  fragmentFromRange,
  fragmentFromText,
  fallbackFragmentUrl,
  directiveFromText,
  formatDirective,
  encodeDirectivePart,
  wordAlignedRange,
  type TextDirective,
} from './text-fragment';
