// Where the review sheet lives. Its rows come from the pure core (src/core/match/review.ts) and
// are written by io/xlsx-write's toXlsx like every other workbook for people.
export const REVIEW_FILE = 'out/match-review.xlsx';
