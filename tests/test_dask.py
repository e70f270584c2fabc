"""newsclean.dask on a real dask.distributed LocalCluster with two workers: the same rows as
the single-process path, a dataframe indexed by each row's source, and Parquet that reads back."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from newsclean.batch import clean_pages, iter_pages

dask_distributed = pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
ncd = pytest.importorskip("newsclean.dask")

PAGES = [FIXTURES / c / "source.html" for c in ("nytimes-1", "nytimes-2", "nytimes-3", "nytimes-5", "guardian-1")]


@pytest.fixture(scope="module")
def client():  # noqa: ANN201
    cluster = dask_distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                            dashboard_address=None)
    with dask_distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture()
def inputs(tmp_path: Path) -> list[str]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    folder = tmp_path / "pages"
    folder.mkdir()
    for i, page in enumerate(PAGES[:3]):
        shutil.copy(page, folder / f"p{i}.html")
    warc = tmp_path / "crawl.warc.gz"
    with warc.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for i, page in enumerate(PAGES[2:]):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://news.test/{i}", "response",
                                                          payload=io.BytesIO(page.read_bytes()), http_headers=http))
    return [str(folder), str(warc)]


def test_dask_bag_gives_the_same_rows_as_one_process(client, inputs: list[str]) -> None:  # noqa: ANN001
    expected = list(clean_pages(iter_pages(inputs)))
    got = ncd.articles_bag(inputs).compute()
    assert got == expected
    assert [r.get("article", {}).get("extractor") for r in got] == ["nyt", "nyt", "nyt", "nyt", None, "guardian"]


def test_parquet_reads_back_with_one_row_per_page(client, inputs: list[str], tmp_path: Path) -> None:  # noqa: ANN001
    import pandas as pd

    out = tmp_path / "articles.parquet"
    ncd.to_parquet(inputs, str(out))
    frame = pd.read_parquet(out).sort_values("source", kind="stable")
    assert len(frame) == 6
    assert frame["ok"].sum() == 5
    assert set(frame["title"].dropna()) >= {"United States to Lift Sudan Sanctions",
                                           "Yahoo’s Sale to Verizon Leaves Shareholders With Little Say"}
    assert frame.loc[frame["error_type"].notna(), "error_type"].tolist() == ["NotAnArticle"]


def test_the_dataframe_index_is_each_rows_source(client, inputs: list[str]) -> None:  # noqa: ANN001
    sources = [page.source for page in iter_pages(inputs)]
    assert len(sources) == 6 and sum("#" in s for s in sources) == 3  # three files, a WARC of three records
    frame = ncd.articles_dataframe(inputs).compute()
    assert frame.index.is_unique
    assert frame.index.tolist() == frame["source"].tolist() == sources
    assert frame.loc[sources[4], "error_type"] == "NotAnArticle"  # a WARC record found by its source
    assert frame.index.name is None and frame.sort_values("source").index.tolist() == sorted(sources)  # no clash
