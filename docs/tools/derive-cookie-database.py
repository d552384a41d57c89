#!/usr/bin/env python3
"""Derives the cookie database the platform ships from the Open Cookie Database's published CSV.

The scanner classifies cookies with the Open Cookie Database (Apache-2.0,
https://github.com/jkwakman/Open-Cookie-Database). The platform ships only its factual columns
(id, platform, category, name, domain, retention, data controller, wildcard): never its Description
or its privacy-portal links. Run from the repository's root:

    docs/tools/derive-cookie-database.py path/to/open-cookie-database.csv

It writes core/src/main/resources/open-cookie-database/cookies.csv, rows in the source's order.
CookieDatabaseTest checks that the shipped copy has exactly these columns.
"""
import csv
import sys

FACTUAL = [
    "ID",
    "Platform",
    "Category",
    "Cookie / Data Key name",
    "Domain",
    "Retention period",
    "Data Controller",
    "Wildcard match",
]
TARGET = "core/src/main/resources/open-cookie-database/cookies.csv"


def main(source):
    with open(source, newline="", encoding="utf-8-sig") as given:
        rows = csv.DictReader(given)
        missing = [c for c in FACTUAL if c not in rows.fieldnames]
        if missing:
            sys.exit(f"Not the Open Cookie Database's layout: no column {missing}")
        with open(TARGET, "w", newline="", encoding="utf-8") as shipped:
            out = csv.writer(shipped, lineterminator="\n")
            out.writerow(FACTUAL)
            for row in rows:
                out.writerow([row[c].strip() for c in FACTUAL])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "open-cookie-database.csv")
