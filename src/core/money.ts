import { InputError } from './errors';

/**
 * Money as recorded: amounts in an ISO 4217 currency, rounded to its minor unit (cents for USD,
 * none for JPY, fils for KWD) where they are written down.
 */

/** Active ISO 4217 codes (funds and precious metals left out). */
const ISO_4217 = new Set(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD ' +
    'CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD ' +
    'GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT ' +
    'LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR ' +
    'NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP ' +
    'STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG ' +
    'XOF XPF YER ZAR ZMW ZWG'
  ).split(' '),
);

const NO_MINOR_UNIT = new Set('BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF'.split(' '));
const THREE_DECIMALS = new Set('BHD IQD JOD KWD LYD OMR TND'.split(' '));

/** The largest amount the desk records: far above any order, far below where arithmetic loses cents. */
export const MAX_AMOUNT = 1e12;

/** A currency as typed ("usd") as its ISO 4217 code, or an error naming what is allowed. */
export function currencyCode(name: string, text: string): string {
  const code = text.trim().toUpperCase();
  if (!ISO_4217.has(code)) throw new InputError(`${name} must be an ISO 4217 currency code such as USD, EUR or CNY; got "${text.trim()}".`);
  return code;
}

/** Decimal places of a currency's minor unit. */
export function minorUnits(currency: string): number {
  return NO_MINOR_UNIT.has(currency) ? 0 : THREE_DECIMALS.has(currency) ? 3 : 2;
}

/** An amount rounded to the currency's minor unit, half away from zero. */
export function roundMoney(amount: number, currency: string): number {
  const scale = 10 ** minorUnits(currency);
  const scaled = Math.abs(amount) * scale;
  // Nudge by a relative epsilon so 1.005 (stored as 1.00499…) rounds as written.
  const rounded = Math.round(scaled * (1 + Number.EPSILON)) / scale;
  return Math.sign(amount) * rounded || 0;
}

/** Digits grouped by thousands, without the runtime's locale data: 14334.5 → "14,334.50" at 2 places. */
export function groupDigits(value: number, places: number): string {
  const [whole, fraction] = Math.abs(value).toFixed(places).split('.');
  const sign = value < 0 && Number(Math.abs(value).toFixed(places)) !== 0 ? '-' : '';
  return sign + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
}

/** An amount as the desk and the workbook show it: "14,334.00 USD", to the currency's minor unit. */
export function formatMoney(amount: number, currency: string): string {
  return `${groupDigits(amount, minorUnits(currency))} ${currency}`;
}
