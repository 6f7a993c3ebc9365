"""Byte-stable YAML output (claim tables): libyaml's C emitter where PyYAML has it, else PyYAML's
pure-Python emitter, the two giving the same bytes as `yaml.safe_dump`.

`yaml.safe_dump` spends most of its time in Python even with the C emitter: its representer and
serializer build a node per value and ask the resolver about each. Claim tables hold only plain
data (dicts, lists, strings, numbers, None, booleans), so the events are made here directly, in
one walk, and handed to the emitter; only the tag question for strings (could "123" or "yes" be
read back as something else?) goes to PyYAML's own resolver, remembered per string.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from itertools import chain
from typing import Any

import yaml
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

from claimcheck import regexcache as rx

HAS_C_EMITTER = hasattr(yaml, "CSafeDumper")
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MAPPING_START = MappingStartEvent(None, _MAP, True, flow_style=False)
_MAPPING_END = MappingEndEvent()
_SEQUENCE_START = SequenceStartEvent(None, _SEQ, True, flow_style=False)
_SEQUENCE_END = SequenceEndEvent()
_RESOLVER = yaml.resolver.Resolver()
_REPRESENTER = yaml.representer.SafeRepresenter()
# Python ints, None and booleans written by the safe representer read back as what they are.
_NOT_STR = (True, False)
# Where libyaml's emitter writes otherwise than PyYAML's (found by comparing the two on every
# character and on generated strings): it escapes NEL and everything beyond the Basic
# Multilingual Plane (emoji, rare Hanja), which PyYAML writes as they are; and it folds a long
# quoted string at other places. Under 600 characters even a string escaped throughout
# (6 characters each) fits the 4,096-character line, so nothing is folded. A table holding
# such a string goes through the pure-Python emitter, so its bytes are the same either way.
_C_WRITES_OTHERWISE = rx.compile("[\x85\U00010000-\U0010ffff]")
_C_FOLDS_OTHERWISE = 600


@functools.lru_cache(maxsize=16384)
def _string_event(value: str) -> tuple[ScalarEvent, bool]:
    """The event of a string, and whether libyaml would write it otherwise. Field names and
    common values repeat in every claim, so each distinct string is worked out once; emitters
    only read events, so one event object can stand in many places."""
    # Plain only when the string would not read back as another type ("123", "true", "null",
    # "2025-01-27"): PyYAML's own resolver decides, as its serializer does.
    plain = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == _STR
    differs = len(value) > _C_FOLDS_OTHERWISE or bool(_C_WRITES_OTHERWISE.search(value))
    return ScalarEvent(None, _STR, (plain, True), value), differs


def _other_scalar(value: Any) -> ScalarEvent:
    """Floats, booleans and anything rarer: through PyYAML's representer and resolver."""
    node = _REPRESENTER.represent_data(value)
    _REPRESENTER.represented_objects.clear()
    if not isinstance(node, yaml.ScalarNode):
        raise TypeError(f"cannot write {type(value).__name__} in a claim table")
    detected = _RESOLVER.resolve(yaml.ScalarNode, node.value, (True, False))
    default = _RESOLVER.resolve(yaml.ScalarNode, node.value, (False, True))
    implicit = (node.tag == detected, node.tag == default)
    return ScalarEvent(None, node.tag, implicit, node.value, style=node.style)


@functools.lru_cache(maxsize=4096)
def _float_or_bool_event(written: str, value: float | bool) -> ScalarEvent:
    """`_other_scalar` once per value; the key holds its repr, which tells 1.0 from True and
    -0.0 from 0.0 (equal, so one key without it)."""
    return _other_scalar(value)


@functools.lru_cache(maxsize=4096)
def _int_event(value: int) -> ScalarEvent:
    return ScalarEvent(None, _INT, _NOT_STR, str(value))


_NULL_EVENT = ScalarEvent(None, _NULL, _NOT_STR, "null")


class _Events(list):
    """The events of one document, and whether libyaml would write any of its strings otherwise."""

    c_differs = False


def _scalar(data: Any, out: _Events) -> None:
    """The event of anything but a string, a dict or a list (strings are handled inline)."""
    kind = type(data)
    if kind is int:
        out.append(_int_event(data))
    elif data is None:
        out.append(_NULL_EVENT)
    elif kind is float or kind is bool:
        out.append(_float_or_bool_event(repr(data), data))
    else:
        out.append(_other_scalar(data))


def _events(data: Any, out: _Events) -> None:
    kind = type(data)
    if kind is dict:
        out.append(_MAPPING_START)
        _items(chain.from_iterable(data.items()), out)  # key, value, key, value…
        out.append(_MAPPING_END)
    elif kind is list:
        out.append(_SEQUENCE_START)
        _items(data, out)
        out.append(_SEQUENCE_END)
    else:
        _items((data,), out)


def _items(items: Iterable[Any], out: _Events) -> None:
    # Strings, the most frequent values, are handled here rather than in a call of their own.
    for item in items:
        kind = type(item)
        if kind is str:
            event, differs = _string_event(item)
            out.append(event)
            if differs:
                out.c_differs = True
        elif kind is dict or kind is list:
            _events(item, out)
        else:
            _scalar(item, out)


def dump(data: dict, *, c_emitter: bool | None = None) -> str:
    """The mapping `data` as block-style YAML, keys in their order, Unicode as is, lines up to 4,096
    characters: the bytes of `yaml.safe_dump(data, allow_unicode=True, sort_keys=False,
    width=4096, default_flow_style=False)`. Dicts and lists must not be shared (no anchors)."""
    if type(data) is not dict:
        raise TypeError("a claim table is a mapping")  # a bare scalar ends differently in C
    use_c = HAS_C_EMITTER if c_emitter is None else c_emitter
    written = _block_text(data, use_c)
    if written is not None:
        return written
    events = _Events([StreamStartEvent(), DocumentStartEvent(explicit=False)])
    _events(data, events)
    events += [DocumentEndEvent(explicit=False), StreamEndEvent()]
    dumper = yaml.CSafeDumper if use_c and not events.c_differs else yaml.SafeDumper
    return yaml.emit(events, Dumper=dumper, allow_unicode=True, width=4096)


# --- the layout of a claim table, written directly ----------------------------------------------
#
# A claim table is mappings, lists of scalars or of mappings, and short one-line scalars. Its
# layout is fixed (a nested mapping two spaces in, a list under a key at the key's own column, a
# mapping in a list item starting on the item's line), and the only choice the emitter makes is
# how to write each scalar (plain, quoted, escaped), which does not depend on where the scalar
# stands as long as it fits on its line and is no empty key. So each distinct scalar is written
# once by the emitter itself (in one document of all scalars new to the table), remembered, and
# the table is put together from those pieces. Anything else (a list in a list, a line break in
# a string, a long string, an empty mapping at the top) goes through the events above.


class _Unusual(Exception):
    """The table holds something the direct layout does not cover."""


# How the C emitter (True) and the pure-Python one (False) write each string met so far, and
# each float by its repr; ints, None and booleans are written as their own words.
_STRINGS: dict[bool, dict[str, str]] = {True: {}, False: {}}
_FLOATS: dict[bool, dict[str, str]] = {True: {}, False: {}}
_REMEMBERED_MOST = 1 << 13  # most are quotes met once: a few MB at most
_SAFE_LENGTH = 500  # far from the 4,096-character line at any depth a table has
_BREAKS = rx.compile("[\n\r\x85\u2028\u2029]")
_WORDS = {None: "null", True: "true", False: "false"}


class _Writer:
    """One table's lines; a scalar not written before leaves a gap, filled once the emitter has
    said how it writes all of them."""

    def __init__(self, use_c: bool) -> None:
        self.use_c = use_c
        self.strings = _STRINGS[use_c]
        self.floats = _FLOATS[use_c]
        self.out: list[str] = []
        self.gaps: dict[object, list[int]] = {}  # a new string, or a float's repr -> gaps

    def scalar(self, value: Any) -> None:
        kind = type(value)
        out = self.out
        if kind is str:
            written = self.strings.get(value)
            if written is None:
                if len(value) > _SAFE_LENGTH or _BREAKS.search(value):
                    raise _Unusual
                self.gaps.setdefault(value, []).append(len(out))
                out.append("")
            else:
                out.append(written)
        elif kind is int:
            out.append(str(value))
        elif value is None or kind is bool:
            out.append(_WORDS[value])
        elif kind is float:
            written = self.floats.get(repr(value))
            if written is None:
                self.gaps.setdefault((repr(value), value), []).append(len(out))
                out.append("")
            else:
                out.append(written)
        else:
            raise _Unusual

    def mapping(self, data: dict, indent: str, first: str = "") -> None:
        """`data` at `indent`; its first key goes after `first` (a list item's "- ")."""
        out = self.out
        strings = self.strings
        lead = first or indent
        for key, value in data.items():
            if type(key) is not str or not key:
                raise _Unusual  # an empty key is written otherwise than an empty value
            # Strings already written (nearly every key and most values) are put in here, not
            # through `scalar`: a table has about 900 scalars.
            written = strings.get(key)
            if written is None:
                out.append(lead)
                self.scalar(key)
            else:
                out.append(lead + written)
            lead = indent
            kind = type(value)
            if kind is str:
                written = strings.get(value)
                if written is None:
                    out.append(": ")
                    self.scalar(value)
                    out.append("\n")
                else:
                    out.append(f": {written}\n")
            elif kind is int:
                out.append(f": {value}\n")
            elif value is None:
                out.append(": null\n")
            elif kind is dict:
                if value:
                    out.append(":\n")
                    self.mapping(value, indent + "  ")
                else:
                    out.append(": {}\n")
            elif kind is list:
                if value:
                    out.append(":\n")
                    self.items(value, indent)
                else:
                    out.append(": []\n")
            else:
                out.append(": ")
                self.scalar(value)
                out.append("\n")

    def items(self, items: list, indent: str) -> None:
        """A list under a key at `indent`: its items at the key's own column."""
        out = self.out
        for item in items:
            kind = type(item)
            if kind is dict:
                if item:
                    self.mapping(item, indent + "  ", indent + "- ")
                else:
                    out.append(indent + "- {}\n")
            elif kind is list:
                raise _Unusual
            else:
                out.append(indent + "- ")
                self.scalar(item)
                out.append("\n")

    def fill_gaps(self) -> bool:
        """Ask the emitter how it writes the new scalars: one list of them all, one line each."""
        gaps = self.gaps
        events = _Events([StreamStartEvent(), DocumentStartEvent(explicit=False), _SEQUENCE_START])
        for new in gaps:
            if type(new) is str:
                event, differs = _string_event.__wrapped__(new)  # learnt once: not kept twice
                events.append(event)
                events.c_differs = events.c_differs or differs
            else:
                _scalar(new[1], events)  # type: ignore[index]
        events += [_SEQUENCE_END, DocumentEndEvent(explicit=False), StreamEndEvent()]
        dumper = yaml.CSafeDumper if self.use_c and not events.c_differs else yaml.SafeDumper
        lines = yaml.emit(events, Dumper=dumper, allow_unicode=True, width=4096).split("\n")
        if len(lines) != len(gaps) + 1 or lines.pop() or not all(x[:2] == "- " for x in lines):
            return False
        for memory in (self.strings, self.floats):
            if len(memory) > _REMEMBERED_MOST:
                memory.clear()
        out = self.out
        for (new, places), line in zip(gaps.items(), lines, strict=True):
            written = line[2:]
            if type(new) is str:
                self.strings[new] = written
            else:
                self.floats[new[0]] = written  # type: ignore[index]
            for place in places:
                out[place] = written
        return True


def _block_text(data: dict, use_c: bool) -> str | None:
    if not data:
        return None
    writer = _Writer(use_c)
    try:
        writer.mapping(data, "")
    except _Unusual:
        return None
    if writer.gaps and not writer.fill_gaps():
        return None
    return "".join(writer.out)
