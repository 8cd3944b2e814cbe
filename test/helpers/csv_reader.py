"""Reads CSV files with Python's csv module (strict, as a spreadsheet import would) and prints JSON.

Usage: /usr/bin/python3 csv_reader.py FILE ...
Prints {FILE: [row as {column: cell}, ...]} or {FILE: {"error": "..."}}; the output is ASCII JSON.
Files are read as strict UTF-8 with newline="" so CR and LF inside quoted cells stay as written.
"""
import csv
import json
import sys

from graphml_readers import each


def read(path):
    with open(path, encoding="utf-8", errors="strict", newline="") as f:
        return list(csv.DictReader(f, strict=True))


def main():
    print(json.dumps(each((path, lambda path=path: read(path)) for path in sys.argv[1:])))


if __name__ == "__main__":
    main()
