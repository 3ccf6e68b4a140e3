// "Your inspector is too strict": after a rejection, what the sample says of the lot, and the
// plan's OC curve with the AQL and the observed rate marked — the figures an agent puts to a factory.
import { ocCurve, strictness } from '../../src/core/sampling/oc';
import type { Strictness } from '../../src/core/sampling/oc';
import { h, svg } from '../dom';

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;

/** A probability as people read it: 98.6%, 0.008%, or "less than 0.0001%". */
function chance(p: number): string {
  if (p >= 0.001) return pct(p, 1);
  if (p >= 0.000001) return `${(p * 100).toPrecision(2)}%`;
  return 'less than 0.0001%';
}

function curve(s: Strictness, label: string): SVGElement {
  const W = 270;
  const H = 150;
  const left = 30;
  const bottom = 22;
  const maxRate = Math.max(s.rate * 1.5, s.aqlRate * 4, 0.02);
  const points = ocCurve(s.sampleSize, s.acceptance, maxRate, s.basis);
  const x = (rate: number) => left + ((W - left - 6) * rate) / maxRate;
  const y = (pa: number) => 6 + (H - bottom - 6) * (1 - pa);
  const marker = (rate: number, text: string, cls: string) => [
    svg('line', { x1: x(rate), x2: x(rate), y1: 6, y2: H - bottom, class: cls }),
    svg('text', { x: Math.min(x(rate) + 3, W - 60), y: 16, class: cls }, text),
  ];
  return svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', class: 'oc', 'aria-label': `OC curve of the ${label} plan` },
    svg('title', {}, `OC curve: n ${s.sampleSize}, Ac ${s.acceptance}`),
    svg('line', { x1: left, x2: W - 6, y1: H - bottom, y2: H - bottom, class: 'axis' }),
    svg('line', { x1: left, x2: left, y1: 6, y2: H - bottom, class: 'axis' }),
    svg('text', { x: 2, y: y(1) + 4, class: 'tick' }, '100%'),
    svg('text', { x: 8, y: y(0) + 4, class: 'tick' }, '0%'),
    svg('text', { x: left, y: H - 6, class: 'tick' }, '0'),
    svg('text', { x: W - 36, y: H - 6, class: 'tick' }, pct(maxRate, 0)),
    svg('text', { x: W / 2 - 30, y: H - 6, class: 'tick' }, 'true defect rate'),
    svg('polyline', { points: points.map((p) => `${x(p.rate).toFixed(1)},${y(p.pa).toFixed(1)}`).join(' '), class: 'curve' }),
    ...marker(s.aqlRate, `AQL ${pct(s.aqlRate)}`, 'aql'),
    ...marker(s.rate, `seen ${pct(s.rate)}`, 'seen'),
  );
}

/** One class's figures and curve, for a class whose count reached its Re. */
export function strictnessView(label: string, found: number, plan: { sampleSize: number; acceptance: number; aql: number }): HTMLElement {
  const s = strictness(found, plan);
  return h(
    'section',
    { class: 'strictness', id: `strictness-${label}` },
    h('h3', {}, `Too strict? ${label[0].toUpperCase()}${label.slice(1)}`),
    h('p', {}, `${found} of ${s.sampleSize} → ${pct(s.rate)} of the sample (95%: ${pct(s.low)} to ${pct(s.high)}).`),
    h(
      'p',
      {},
      `A lot truly at AQL ${plan.aql} (${pct(s.aqlRate)}) passes this plan ${chance(s.acceptedAtAql)} of the time, and shows ${found} or more in ${s.sampleSize} ${s.thisManyAtAql < 0.000001 ? '' : 'only '}${chance(s.thisManyAtAql)} of the time.`,
    ),
    curve(s, label),
  );
}
