import { InputError } from '../errors';
import { personKey } from '../people';

/**
 * Brand clients: the key a client keeps for good, the addresses that may read its view, and the
 * stable alias each factory gets in a view that keeps factories confidential.
 */

/** A key from the client's name when first saved: readable, ASCII, and never reused or changed. */
export function clientKeyFor(name: string, taken: readonly string[]): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 24)
      .replace(/-+$/, '') || 'client';
  const used = new Set(taken.map((k) => k.toLowerCase()));
  if (!used.has(slug)) return slug;
  let n = 2;
  while (used.has(`${slug}-${n}`)) n++;
  return `${slug}-${n}`;
}

/** Two client names a person would take for the same brand ("ACME", "Acmé ", "acme."). */
export function sameClientName(a: string, b: string): boolean {
  const key = personKey(a);
  return key !== '' && key === personKey(b);
}

// Deliberately plain: Drive is the judge of an address; this catches typos such as a missing @.
const EMAIL = /^[^\s@,;<>()"]+@[^\s@,;<>()"]+\.[^\s@,;<>()".]{2,}$/;

/** The most readers a view is shared with: Drive slows sharing past this, and a list this long is a mistake. */
export const MAX_READERS = 100;

/**
 * Reader addresses from a list or from text separated by commas, semicolons or new lines, as
 * copied from a mail program too ("Jane Doe <jane@brand.example>"): lower-cased, each once.
 */
export function parseReaders(input: string | readonly string[]): string[] {
  // Outlook separates with ";" and puts commas inside names ("Doe, Jane <jane@…>"): commas split only without semicolons.
  const split = (text: string) => text.split(text.includes(';') ? /[;\n]/ : /[,;\n]/);
  const parts = (typeof input === 'string' ? split(input) : input)
    .map((s) => String(s).trim())
    .filter(Boolean)
    .map((p) => (/<([^<>]+)>$/.exec(p)?.[1] ?? p).trim().replace(/^mailto:/i, ''));
  const bad = parts.filter((p) => !EMAIL.test(p));
  if (bad.length) {
    throw new InputError(
      `readers: ${bad.map((b) => `"${b}"`).join(', ')} ${bad.length > 1 ? 'are not email addresses' : 'is not an email address'}.`,
    );
  }
  const readers = [...new Set(parts.map((p) => p.toLowerCase()))];
  if (readers.length > MAX_READERS)
    throw new InputError(`readers: a client view is shared with at most ${MAX_READERS}; ${readers.length} were listed.`);
  return readers;
}

/** "Northwind's", "Outfitters'": a name's possessive, as the desk's messages use it. */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}’` : `${name}’s`;
}

/** A client's name: something a person can tell apart, so at least one letter or digit. */
export function checkClientName(name: string): string {
  if (!/[\p{L}\p{N}]/u.test(name)) throw new InputError(`client (brand): "${name}" has no letter or digit; give the brand's name.`);
  return name;
}

/** "Supplier A" … "Supplier Z", "Supplier AA" …: the n-th alias (0-based). */
export function aliasName(n: number): string {
  let letters = '';
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) letters = String.fromCharCode(65 + ((i - 1) % 26)) + letters;
  return `Supplier ${letters}`;
}

/** Factory → alias, as stored on the client's row: one "Supplier A = Factory name" a line. */
export type Aliases = ReadonlyArray<{ alias: string; factory: string }>;

export function parseAliases(text: string): Aliases {
  return text
    .split('\n')
    .map((line) => /^(Supplier [A-Z]+) = (.+)$/.exec(line.trim()))
    .flatMap((m) => (m ? [{ alias: m[1], factory: m[2] }] : []));
}

export function formatAliases(aliases: Aliases): string {
  return aliases.map((a) => `${a.alias} = ${a.factory}`).join('\n');
}

/**
 * The aliases with every factory given one: a factory seen before keeps its alias (matched as a
 * person would match the name), a new one gets the next unused letter — so deleting or moving a
 * case never renames another's supplier.
 */
export function withAliases(aliases: Aliases, factories: readonly string[]): Aliases {
  const out = [...aliases];
  const used = new Set(out.map((a) => a.alias));
  let next = 0;
  for (const factory of factories) {
    if (!personKey(factory) || out.some((a) => sameClientName(a.factory, factory))) continue;
    while (used.has(aliasName(next))) next++;
    // Kept on one line, as RD Clients stores it: a name typed with line breaks or extra spaces reads back the same.
    out.push({ alias: aliasName(next), factory: factory.replace(/\s+/g, ' ').trim() });
    used.add(aliasName(next));
  }
  return out;
}

export function aliasOf(aliases: Aliases, factory: string): string {
  return aliases.find((a) => sameClientName(a.factory, factory))?.alias ?? 'Supplier';
}
