"""Reading an outcome file: the upload's own reader against pandas.read_csv, time and memory.

    .venv/bin/python -m benchmarks.pandas_read [--rows 100000] [--repeat 3]

Writes an outcome file as Swedish Excel saves it (Windows-1252, semicolons, decimal comma)
and reads it in a fresh process per way, so each peak is its own:
`upload` is `csv_import.read_upload`: typed columns and every problem, as an upload reads;
`pandas` is `pandas.read_csv(sep=";", decimal=",", encoding="cp1252")` with codes as text:
parsing only, no checks, so the least pandas would cost. The part pandas could take over
while the upload kept its own checks is the splitting into text cells: `split` is that part
of the upload (`csv_text`: encoding, separator, rows a chunk at a time), `pandas-text` is
read_csv with every cell as text, turned into lists of str as the checks need them.
pandas is not a dependency (docs/performance.md): `pip install pandas` first. Reported: the
best wall time of --repeat reads and the process's peak RSS above its RSS after the imports.
Results go to docs/performance.md by hand.
"""

from __future__ import annotations

import argparse
import io
import itertools
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

UNITS = [f"E{i:04d}" for i in range(4_000)]
CODES = [f"I{i:02d}" for i in range(25)]
HEADER = "indikator;organisation;år;period;kön;utfall;prognos;värdestatus;kommentar\r\n"


def _file(rows: int) -> bytes:
    keys = itertools.product(CODES, UNITS, range(2020, 2025), ("T1", "T2", "FY"), ("T", "K", "M"))
    lines = [HEADER]
    for n, (code, unit, year, period, gender) in enumerate(itertools.islice(keys, rows)):
        value = f"{50 + (n % 500) / 10:.1f}".replace(".", ",")
        lines.append(f"{code};{unit};{year};{period};{gender};{value};;ok;\r\n")
    return "".join(lines).encode("cp1252")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measure(way: str, path: Path, repeat: int) -> None:
    """Run in a fresh process: import, then read the file `repeat` times."""
    if way == "upload":
        from dashboard.upload.csv_import import UploadFile, read_upload

        def read(data: bytes) -> int:
            parsed = read_upload(UploadFile(path.name, data))
            assert not parsed.problems, parsed.problems[:3]
            return len(parsed.rows)
    elif way == "split":
        from dashboard.upload.csv_text import csv_table, encoded

        def read(data: bytes) -> int:
            _, table = csv_table(encoded(data))
            return sum(len(chunk.rows) for chunk in table.chunks)
    elif way == "pandas":
        import pandas

        def read(data: bytes) -> int:
            frame = pandas.read_csv(
                io.BytesIO(data),
                sep=";",
                decimal=",",
                encoding="cp1252",
                dtype={"indikator": str, "organisation": str, "period": str, "kön": str},
            )
            return len(frame)
    else:
        import pandas

        def read(data: bytes) -> int:
            frame = pandas.read_csv(
                io.BytesIO(data), sep=";", encoding="cp1252", dtype=str, keep_default_na=False
            )
            columns = [frame[name].tolist() for name in frame.columns]
            return len(columns[0])

    data = path.read_bytes()
    before = _rss_mb()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        rows = read(data)
        times.append(time.perf_counter() - start)
    print(f"{way}\t{rows}\t{min(times):.2f}\t{_rss_mb() - before:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--measure", nargs=2, metavar=("WAY", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        _measure(args.measure[0], Path(args.measure[1]), args.repeat)
        return
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "utfall.csv"
        path.write_bytes(_file(args.rows))
        print(f"{args.rows} rows, {path.stat().st_size / 1e6:.1f} MB")
        print("way\trows\tbest s\tpeak MB above imports")
        for way in ("upload", "pandas", "split", "pandas-text"):
            command = [sys.executable, "-m", "benchmarks.pandas_read", "--repeat"]
            command += [str(args.repeat), "--measure", way, str(path)]
            subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
