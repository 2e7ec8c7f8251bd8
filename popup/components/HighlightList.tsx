import { Count } from './Count';
import { useModel } from './context';
import { HighlightItem } from './HighlightItem';

export function HighlightList() {
  const model = useModel();
  const placed = model.placedHighlights.value;
  const orphans = model.orphanHighlights.value;
  const total = model.highlights.value.length;
  const filtering = model.terms.value.length > 0;
  return (
    <section class="on-page" aria-labelledby="on-page-heading">
      <h2 id="on-page-heading">
        On this page <Count shown={placed.length + orphans.length} total={total} filtering={filtering} />
      </h2>
      {total === 0 ? (
        <p class="empty">Nothing saved here yet: save a question below, or select text on the page.</p>
      ) : placed.length === 0 && orphans.length === 0 && filtering ? (
        <p class="empty">No highlight matches “{model.query.value}”.</p>
      ) : null}
      {placed.length > 0 ? (
        <ul class="highlights" aria-label="Highlights on this page">
          {placed.map((h) => (
            <HighlightItem key={h.id} highlight={h} onPage={true} />
          ))}
        </ul>
      ) : null}
      {orphans.length > 0 ? (
        <section class="orphans" aria-labelledby="orphans-heading">
          <h3 id="orphans-heading">Not found on the page</h3>
          <p class="hint">The page changed since these were saved. They are kept, and still exported.</p>
          <ul class="highlights" aria-label="Highlights not found on the page">
            {orphans.map((h) => (
              <HighlightItem key={h.id} highlight={h} onPage={false} />
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
