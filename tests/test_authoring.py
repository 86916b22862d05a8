"""`make serve` and `make build` warn about what the suite rejects but a page still renders
(guide/hooks/authoring.py), naming the page and the fix, without failing a strict build."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace

import pytest

from guide import layout, parity
from guide.hooks import authoring

PAGE = "# 页面\n\n## 代码 { #code }\n\n```python\nprint('typed')\n```\n"


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for module in (layout, parity, authoring):
        monkeypatch.setattr(module, "DOCS", tmp_path)
    for language in ("zh", "en"):
        (tmp_path / language / "concepts").mkdir(parents=True)
        (tmp_path / language / "concepts" / "custom-data.md").write_text(PAGE, encoding="utf-8")
    return tmp_path


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    # A strict build counts the warnings of the `mkdocs` loggers only; these must not fail it.
    assert all(not record.name.startswith("mkdocs") for record in caplog.records)
    return [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]


def test_typed_python_is_named_with_its_fix(docs: Path, caplog) -> None:
    page = SimpleNamespace(
        file=SimpleNamespace(
            abs_src_path=str(docs / "zh/concepts/custom-data.md"), generated_by=None
        )
    )
    with caplog.at_level(logging.WARNING):
        authoring.on_page_markdown(PAGE, page, SimpleNamespace(), None)
    [warning] = warnings(caplog)
    assert warning.startswith(f"{docs}/zh/concepts/custom-data.md:5: Python typed into the page")
    assert "examples/concepts/custom_data/<name>.py between `# --8<-- [start:main]`" in warning
    assert '--8<-- "examples/concepts/custom_data/<name>.py:main"' in warning


def test_a_stale_translation_is_named_with_its_fix(docs: Path, caplog) -> None:
    parity.stamp("concepts/custom-data")
    config = SimpleNamespace(theme={"language": "en"})
    with caplog.at_level(logging.WARNING):
        authoring.on_pre_build(config)
        assert not warnings(caplog), "a page stamped just now is current"
        (docs / "zh/concepts/custom-data.md").write_text(PAGE + "\n更多。\n", encoding="utf-8")
        authoring.on_pre_build(config)
    [warning] = warnings(caplog)
    assert f"{docs}/en/concepts/custom-data.md translates zh" in warning
    assert warning.endswith("then run `make stamp PAGE=concepts/custom-data`.")
