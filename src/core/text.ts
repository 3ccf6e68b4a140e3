import { InputError } from './errors';

/** How user-typed names are compared: case, punctuation and spacing do not matter; US spelling is read as UK. */
export function nameKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/colou?r/g, 'colour')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

export interface Named {
  id: string;
  name: string;
  aliases: readonly string[];
}

/** Items users pick by name: the catalogue's defect types, the split table's causes, concession grades. */
export interface NamedTable<T extends Named> {
  items: readonly T[];
  /** The item by its id, name or any alias (see nameKey); an InputError that lists the names otherwise. */
  find(name: string): T;
}

/** `unknown` words the error: given the name asked for and the items' names, lower case. */
export function namedTable<T extends Named>(items: readonly T[], unknown: (asked: string, names: string) => string): NamedTable<T> {
  const index = new Map<string, T>();
  for (const item of items) for (const name of [item.id, item.name, ...item.aliases]) index.set(nameKey(name), item);
  const names = items.map((item) => item.name.toLowerCase()).join(', ');
  return {
    items,
    find(name: string): T {
      const item = index.get(nameKey(name));
      if (!item) throw new InputError(unknown(name, names));
      return item;
    },
  };
}
