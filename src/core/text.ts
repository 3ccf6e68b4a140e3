/** How user-typed names are compared: case, punctuation and spacing do not matter; US spelling is read as UK. */
export function nameKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/colou?r/g, 'colour')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** A lookup from every name and alias of some items to the item, by nameKey. */
export function nameIndex<T>(items: readonly T[], namesOf: (item: T) => readonly string[]): Map<string, T> {
  const index = new Map<string, T>();
  for (const item of items) for (const name of namesOf(item)) index.set(nameKey(name), item);
  return index;
}
