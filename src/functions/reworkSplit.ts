import { allocateRework, splitTable } from '../core/protocol/allocation';
import { BLANK, broadcast, isBlank, toAmount, toText } from './args';
import type { CellValue } from './args';

const SPLITS = splitTable();

/** =REWORK_SPLIT(cause, direct_labour, [other_costs], [repacking]) → factory share, buyer share (one row per cause). */
export function reworkSplit(cause: unknown, directLabour: unknown, otherCosts?: unknown, repacking?: unknown): CellValue[][] {
  return broadcast(
    'REWORK_SPLIT',
    [
      { name: 'cause', value: cause },
      { name: 'direct_labour', value: directLabour },
      { name: 'other_costs', value: otherCosts },
      { name: 'repacking', value: repacking },
    ],
    ([c, labour, other, repack]): CellValue[] => {
      if (isBlank(c) || isBlank(labour)) return [BLANK, BLANK];
      const split = allocateRework(SPLITS.find(toText('cause', c)), {
        directLabour: toAmount('direct_labour', labour),
        otherCosts: isBlank(other) ? 0 : toAmount('other_costs', other),
        repacking: isBlank(repack) ? 0 : toAmount('repacking', repack),
      });
      return [split.factory, split.buyer];
    },
  ).flat();
}
