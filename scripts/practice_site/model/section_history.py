"""When each module section's text last changed: ``section-history.json``, beside ``published-links.json``.

For every module it records when the site first recorded it and, for each section, a fingerprint
of the section's text and when that text last changed (``null``: not since the module was first
recorded). ``make links`` writes it; a build reads it. A section whose text no longer matches its
fingerprint, or that is new in a recorded module, counts as changed at build time until ``make
links`` records it. Learners who completed a module before a section changed are told so
(``learning.js``); the For trainers page gives each module's last change.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from practice_site.errors import SettingError, SourceError
from practice_site.input_files import json_line_of, read_json_input
from practice_site.sources.model import Principle, Section, block_paragraphs

HISTORY = "section-history.json"  # in the project's folder, beside mkdocs.yml
ABOUT = ("When each module section's text last changed, from a fingerprint of its text. Written by "
         "'make links'; review and commit it with published-links.json.")


@dataclass(frozen=True)
class SectionChange:
    """One section: its fingerprint now and when its text last changed (None: not since first recorded)."""

    anchor: str
    title: str
    fingerprint: str
    changed: str | None  # an ISO 8601 time in UTC
    recorded: bool  # False: this build found a change (or a new section) that make links has not recorded


@dataclass(frozen=True)
class ModuleHistory:
    """One module's sections as this build finds them, and when the site first recorded the module."""

    first_recorded: str | None  # None: the module is not in the history yet
    sections: tuple[SectionChange, ...]

    @property
    def last_changed(self) -> str | None:
        """When any of its sections last changed, if one has since the module was first recorded."""
        return max((s.changed for s in self.sections if s.changed), default=None)

    @property
    def unrecorded(self) -> tuple[SectionChange, ...]:
        return tuple(s for s in self.sections if not s.recorded)


def build_time() -> str:
    """Now, in UTC to the second; ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) fixes it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            moment = datetime.fromtimestamp(int(epoch), UTC)
        except (ValueError, OverflowError, OSError):
            raise SettingError(f"SOURCE_DATE_EPOCH: {epoch!r} is not a number of seconds since 1970; set it to "
                               "one, such as 1765000000, or unset it") from None
    else:
        moment = datetime.now(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def section_text(section: Section) -> str:
    """The section's words as a reader reads them: its heading, then each piece of text, spaces made single."""
    parts = [section.heading]
    for block in section.blocks:
        parts.append(type(block).__name__)
        parts.extend(paragraph.text for paragraph in block_paragraphs(block))
    return "\n".join(" ".join(part.split()) for part in parts)


def fingerprint(section: Section) -> str:
    """A short fingerprint of the section's text: it changes when any word of it changes."""
    return "sha256:" + hashlib.sha256(section_text(section).encode("utf-8")).hexdigest()[:20]


def read_history(path: Path) -> dict[str, Any]:
    """The history file, checked (SourceError names the file and line), or an empty one when there is none."""
    if not path.exists():
        return {"about": ABOUT, "modules": {}}
    data, text = read_json_input(path, HISTORY, "the section history",
                                 "correct it, or take the file out and run make links to write it again")
    modules = data.get("modules") if isinstance(data, dict) else None
    if not isinstance(modules, dict):
        raise SourceError(HISTORY, 1, 'the file holds an object with "modules"; run make links to write it again')
    for module_id, module in modules.items():
        if not valid_module(module):
            raise SourceError(HISTORY, json_line_of(text, module_id), f'"{module_id}" is not a module\'s history '
                              '("recorded" and "sections": anchor -> "fingerprint" and "changed"); take it out '
                              "and run make links to record it again")
    return data


def valid_module(module: Any) -> bool:
    if not isinstance(module, dict) or not is_time(module.get("recorded")):
        return False
    sections = module.get("sections")
    return isinstance(sections, dict) and all(
        isinstance(s, dict) and isinstance(s.get("fingerprint"), str) and
        (s.get("changed") is None or is_time(s.get("changed"))) for s in sections.values())


def is_time(value: Any) -> bool:
    """An ISO 8601 time in UTC, as this file writes it ("2026-12-06T18:30:00Z")."""
    try:
        return isinstance(value, str) and datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ") is not None
    except ValueError:
        return False


def frozen_history(value: Any) -> Any:
    """The history as a build keeps it: every map read-only, so nothing changes it."""
    if isinstance(value, Mapping):
        return MappingProxyType({key: frozen_history(item) for key, item in value.items()})
    return value


def plain(value: Any) -> Any:
    """A read-only history as plain data again, to write as JSON."""
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    return value


def module_history(principle: Principle, recorded: Mapping[str, Any] | None, now: str) -> ModuleHistory:
    """Each section of ``principle`` against its record: unchanged (its recorded date), or changed ``now``."""
    if recorded is None:  # not recorded yet: nothing to compare with, so nothing has changed for a learner
        return ModuleHistory(None, tuple(SectionChange(s.anchor, s.heading, fingerprint(s), None, False)
                                         for s in principle.sections))
    known, sections = recorded["sections"], []
    for section in principle.sections:
        mark, before = fingerprint(section), known.get(section.anchor)
        if before is not None and before["fingerprint"] == mark:
            sections.append(SectionChange(section.anchor, section.heading, mark, before["changed"], True))
        else:  # changed, or new in a recorded module: both count as changed
            sections.append(SectionChange(section.anchor, section.heading, mark, now, False))
    return ModuleHistory(recorded["recorded"], tuple(sections))


def site_history(principles: Iterable[Principle], history: Mapping[str, Any], now: str) -> dict[str, ModuleHistory]:
    """module id -> its sections' changes, for every principle of this build."""
    return {p.module_id: module_history(p, history["modules"].get(p.module_id), now) for p in principles}


def updated_history(history: Mapping[str, Any], modules: Mapping[str, ModuleHistory], now: str) -> dict[str, Any]:
    """The history with this build's modules recorded (modules no longer built are kept, as they were)."""
    recorded = plain(history.get("modules", {}))
    for module_id, module in modules.items():
        recorded[module_id] = {
            "recorded": module.first_recorded or now,
            "sections": {s.anchor: {"fingerprint": s.fingerprint, "changed": s.changed} for s in module.sections},
        }
    return {"about": ABOUT, "modules": dict(sorted(recorded.items()))}


def write_history(path: Path, history: Mapping[str, Any], modules: Mapping[str, ModuleHistory], now: str) -> str:
    """Record this build's sections at ``path``; a line saying what changed."""
    changed = sum(len(m.unrecorded) for m in modules.values() if m.first_recorded)
    new = sum(1 for m in modules.values() if m.first_recorded is None)
    path.write_text(json.dumps(updated_history(history, modules, now), indent=2, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    return (f"{HISTORY}: {changed} changed or new sections and {new} new modules recorded. Review and "
            "commit it.")
