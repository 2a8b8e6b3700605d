"""The faster JSON writer (issue #11) writes exactly what json.dumps(..., ensure_ascii=False, indent=2) writes."""

from __future__ import annotations

import json
import math

import pytest

from analysis.report.json_text import Lazy, dumps


class _Number(int):
    def __repr__(self) -> str:
        return "not json"


class _Text(str):
    pass


class _Ratio(float):
    def __repr__(self) -> str:
        return "not json"


@pytest.mark.parametrize(
    "data",
    [
        {},
        [],
        {"a": [], "b": {}, "c": [{}], "d": [[]]},
        {"name": 'Şuşa "quoted" \n tab\t é ✓', "n": 3, "x": 0.1, "big": 1e300, "neg": -2, "t": True, "f": False},
        [1, 2.5, None, "x", [1, [2, {"k": None}]], (3, 4)],
        {"relations": [{"claim_a": "s1c1", "claim_b": "s2c1", "confidence": 0.95, "reviewed": None}] * 3},
        {"rec": {"flat": 1, "nested": {"deeper": [1, {"x": "y"}]}}},
        {"nan": math.nan, "inf": [math.inf, -math.inf]},
        {1: "int key", None: "none key", 2.5: "float key", False: "bool key"},
        {"flat": {"n": math.nan}},
        {"sub": {"k": True}, "subclasses": {"int": _Number(7), "str": _Text("s"), "float": _Ratio(0.5)}},
    ],
)
def test_dumps_equals_json_dumps(data):
    assert dumps(data) == json.dumps(data, ensure_ascii=False, indent=2)


def test_dumps_fails_as_json_dumps_does():
    with pytest.raises(TypeError):
        dumps({"when": object()})


def test_a_lazy_list_is_written_as_a_list():
    made = []

    def make(n: int) -> dict:
        made.append(n)
        return {"n": n, "nested": {"twice": [n, n]}} if n % 2 else {"n": n}

    lazy = Lazy(range(5), make)
    assert (
        dumps({"items": lazy, "empty": Lazy([], make)}, end="\n")
        == json.dumps({"items": [make(n) for n in range(5)], "empty": []}, ensure_ascii=False, indent=2) + "\n"
    )
    assert len(lazy) == 5 and lazy[1] == make(1) and lazy[1:3] == [make(1), make(2)]
    assert dumps({"items": lazy, "odd": math.nan}) == json.dumps(
        {"items": list(lazy), "odd": math.nan}, ensure_ascii=False, indent=2
    )  # the fallback makes the items too
