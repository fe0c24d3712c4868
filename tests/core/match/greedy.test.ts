import { describe, expect, it } from 'vitest';
import { greedyAssign } from '../../../src/core/match/greedy.js';

const X = -Infinity;

describe('first come, first served', () => {
  it('lets each student in order take their best allowed mentor with a place', () => {
    // Student 0 takes mentor 1 (the best); student 1 then only has mentor 0; student 2 nothing.
    const scores = Float64Array.from([50, 90, X, 80, 70, X, X, 60, X]);
    expect([...greedyAssign(scores, 3, 3, [1, 1, 0])]).toEqual([1, 0, -1]);
  });

  it('breaks ties by mentor order and respects capacity', () => {
    const scores = Float64Array.from([70, 70, 70, 70, 70, 70]);
    expect([...greedyAssign(scores, 3, 2, [2, 1])]).toEqual([0, 0, 1]);
  });
});
