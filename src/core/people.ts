/**
 * When two written names are the same person: the rule that keeps the re-inspector from being the
 * OQC inspector under another spelling. Compared after Unicode NFKC (full-width letters), with
 * zero-width characters removed, accents and case folded, and spaces and punctuation dropped — so
 * "Li  Wei", "Ｌｉ Ｗｅｉ", "Li-Wei", "Li Wei." "LiWei" and "Lì Wei" are all Li Wei.
 */
export function personKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

export function samePerson(a: string, b: string): boolean {
  const key = personKey(a);
  return key !== '' && key === personKey(b);
}
