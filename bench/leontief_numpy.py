#!/usr/bin/python3
"""The same Leontief solve and inverse in numpy, on the matrices leontief_bench wrote."""
import sys
import time

import numpy as np


def best(f, reps):
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t0)
    return min(times), out


def main(directory):
    print("n,numpy_solve_s,numpy_inverse_s,x0")
    for n in (500, 2000, 4000):
        reps = 5 if n <= 500 else 3 if n <= 2000 else 2
        raw = np.fromfile(f"{directory}/leontief-{n}.bin", dtype="<f8")
        a = raw[: n * n].reshape(n, n)
        y = raw[n * n:]
        eye = np.eye(n)
        # The same work as cefo: form I - A, then solve x = (I - A)^-1 y, or invert.
        ts, x = best(lambda: np.linalg.solve(eye - a, y), reps)
        ti, _ = best(lambda: np.linalg.inv(eye - a), reps)
        print(f"{n},{ts:.4f},{ti:.4f},{x[0]:.12g}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp")
