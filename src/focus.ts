// Shared by the popup and the library: after a delete, where the keyboard goes.

/** The focus went with what was removed (a deleted row), so the next Tab would start from the top. */
export function focusLost(doc: Document = document): boolean {
  return doc.activeElement === null || doc.activeElement === doc.body;
}
