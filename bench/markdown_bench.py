"""What member Markdown costs to render, for ordinary text and for text built to be slow.

Rendering happens once, when a reflection or comment is saved, so this is the cost a
save pays. Each input is rendered a few times and the median printed with the input's
length; the pathological rows should grow with length, not with its square. Usage:

    .venv/bin/python bench/markdown_bench.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network.settings.test")

import django

django.setup()

from network.text.sanitiser import markdown_to_html  # noqa: E402

ORDINARY = (
    "## What we tried\n\nJoint **supervision** every month with the [guide]"
    "(https://example.org/guide).\n\n- one\n- two\n\n> A quote from a peer worker.\n\n"
)
INPUTS = {
    "ordinary reflection": lambda n: (ORDINARY * n)[: n * 20],
    "unclosed images ![": lambda n: "![" * (n // 2),
    "unclosed brackets [[": lambda n: "[[" * (n // 2),
    "unclosed link addresses [x](": lambda n: "[x](" * (n // 4),
    "unclosed tags <a": lambda n: "<a " * (n // 3),
    "nested list, 2 spaces a level": lambda n: "".join(
        "  " * level + "- x\n" for level in range(int((n / 2) ** 0.5))
    ),
}
SIZES = (4_000, 20_000)


def median_ms(source, repeats=3):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        markdown_to_html(source)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main():
    print(f"{'input':32} " + " ".join(f"{size:>9,} ch" for size in SIZES) + "  ratio")
    for name, make in INPUTS.items():
        row = [median_ms(make(size)[:size]) for size in SIZES]
        print(f"{name:32} " + " ".join(f"{ms:9.1f} ms" for ms in row) + f"  {row[1] / row[0]:5.1f}")
    longer = SIZES[1] // SIZES[0]
    print(f"(text {longer}x longer: linear gives a ratio near {longer}, quadratic {longer**2})")


if __name__ == "__main__":
    main()
