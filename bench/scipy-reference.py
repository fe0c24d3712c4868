# scipy's linear_sum_assignment on a bench instance written by solver.bench.ts, for comparison only.
# Input: a little-endian float64 file of S x M scores (-inf = forbidden) and the mentors' places.
# Each mentor becomes one column per place; matching as many students as possible comes first (a
# bonus far above any score), as in our objective. Prints one JSON line: seconds, matched, total.
import json, sys, time
import numpy as np
from scipy.optimize import linear_sum_assignment

path, S, M, caps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4])
scores = np.fromfile(path, dtype='<f8').reshape(S, M)
cols = np.repeat(np.arange(M), caps)
t0 = time.perf_counter()
expanded = scores[:, cols]
forbidden = np.isneginf(expanded)
BONUS = 1e6
weights = np.where(forbidden, -BONUS, expanded + BONUS)
rows, chosen = linear_sum_assignment(weights, maximize=True)
seconds = time.perf_counter() - t0
ok = ~forbidden[rows, chosen]
print(json.dumps({"seconds": round(seconds, 3), "matched": int(ok.sum()), "total": float(expanded[rows, chosen][ok].sum())}))
