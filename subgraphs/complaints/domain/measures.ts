import { percentHalfUp } from '../../../kernel/percent';

/** How measures are grouped: per compound, company, street, category, governance model, or all orders in reach. */
export const MEASURE_GROUPS = ['COMPOUND', 'COMPANY', 'STREET', 'CATEGORY', 'GOVERNANCE_MODEL', 'ALL'] as const;
export type MeasureGroup = (typeof MEASURE_GROUPS)[number];

/** A rate with what it is made of, so a reader can check it (like the collection rates). */
export interface Rate {
  numerator: number;
  denominator: number;
  /** Percent with one decimal, half up; null when nothing is counted. */
  percent: string | null;
}

export const rate = (numerator: number, denominator: number): Rate => ({
  numerator,
  denominator,
  percent: denominator > 0 ? percentHalfUp(numerator, denominator, 1) : null,
});

/** The counts one group of orders gives, as set-based SQL returns them (persistence/complaint-measures.sql.ts). */
export interface OrderCounts {
  orders: number;
  /** Orders whose respond-by time has passed or that were answered: the response rate's denominator. */
  dueForResponse: number;
  respondedInTime: number;
  closed: number;
  closedResolved: number;
  rated: number;
  satisfied: number;
  /** Orders of a caller and item already called about before (same compound). */
  repeats: number;
  households: number;
  /**
   * The orders of the households counted: those in the reader's divisions. A bureau's orders escalated to it from
   * another district, or a company's from streets it does not cover, have no households here: before, they were
   * set over the reader's own households, and a company saw no rate beside the compounds it had orders at.
   */
  ordersOfHouseholds: number;
}

export interface Measures {
  orders: number;
  response: Rate;
  resolution: Rate;
  satisfaction: Rate;
  repeatOrders: number;
  perHundredHouseholds: Rate;
}

/** No orders counted, over `households` households. */
export const noOrderCounts = (households = 0): OrderCounts => ({
  orders: 0,
  dueForResponse: 0,
  respondedInTime: 0,
  closed: 0,
  closedResolved: 0,
  rated: 0,
  satisfied: 0,
  repeats: 0,
  households,
  ordersOfHouseholds: 0,
});

/**
 * The three rates of 接诉即办 as the hub defines them (the city's official scoring formula is not in the seeds):
 * response = answered (accepted) by the respond-by time / orders due for a response; resolution = closed with the
 * caller confirming it resolved / closed; satisfaction = satisfied or basically satisfied / closed with a verdict.
 * Orders per 100 households: numerator the orders of those households, denominator the households on the register,
 * `percent` = orders per 100.
 */
export function measures(c: OrderCounts): Measures {
  return {
    orders: c.orders,
    response: rate(c.respondedInTime, c.dueForResponse),
    resolution: rate(c.closedResolved, c.closed),
    satisfaction: rate(c.satisfied, c.rated),
    repeatOrders: c.repeats,
    // orders / households as a percentage is the number of orders per 100 households.
    perHundredHouseholds: rate(c.ordersOfHouseholds, c.households),
  };
}
