#!/usr/bin/env python3
"""Writes nettrain's generated example data sets into data/.

    python3 tools/make_data.py

Python 3 standard library only. Every file comes from its own random.Random(seed),
so a run rewrites the same bytes on any machine.

- data/house.csv, data/house_test.csv: 10,000 and 2,000 rows (one stream, split),
  columns bedrooms,bathrooms,distance,parking,rent with
  rent = 700*bedrooms + 200*bathrooms - 100*distance + 100*parking + N(0, 50^2).
- data/moons.csv: 2,000 points on two interleaving half circles (1,000 per class),
  noise N(0, 0.1^2) on both coordinates, shuffled; columns x1,x2,label. The same
  construction as scikit-learn's make_moons.
"""

import math
import os
import random

HOUSE_SEED = 20240601
MOONS_SEED = 20240602
HOUSE_TRAIN_ROWS = 10_000
HOUSE_TEST_ROWS = 2_000
MOONS_ROWS = 2_000
MOONS_NOISE = 0.1

DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "data")


def house_rows(rng, count):
    """Yields `count` rows of (bedrooms, bathrooms, distance, parking, rent)."""
    for _ in range(count):
        bedrooms = rng.randint(1, 5)
        bathrooms = rng.randint(1, 3)
        distance = round(rng.uniform(0.1, 5.0), 2)
        parking = 1 if rng.random() < 0.5 else 0
        noise = rng.gauss(0.0, 50.0)
        rent = 700 * bedrooms + 200 * bathrooms - 100 * distance + 100 * parking + noise
        yield (f"{bedrooms}", f"{bathrooms}", f"{distance:.2f}", f"{parking}", f"{rent:.2f}")


def linspace(start, stop, count):
    """`count` evenly spaced values from start to stop inclusive, like numpy.linspace."""
    if count == 1:
        return [start]
    step = (stop - start) / (count - 1)
    return [start + i * step for i in range(count)]


def moons_rows(rng, count, noise):
    """Yields `count` shuffled rows of (x1, x2, label) on two interleaving half circles."""
    outer_count = count // 2
    inner_count = count - outer_count
    points = []
    for t in linspace(0.0, math.pi, outer_count):
        points.append((math.cos(t), math.sin(t), 0))
    for t in linspace(0.0, math.pi, inner_count):
        points.append((1.0 - math.cos(t), 1.0 - math.sin(t) - 0.5, 1))
    noisy = [(x + rng.gauss(0.0, noise), y + rng.gauss(0.0, noise), label)
             for x, y, label in points]
    rng.shuffle(noisy)
    for x, y, label in noisy:
        yield (f"{x:.6f}", f"{y:.6f}", f"{label}")


def write_csv(name, header, rows):
    path = os.path.normpath(os.path.join(DATA_DIR, name))
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(",".join(header) + "\n")
        for row in rows:
            out.write(",".join(row) + "\n")
    print(f"wrote {path}")


def main():
    house_header = ("bedrooms", "bathrooms", "distance", "parking", "rent")
    rng = random.Random(HOUSE_SEED)
    rows = list(house_rows(rng, HOUSE_TRAIN_ROWS + HOUSE_TEST_ROWS))
    write_csv("house.csv", house_header, rows[:HOUSE_TRAIN_ROWS])
    write_csv("house_test.csv", house_header, rows[HOUSE_TRAIN_ROWS:])

    rng = random.Random(MOONS_SEED)
    write_csv("moons.csv", ("x1", "x2", "label"), moons_rows(rng, MOONS_ROWS, MOONS_NOISE))


if __name__ == "__main__":
    main()
