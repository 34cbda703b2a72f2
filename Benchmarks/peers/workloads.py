"""The five workloads of WORKLOADS.md: one table shared by the peer scripts and the harness
(no imports, no side effects, so bench.py can read it without pinning thread pools)."""

# task: regression (MSE on z-scored target), binary (BCE on a logit), multiclass (softmax CE)
WORKLOADS = {
    "W1": dict(file="house.csv", target="rent", task="regression",
               sizes=[4, 1], lr=0.01, batch=32, epochs=50),
    "W2": dict(file="cancer.csv", target="malignant", task="binary",
               sizes=[30, 1], lr=0.1, batch=16, epochs=200),
    "W3": dict(file="moons.csv", target="label", task="binary",
               sizes=[2, 16, 16, 1], lr=0.1, batch=32, epochs=200),
    "W4": dict(file="digits.csv", target="digit", task="multiclass",
               sizes=[64, 128, 128, 10], lr=0.05, batch=64, epochs=100),
    "W5": dict(file="wide.csv", target="label", task="multiclass",
               sizes=[784, 256, 256, 10], lr=0.05, batch=128, epochs=1),
}
EXPECTED_STEPS = {"W1": 15650, "W2": 7200, "W3": 12600, "W4": 2900, "W5": 469}
