"""Clean pages on a Dask cluster: a bag of result rows, a dataframe, Parquet.

    from dask.distributed import Client
    import newsclean.dask as ncd

    client = Client("tcp://scheduler:8786")            # or LocalCluster() on one machine
    rows = ncd.articles_bag(["crawl/*.warc.gz", "saved-pages/"])
    ncd.to_parquet(["crawl/*.warc.gz"], "articles.parquet")

Rows are exactly what the ``newsclean`` command writes as JSONL (``newsclean.batch``): each
input file is one partition, read and cleaned on a worker; only file paths travel from the
client, so every worker must see the same paths (a shared file system or object store
mounted at the same place). Needs the ``dask`` extra: ``pip install 'newsclean[dask]'``.

The dataframe's index is each row's ``source`` — the file's path, or ``path#n`` for the n-th
record of a WARC — so a row maps back to its input and ``frame.loc[source]`` finds it. It is
unique unless the same file is given twice. Each partition sets its own index, so the graph is
computed once; divisions are unknown (the index is not sorted across partitions).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import dask.bag as db
import dask.dataframe as dd
import pandas as pd

from newsclean.batch import BatchCounts, clean_page, expand_inputs, pages_in

__all__ = ["ARTICLE_COLUMNS", "articles_bag", "articles_dataframe", "to_parquet"]

# Flat columns of the dataframe; lists and dicts are JSON text so every partition has one schema.
# The index (unnamed, so it never clashes with the column) holds the ``source`` column's values.
ARTICLE_COLUMNS: dict[str, str] = {
    "source": "string", "url": "string", "warc_record_id": "string", "warc_date": "string",
    "ok": "bool", "error_type": "string", "error_message": "string",
    "title": "string", "authors": "string", "published": "string", "modified": "string",
    "section": "string", "canonical_url": "string", "short_url": "string", "language": "string",
    "description": "string", "site_name": "string", "images": "string", "alternates": "string",
    "tags": "string", "origins": "string", "text": "string", "paragraphs": "string", "form": "string", "encoding": "string",
    "extractor": "string", "confidence": "float64", "layers": "string",
}
_JSON_FIELDS = ("authors", "images", "alternates", "tags", "origins", "paragraphs", "layers")


def _rows_of(path: str, url: str | None = None, form: str | None = None) -> Iterator[dict[str, Any]]:
    for page in pages_in(path, BatchCounts()):
        yield clean_page(page, url=url, form=form)


def articles_bag(inputs: Iterable[str], *, form: str | None = None) -> db.Bag:
    """A bag of result rows, one partition per input file (a WARC file is one partition)."""
    paths = [p for p in expand_inputs(inputs) if p != "-"]
    return db.from_sequence(paths, npartitions=max(len(paths), 1)).map(_rows_of, form=form).flatten()


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    article = row.get("article") or {}
    error = row.get("error") or {}
    flat: dict[str, Any] = {
        "source": row["source"], "url": row.get("url"), "warc_record_id": row.get("warc_record_id"),
        "warc_date": row.get("warc_date"), "ok": "article" in row,
        "error_type": error.get("type"), "error_message": error.get("message"),
    }
    for key in ("title", "published", "modified", "section", "short_url", "language", "description",
                "site_name", "text", "form", "encoding", "extractor", "confidence"):
        flat[key] = article.get(key)
    flat["canonical_url"] = article.get("url")
    for key in _JSON_FIELDS:
        flat[key] = json.dumps(article[key], ensure_ascii=False) if key in article else None
    return flat


def _indexed_by_source(frame: pd.DataFrame) -> pd.DataFrame:
    """A partition indexed by its ``source`` values: the index a partition is made with restarts at 0 in each."""
    return frame.set_index("source", drop=False).rename_axis(index=None)


def articles_dataframe(inputs: Iterable[str], *, form: str | None = None) -> dd.DataFrame:
    """The rows as a dataframe with the flat ``ARTICLE_COLUMNS`` schema, indexed by ``source``."""
    meta = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in ARTICLE_COLUMNS.items()})
    bag = articles_bag(inputs, form=form).map(_flat)
    return bag.to_dataframe(meta=meta).map_partitions(_indexed_by_source, meta=_indexed_by_source(meta))


def to_parquet(inputs: Iterable[str], path: str, *, form: str | None = None, **options: Any) -> None:
    """Clean every page and write the dataframe as Parquet (a folder of part files; ``source`` is a column there)."""
    articles_dataframe(inputs, form=form).to_parquet(path, write_index=False, **options)
