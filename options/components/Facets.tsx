import { useState } from 'preact/hooks';
import { colorName } from '../../src/settings';
import type { FacetCount } from '../logic/apply-filters';
import type { LibraryFilters } from '../logic/filters';
import type { LibraryModel } from '../model';
import { siteLabel } from './format';

/** Longer lists show their most frequent entries first and the rest on request. */
const SHORT_LIST = 8;

interface ListProps<T extends string> {
  title: string;
  items: readonly FacetCount<T>[];
  chosen: string | null;
  labelOf?: (value: T) => string;
  swatch?: boolean;
  onChoose(value: T | null): void;
}

function FacetList<T extends string>({ title, items, chosen, labelOf, swatch, onChoose }: ListProps<T>) {
  const [all, setAll] = useState(false);
  if (items.length === 0) return null;
  const shown = all ? items : items.slice(0, SHORT_LIST);
  // The chosen entry stays in view even when it is not among the first.
  const extra =
    chosen !== null && !shown.some((i) => i.value === chosen)
      ? items.find((i) => i.value === chosen)
      : undefined;
  const id = `facet-${title.toLowerCase()}`;
  return (
    <section class="facet" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul>
        {[...shown, ...(extra ? [extra] : [])].map((i) => {
          const on = chosen === i.value;
          const label = labelOf ? labelOf(i.value) : i.value;
          return (
            <li key={i.value}>
              <button
                type="button"
                aria-pressed={on}
                onClick={() => onChoose(on ? null : i.value)}
                title={label}
              >
                {swatch && <span class={`swatch color-${i.value}`} aria-hidden="true" />}
                <span class="facet-label">{label}</span>
                <span class="facet-count">{i.count}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {items.length > SHORT_LIST && (
        <button type="button" class="more" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? 'Fewer' : `All ${items.length} ${title.toLowerCase()}`}
        </button>
      )}
    </section>
  );
}

/** Sites, tags, interviewees and colours with their counts: one click filters, a second clears. */
export function Facets({ model }: { model: LibraryModel }) {
  const c = model.facets.value;
  const f = model.filters.value;
  const set = (patch: Partial<LibraryFilters>) => model.setFilters(patch);
  return (
    <nav class="facets" aria-label="Filter by">
      <FacetList
        title="Sites"
        items={c.sites}
        chosen={f.site}
        labelOf={siteLabel}
        onChoose={(site) => set({ site })}
      />
      <FacetList
        title="Interviewees"
        items={c.interviewees}
        chosen={f.interviewee}
        onChoose={(interviewee) => set({ interviewee })}
      />
      <FacetList
        title="Tags"
        items={c.tags}
        chosen={f.tag}
        labelOf={(t) => `#${t}`}
        onChoose={(tag) => set({ tag })}
      />
      <FacetList
        title="Colours"
        items={c.colors}
        chosen={f.color}
        labelOf={(color) => colorName(model.settings.value, color)}
        swatch
        onChoose={(color) => set({ color })}
      />
    </nav>
  );
}
