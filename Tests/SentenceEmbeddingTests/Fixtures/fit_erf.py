"""Fits the rational erf that Kernels.erf evaluates: erf(z) ~ z * P(z^2) / Q(z^2) on [-4, 4], P of degree 6 and Q
of degree 4 in z^2 (Q's constant term 1), then prints the float32 coefficients and the worst error.

Linearised least squares reweighted by the denominator (Sanathanan-Koerner), then least squares on ever higher
powers of the error to push it towards minimax. Beyond |z| = 4, erf is +-1 to float precision, so z is clamped.
Needs numpy and scipy (the venv of make_reference.py has both):

    /tmp/st/bin/python Tests/SentenceEmbeddingTests/Fixtures/fit_erf.py
"""

import numpy as np
from scipy.optimize import least_squares
from scipy.special import erf

LIMIT = 4.0
P_DEGREE, Q_DEGREE = 6, 4


def rational(coefficients, w):
    p = coefficients[: P_DEGREE + 1]
    q = np.concatenate([[1.0], coefficients[P_DEGREE + 1 :]])
    return np.polyval(p[::-1], w) / np.polyval(q[::-1], w)


def fit():
    z = np.linspace(1e-4, LIMIT, 40_000)
    w, target = z * z, erf(z) / z
    denominator = np.ones_like(w)
    for _ in range(30):
        columns = [np.vander(w, P_DEGREE + 1, increasing=True),
                   -target[:, None] * np.vander(w, Q_DEGREE + 1, increasing=True)[:, 1:]]
        weight = z / np.abs(denominator)  # an error in erf is z times the error in erf(z)/z
        solution, *_ = np.linalg.lstsq(np.hstack(columns) * weight[:, None], target * weight, rcond=None)
        q = np.concatenate([[1.0], solution[P_DEGREE + 1 :]])
        denominator = np.polyval(q[::-1], w)
    for power in (4, 8, 16, 32):
        def residual(c):
            error = z * rational(c, w) - erf(z)
            return np.abs(error) ** (power / 2) * np.sign(error)
        solution = least_squares(residual, solution, xtol=1e-15, ftol=1e-15, gtol=1e-15, max_nfev=4000).x
    return solution.astype(np.float32)


def worst_error(coefficients):
    """Evaluated in float32 with Horner's rule, as Kernels.erf does."""
    x = np.linspace(-6, 6, 2_000_001).astype(np.float32)
    z = np.clip(x, np.float32(-LIMIT), np.float32(LIMIT))
    w = z * z
    p = coefficients[P_DEGREE]
    for c in coefficients[P_DEGREE - 1 :: -1][:P_DEGREE]:
        p = p * w + c
    q = coefficients[-1]
    for c in list(coefficients[P_DEGREE + 1 : -1][::-1]) + [np.float32(1)]:
        q = q * w + c
    return float(np.max(np.abs((z * p / q).astype(np.float64) - erf(x.astype(np.float64)))))


if __name__ == "__main__":
    coefficients = fit()
    print("P (z^0 ... z^12):", [float(c) for c in coefficients[: P_DEGREE + 1]])
    print("Q (z^2 ... z^8):", [float(c) for c in coefficients[P_DEGREE + 1 :]])
    print(f"worst |error| on [-6, 6]: {worst_error(coefficients):.3g}")
