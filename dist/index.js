// The library surface: the solver is also reachable as 'mentorship/solver'.
export { main } from './main.js';
export { solveAssignment } from './core/match/solver.js';
