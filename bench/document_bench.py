"""What reading a document's words costs: generated PDFs and slide decks of growing size.

For each size it builds a real PDF (network/demo/pdfs.py) of that many full pages, then
times network.resources.extraction.extract() over it and records the peak memory Python
allocated while reading (tracemalloc), and the characters kept. It reports, it does not
judge. Reading stops at MAX_PAGES pages or MAX_CHARACTERS characters (extraction.py),
whichever comes first; "kept" is the pages whose words were kept. Usage:

    .venv/bin/python bench/document_bench.py --pages 10 100 500
"""

import argparse
import io
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

LINE = "Referrals were compared month by month, with the median wait to first contact. "


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[10, 100, 500])
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network.settings.dev")
    import django

    django.setup()
    from network.demo.pdfs import pdf_bytes
    from network.resources import extraction

    extraction.extract(io.BytesIO(pdf_bytes(["warm up"])), "warm.pdf")  # imports pypdf
    print(
        f"{'pages':>6} {'file KB':>8} {'read s':>8} {'pages/s':>8} {'peak MB':>8} "
        f"{'chars kept':>10} {'kept':>6}"
    )
    for count in args.pages:
        data = pdf_bytes([f"Page {n}. " + LINE * 40 for n in range(1, count + 1)])
        tracemalloc.start()
        started = time.perf_counter()
        found = extraction.extract(io.BytesIO(data), "report.pdf")
        seconds = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert found.is_searchable
        characters = sum(len(text) for text in found.pages)
        print(
            f"{count:>6} {len(data) / 1024:>8.0f} {seconds:>8.2f} {count / seconds:>8.0f} "
            f"{peak / 2**20:>8.1f} {characters:>10,} {len(found.pages):>6}"
            f"{' (bounded)' if found.truncated else ''}"
        )


if __name__ == "__main__":
    main()
