/**
 * The commentary collections (`reviews`, `pinned`: content.config.ts), read once per build: every
 * period page asks for them, and each call made Astro go over its content store again and, for a
 * review without commentary, print that the collection is empty (once per period page: 85 times
 * on the 5-year benchmark archive, 170 in two languages). The dev server reads them on each
 * request, so an edited commentary shows at once.
 */
import { type CollectionEntry, getCollection } from 'astro:content';

type Commentary = 'reviews' | 'pinned';

const read = new Map<Commentary, Promise<unknown>>();

/** The entries of a commentary collection: Astro's getCollection, once per build. */
export function commentaryEntries<C extends Commentary>(name: C): Promise<CollectionEntry<C>[]> {
  if (!import.meta.env.PROD) return getCollection(name);
  let entries = read.get(name);
  if (!entries) {
    entries = getCollection(name);
    read.set(name, entries);
  }
  return entries as Promise<CollectionEntry<C>[]>;
}
