import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aliasName,
  aliasOf,
  checkClientName,
  clientKeyFor,
  formatAliases,
  parseAliases,
  parseReaders,
  possessive,
  sameClientName,
  withAliases,
} from '../../src/core/clients/clients';

describe('client keys and names', () => {
  it('makes a readable ASCII key from the name, never one already taken', () => {
    expect(clientKeyFor('Northwind Outfitters', [])).toBe('northwind-outfitters');
    expect(clientKeyFor('Ácme & Co.', [])).toBe('acme-co');
    expect(clientKeyFor('安踏', [])).toBe('client');
    expect(clientKeyFor('Acme', ['acme', 'acme-2'])).toBe('acme-3');
  });

  it('takes look-alike names for the same brand, and different brands apart', () => {
    expect(sameClientName('ACME.', 'acme')).toBe(true);
    expect(sameClientName(' Ácme ', 'Acme')).toBe(true);
    expect(sameClientName('Acme Europe', 'Acme')).toBe(false);
    expect(() => checkClientName('...')).toThrow(/has no letter or digit/);
    expect(checkClientName('安踏')).toBe('安踏');
  });

  it('writes possessives as the messages use them', () => {
    expect(possessive('Northwind')).toBe('Northwind’s');
    expect(possessive('Northwind Outfitters')).toBe('Northwind Outfitters’');
  });
});

describe('reader lists, as agents paste them', () => {
  it('reads lines, commas, a mail program’s "Name <address>" and mailto:, lower-cased, each once', () => {
    expect(parseReaders('QA@Brand.example, buyer@brand.example\nqa@brand.example')).toEqual(['qa@brand.example', 'buyer@brand.example']);
    expect(parseReaders('Jane Doe <Jane@Brand.example>, mailto:boss@brand.example')).toEqual(['jane@brand.example', 'boss@brand.example']);
  });

  it('reads Outlook’s "Doe, Jane <…>; Roe, Rick <…>": with semicolons, a comma is part of a name', () => {
    expect(parseReaders('Doe, Jane <jane@brand.example>; Roe, Rick <rick@brand.example>')).toEqual([
      'jane@brand.example',
      'rick@brand.example',
    ]);
  });

  it('names every entry that is not an address', () => {
    expect(() => parseReaders('qa@brand.example, not-an-address, also bad')).toThrow(
      'readers: "not-an-address", "also bad" are not email addresses.',
    );
    expect(() => parseReaders(Array.from({ length: 101 }, (_, i) => `r${i}@brand.example`))).toThrow(/at most 100/);
  });
});

describe('factory aliases', () => {
  it('names suppliers A to Z, then AA', () => {
    expect([0, 1, 25, 26, 27].map(aliasName)).toEqual(['Supplier A', 'Supplier B', 'Supplier Z', 'Supplier AA', 'Supplier AB']);
  });

  it('never renames a supplier once aliased, whatever factories come later, and gives each factory one alias', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom('Huadu', 'HUADU ', 'Ningbo', 'Dongguan', 'Xiamen', 'Shenzhen'), { maxLength: 5 }), {
          maxLength: 6,
        }),
        (batches) => {
          let aliases = withAliases([], []);
          for (const batch of batches) {
            const next = withAliases(aliases, batch);
            // Every alias given before is kept, for the same factory.
            expect(next.slice(0, aliases.length)).toEqual(aliases);
            aliases = next;
          }
          expect(new Set(aliases.map((a) => a.alias)).size).toBe(aliases.length);
          for (const a of aliases) expect(aliases.filter((b) => sameClientName(a.factory, b.factory))).toHaveLength(1);
          // They survive being written to RD Clients and read back.
          expect(parseAliases(formatAliases(aliases))).toEqual(aliases);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds a factory’s alias however its name is typed', () => {
    const aliases = withAliases([], ['Huadu Leather Goods', 'Ningbo Bags']);
    expect(aliasOf(aliases, 'HUADU leather goods')).toBe('Supplier A');
    expect(aliasOf(aliases, 'Ningbo Bags')).toBe('Supplier B');
  });
});
