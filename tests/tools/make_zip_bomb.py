#!/usr/bin/env python3
"""Writes tests/fixtures/import/zip-bomb.xlsx: a 300 KB "workbook" whose one sheet inflates to
300 MiB, for the test that `roadmap import` refuses it before inflating it.

    python3 tests/tools/make_zip_bomb.py tests/fixtures/import/zip-bomb.xlsx
"""

import sys
import zipfile

path = sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/import/zip-bomb.xlsx"
with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
    with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
        chunk = b" " * (1024 * 1024)
        for _ in range(300):
            sheet.write(chunk)
print("wrote", path)
