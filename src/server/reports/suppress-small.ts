// Small-count suppression for published tables (domain README, personal data): a count of 1–4 people or
// sessions in one month, topic, unit or format can point at individuals, so with `suppressSmall` those cells
// become null. Zero identifies nobody and stays. The headline totals and the plan are not suppressed (they are
// what the report is for); note that a table with a single hidden cell can be recovered by subtracting the
// others from the total — this is cell suppression, not full disclosure control.
import type { ReportSummary, ReportSummarySuppressed } from '#domain/schemas/report';

export const SMALL_COUNT_LIMIT = 5;

const hide = (count: number): number | null => (count > 0 && count < SMALL_COUNT_LIMIT ? null : count);

function suppressBucket<
  B extends { sessions: number; participantTurns: number; women: number; ethnicMinority: number },
>(bucket: B) {
  return {
    ...bucket,
    sessions: hide(bucket.sessions),
    participantTurns: hide(bucket.participantTurns),
    women: hide(bucket.women),
    ethnicMinority: hide(bucket.ethnicMinority),
  };
}

export function suppressSmallCounts(summary: ReportSummary): ReportSummarySuppressed {
  return {
    ...summary,
    suppressed: true,
    byMonth: summary.byMonth.map(suppressBucket),
    byTopic: summary.byTopic.map(suppressBucket),
    byUnit: summary.byUnit.map(suppressBucket),
    byFormat: summary.byFormat.map(suppressBucket),
  };
}
