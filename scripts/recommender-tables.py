#!/usr/bin/env python3
"""Prints the tables of a next-item report (registry next-item/N/report/index.html) as Markdown, for the README.

usage: scripts/recommender-tables.py MODELS/next-item/N/report/index.html
The comparison keeps Recall@20 with its 95% interval and the means of the other columns; the daily protocol's
by-day table is printed as it is.
"""
import html
import re
import sys

KEEP = ["method", "recall_at_20", "mrr_at_20", "ndcg_at_20", "recall_at_10", "coverage", "pop. bias", "conv. hit @20", "/ oracle R@20", "/ oracle MRR@20", "fit s", "eval s"]


def cells(row):
    return [html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<b>(.*?)</b>", r"**\1** (chosen)", c))).strip() for c in re.findall(r"<t[hd]>(.*?)</t[hd]>", row, re.S)]


def main(path):
    page = open(path, encoding="utf-8").read()
    for n, table in enumerate(re.findall(r"<table>(.*?)</table>", page, re.S)):
        rows = [cells(r) for r in re.findall(r"<tr>(.*?)</tr>", table, re.S)]
        header, body = rows[0], rows[1:]
        if n == 0:
            index = [header.index(k) for k in KEEP]
            header = [header[i] for i in index]
            body = [[r[i] if header[j] in ("method", "recall_at_20") else r[i].split(" [")[0] for j, i in enumerate(index)] for r in body]
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for r in body:
            print("| " + " | ".join(r) + " |")
        print()


if __name__ == "__main__":
    main(sys.argv[1])
