// The library page builds a full load's list and facets in slices
// (options/model.ts); these show the sliced build gives what the one-shot
// functions give, on a generated library and under filters.

import { describe, expect, it } from 'vitest';
import {
  facetCounts,
  facetCountsSteps,
  filterHighlights,
  filterHighlightsSteps,
} from '../../options/logic/apply-filters';
import { EMPTY_FILTERS } from '../../options/logic/filters';
import {
  flattenRows,
  groupLibrary,
  listingSteps,
  narrowListing,
  narrowToHits,
  rankedList,
  placeHighlights,
  visibleOrder,
} from '../../options/logic/grouping';
import { runSliced } from '../../src/anchor';
import { ARTICLE_SORTS } from '../../src/order';
import { generateLibrary } from '../../src/store/generate';
import { SearchIndex } from '../../src/store/search';

const g = generateLibrary(60, 2_000, 3);
const articles = new Map(g.articles.map((a) => [a.key, a]));
// sliceMs 0 yields to the event loop at every step, the most a build can be cut up.
const sliced = { sliceMs: 0 };

describe('the library built in slices', () => {
  it('groups, places, flattens and orders as the one-shot functions do, for every sort', async () => {
    for (const sort of ARTICLE_SORTS) {
      const listing = await runSliced(listingSteps(articles, g.highlights, sort), sliced);
      const groups = groupLibrary(articles, g.highlights, sort);
      expect(listing.groups).toEqual(groups);
      expect(listing.rows).toEqual(flattenRows(groups));
      expect(listing.order).toEqual(visibleOrder(groups));
      const placement = placeHighlights(groups);
      expect(listing.placement.index).toEqual(placement.index);
      expect(listing.placement.group).toEqual(placement.group);
      expect(listing.placement.question).toEqual(placement.question);
    }
  });

  it('narrows to hits into the rows and order flattening the narrowed groups gives, reusing the listing rows', async () => {
    const listing = await runSliced(listingSteps(articles, g.highlights, 'clipped'), sliced);
    const placement = listing.placement;
    placement.highlight.forEach((h, i) => {
      const row = listing.rows[placement.row[i]!]!;
      expect(row.kind === 'highlight' && row.highlight).toBe(h);
      expect(listing.rows[placement.questionRow[i]!]!.kind).toBe('question');
    });
    // Every third highlight, scored by where it falls, so interviews reorder.
    const hits = g.highlights.filter((_, i) => i % 3 === 0).map((h, i) => ({ id: h.id, score: (i * 7) % 5 }));
    const narrowed = narrowListing(listing, rankedList(hits));
    const groups = narrowToHits(listing.groups, new Map(hits.map((h) => [h.id, h])));
    expect(narrowed.groups).toEqual(groups);
    expect(narrowed.rows).toEqual(flattenRows(groups));
    expect(narrowed.order).toEqual(visibleOrder(groups));
    const own = new Set(listing.rows);
    for (const r of narrowed.rows) if (r.kind !== 'article') expect(own.has(r)).toBe(true);
    expect(narrowed.hitOf(hits[4]!.id)).toBe(hits[4]);
    expect(narrowed.hitOf(g.highlights[1]!.id)).toBeUndefined();
  });

  it("narrows by the store's slot numbers as by the hits themselves, also under filters and after the index changes", async () => {
    const shown = g.highlights.filter((_, i) => i % 2 === 0);
    const listing = await runSliced(listingSteps(articles, shown, 'clipped'), sliced);
    const same = (
      ranked: ReturnType<SearchIndex['search']>['ranked'],
      hits: ReturnType<SearchIndex['search']>['hits'],
    ) => {
      const a = narrowListing(listing, ranked);
      const b = narrowListing(listing, rankedList(hits));
      expect(a.groups).toEqual(b.groups);
      expect(a.rows).toEqual(b.rows);
      expect(a.order).toEqual(b.order);
      for (const id of b.order.slice(0, 20)) expect(a.hitOf(id)!.id).toBe(id);
    };
    const idx = new SearchIndex(g.articles, g.highlights);
    for (const text of ['culture', 'latency model', 'zzzz']) {
      const r = idx.search({ text });
      same(r.ranked, r.hits);
    }
    // Without the newest highlight every slot moves by one: places worked out for the old numbering would be wrong.
    const fewer = new SearchIndex(g.articles, g.highlights.slice(1));
    const r = fewer.search({ text: 'culture' });
    same(r.ranked, r.hits);
  });

  it('filters and counts facets as the one-shot functions do', async () => {
    const filters = [
      EMPTY_FILTERS,
      { ...EMPTY_FILTERS, tag: 'culture' },
      { ...EMPTY_FILTERS, site: g.articles[0]!.site, hasNote: true },
      { ...EMPTY_FILTERS, color: g.highlights[0]!.color, orphaned: true },
    ];
    for (const f of filters) {
      expect(await runSliced(filterHighlightsSteps(g.highlights, articles, f), sliced)).toEqual(
        filterHighlights(g.highlights, articles, f),
      );
      expect(await runSliced(facetCountsSteps(g.highlights, articles, f), sliced)).toEqual(
        facetCounts(g.highlights, articles, f),
      );
    }
  });
});
