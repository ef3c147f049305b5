"""Writes the clustering fixtures and scikit-learn's answers on them, once, for AnalyticsTests.

Run from the repository root in a throwaway virtual environment:

    python3 -m venv /tmp/skl && /tmp/skl/bin/pip install scikit-learn numpy
    /tmp/skl/bin/python Tests/AnalyticsTests/Fixtures/make_references.py .testdata/lifetimes/CDNOW_sample.txt

Outputs (next to this script): three small seeded data sets as CSV (`id,<feature>,...`) and `references.json`
with, per data set, scikit-learn's k-means inertia for k = 2..6 (`KMeans(n_init=20, random_state=0)`, Lloyd) on
the features as given and z-scored (population SD), stored labelings with their `silhouette_score`, labeling pairs
with their `adjusted_rand_score`, and the k-means inertia on the CDNOW sample's standardised log-RFM features (the
data itself is not committed: the Swift test derives the same features from the file script/bootstrap unpacks).
Re-running it rewrites the same files (numpy's seeded generator; scikit-learn's version is recorded in the JSON).
"""

import datetime
import json
import os
import re
import sys

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_score

HERE = os.path.dirname(os.path.abspath(__file__))
K_RANGE = range(2, 7)
CDNOW_AS_OF = datetime.date(1998, 7, 1)  # the day after the sample's last purchase (1998-06-30)


def blobs(rng):
    """Four isotropic 2-D blobs of different sizes (40 to 160 rows)."""
    centres = [(0.0, 0.0), (6.0, 1.0), (2.0, 7.0), (-5.0, 4.0)]
    sizes = [160, 40, 100, 60]
    parts = [rng.normal(c, 1.0, size=(s, 2)) for c, s in zip(centres, sizes)]
    truth = np.repeat(np.arange(4), sizes)
    return np.vstack(parts), truth


def anisotropic(rng):
    """Three blobs sheared by one linear map (scikit-learn's k-means assumptions example)."""
    centres = [(-4.0, 0.0), (0.0, 3.0), (4.0, -1.0)]
    sizes = [120, 90, 90]
    parts = [rng.normal(c, 1.0, size=(s, 2)) for c, s in zip(centres, sizes)]
    shear = np.array([[0.6, -0.64], [-0.41, 0.85]])
    truth = np.repeat(np.arange(3), sizes)
    return np.vstack(parts) @ shear, truth


def varied(rng):
    """Five 5-D blobs with different spreads (0.5 to 2.5) and sizes (30 to 150), features on different scales."""
    centres = rng.uniform(-8, 8, size=(5, 5))
    spreads = [0.5, 1.0, 1.5, 2.0, 2.5]
    sizes = [150, 30, 90, 60, 70]
    parts = [rng.normal(c, s, size=(n, 5)) for c, s, n in zip(centres, spreads, sizes)]
    scale = np.array([1.0, 10.0, 0.1, 3.0, 1.0])
    truth = np.repeat(np.arange(5), sizes)
    return np.vstack(parts) * scale, truth


def write_csv(name, x):
    # Rows in blob order, ids that do not sort like row order, 9 significant digits: the CSV is the data set.
    path = os.path.join(HERE, name + ".csv")
    header = ["id"] + [f"f{j + 1}" for j in range(x.shape[1])]
    with open(path, "w") as out:
        out.write(",".join(header) + "\n")
        for i, row in enumerate(x):
            out.write(",".join([f"c{(i * 7919) % 100003:05d}"] + [f"{v:.9g}" for v in row]) + "\n")
    # Read back what was written, so every reference is computed on exactly the committed numbers.
    return np.loadtxt(path, delimiter=",", skiprows=1, usecols=range(1, x.shape[1] + 1))


def inertia_per_k(x):
    return [
        {"k": k, "inertia": float(KMeans(n_clusters=k, n_init=20, random_state=0, algorithm="lloyd").fit(x).inertia_)}
        for k in K_RANGE
    ]


def labelings(x, truth, rng):
    """Labelings to score: k-means at k = 2..5, the truth, uniform random, and one with a singleton cluster."""
    result = {}
    for k in range(2, 6):
        result[f"kmeans{k}"] = KMeans(n_clusters=k, n_init=20, random_state=1).fit(x).labels_.tolist()
    result["truth"] = truth.tolist()
    result["random4"] = rng.integers(0, 4, size=len(x)).tolist()
    singleton = truth.copy()
    singleton[0] = truth.max() + 1
    result["singleton"] = singleton.tolist()
    return result


def ari_cases(named, rng):
    n = 60
    cases = [
        ("kmeans3 vs truth", named["kmeans3"], named["truth"]),
        ("kmeans2 vs kmeans5", named["kmeans2"], named["kmeans5"]),
        ("random4 vs truth", named["random4"], named["truth"]),
        ("singleton vs truth", named["singleton"], named["truth"]),
        ("relabelled copy", named["truth"], [(label * 7 + 3) % 11 for label in named["truth"]]),
        ("small random", rng.integers(0, 3, size=n).tolist(), rng.integers(0, 5, size=n).tolist()),
        ("one cluster vs two", [0] * 10, [0] * 5 + [1] * 5),
        ("both one cluster", [0] * 10, [4] * 10),
        ("every point alone", list(range(10)), list(range(10, 20))),
        ("anti-correlated", [0, 0, 1, 1, 2, 2], [0, 1, 2, 0, 1, 2]),
    ]
    return [{"name": name, "a": list(a), "b": list(b), "ari": float(adjusted_rand_score(a, b))} for name, a, b in cases]


def cdnow_features(path):
    """Per customer: log1p of days since the last purchase (as of CDNOW_AS_OF), of the number of purchase days,
    and of the total spend; then z-scored with the population SD. Rows in order of the customer id."""
    days, spend = {}, {}
    with open(path) as lines:
        for line in lines:
            _, customer, date, _, dollars = line.split()
            day = datetime.date(int(date[:4]), int(date[4:6]), int(date[6:])).toordinal()
            days.setdefault(customer, set()).add(day)
            spend[customer] = spend.get(customer, 0.0) + float(dollars)
    rows = []
    for customer in sorted(days, key=int):
        since_last = CDNOW_AS_OF.toordinal() - max(days[customer])
        rows.append([np.log1p(since_last), np.log1p(len(days[customer])), np.log1p(spend[customer])])
    x = np.array(rows)
    return (x - x.mean(axis=0)) / x.std(axis=0)


def main():
    rng = np.random.default_rng(20240616)
    references = {
        "generator": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}",
        "kmeans": "KMeans(n_clusters=k, n_init=20, random_state=0, algorithm='lloyd')",
        "datasets": [],
    }
    for name, make in [("blobs", blobs), ("anisotropic", anisotropic), ("varied", varied)]:
        x, truth = make(rng)
        x = write_csv(name, x)
        named = labelings(x, truth, rng)
        references["datasets"].append({
            "name": name,
            "file": name + ".csv",
            "perK": inertia_per_k(x),
            "perKStandardized": inertia_per_k((x - x.mean(axis=0)) / x.std(axis=0)),
            "silhouettes": [{"name": key, "labels": labels, "silhouette": float(silhouette_score(x, labels))}
                            for key, labels in named.items()],
            "ari": ari_cases(named, rng),
        })
    if len(sys.argv) > 1:
        x = cdnow_features(sys.argv[1])
        references["cdnow"] = {"asOf": CDNOW_AS_OF.isoformat(), "rows": len(x), "perK": inertia_per_k(x)}
    text = json.dumps(references, indent=1)
    # One line per list of numbers (the labelings), so the file stays readable and diffs stay small.
    text = re.sub(r"\[[-0-9,\s]*\]", lambda m: re.sub(r"\s+", "", m.group(0)), text)
    with open(os.path.join(HERE, "references.json"), "w") as out:
        out.write(text + "\n")


if __name__ == "__main__":
    main()
