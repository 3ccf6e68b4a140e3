import { namedTable } from '../text';
import type { NamedTable } from '../text';
import { nonNegative } from '../checks';

/** Who caused the defect decides who pays for the rework: the factory's share of each cost component. */
export interface CostSplit {
  id: string;
  name: string;
  aliases: readonly string[];
  /** Factory share (0–1) of direct rework labour. */
  labour: number;
  /** Factory share of other rework costs: consumables, replacement parts, QC allocation. */
  other: number;
  /** Factory share of repacking. */
  repacking: number;
  /** Why, in the protocol's words. */
  rule: string;
}

/** The protocol's split table (Step 4). One place: the tracker's settings start from it. */
export const COST_SPLITS: readonly CostSplit[] = [
  {
    id: 'material-substitution',
    name: 'Material substitution',
    aliases: ['substitution', 'material substituted', 'wrong material'],
    labour: 1,
    other: 1,
    repacking: 1,
    rule: 'the factory used other materials than specified without written approval: factory pays 100%',
  },
  {
    id: 'workmanship',
    name: 'Workmanship',
    aliases: ['workmanship error', 'workmanship errors', 'poor workmanship'],
    labour: 1,
    other: 1,
    repacking: 1,
    rule: 'workmanship errors: factory pays 100%',
  },
  {
    id: 'process-deviation',
    name: 'Process deviation',
    aliases: ['process', 'skipped checkpoint', 'process error'],
    labour: 1,
    other: 1,
    repacking: 1,
    rule: 'the production team deviated from the specified process: factory pays 100%',
  },
  {
    id: 'specification-ambiguity',
    name: 'Specification ambiguity',
    aliases: ['ambiguous specification', 'spec ambiguity', 'unclear specification', 'tech pack ambiguity'],
    labour: 0.5,
    other: 0.5,
    repacking: 0.5,
    rule: 'the tech pack left the point open: shared 50/50',
  },
  {
    id: 'approved-sample-deviation',
    name: 'Approved sample deviation',
    aliases: ['approved sample', 'sample deviation', 'variable approved sample'],
    labour: 0.7,
    other: 0.7,
    repacking: 0.7,
    rule: 'bulk matched an inherently variable approved sample: factory 70%, buyer 30%',
  },
  {
    id: 'buyer-supplied-material',
    name: 'Buyer-supplied material',
    aliases: ['buyer supplied', 'buyer material', 'material supplied by buyer', 'buyer supplied material'],
    labour: 0,
    other: 0,
    repacking: 1,
    rule: 'the buyer’s own material caused it: buyer pays direct rework labour and replacement material, factory absorbs repacking',
  },
];

export type SplitTable = NamedTable<CostSplit>;

/** A split table with its name lookup; the protocol's by default, a user-edited one later. */
export function splitTable(splits: readonly CostSplit[] = COST_SPLITS): SplitTable {
  return namedTable(splits, (asked, names) => `unknown cause "${asked}"; known causes: ${names}.`);
}

export interface ReworkCosts {
  directLabour: number;
  otherCosts?: number;
  repacking?: number;
}

export interface Allocation {
  cause: CostSplit;
  factory: number;
  buyer: number;
  total: number;
}

/** Splits the rework bill between factory and buyer by cause; the two shares always add up to the total. */
export function allocateRework(cause: CostSplit, costs: ReworkCosts): Allocation {
  const other = costs.otherCosts ?? 0;
  const repacking = costs.repacking ?? 0;
  nonNegative('direct labour', costs.directLabour);
  nonNegative('other costs', other);
  nonNegative('repacking', repacking);
  const total = costs.directLabour + other + repacking;
  const factory = costs.directLabour * cause.labour + other * cause.other + repacking * cause.repacking;
  return { cause, factory, buyer: total - factory, total };
}
