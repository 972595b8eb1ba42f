"""Items across form versions: check a version map, infer one, diff two versions, follow threads.

A *thread* is one checklist item followed through the versions of a form: renamed or
moved, it keeps its thread (and its column in exports); split or merged, the new items
start threads of their own that name the ones they came from; removed, its thread ends
but keeps its column. Coverage, a station's history, findings and re-checks use the
thread, so a revised form never breaks them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from fengqiao_desktop.errors import FormError
from fengqiao_desktop.formengine.schema import FormDef, Item
from fengqiao_desktop.formengine.versioning import Change, ItemLink, Supersedes

# -- one step: a new version against the one it supersedes ------------------------------------


def check_map(new: FormDef, old: FormDef) -> None:
    """Refuse a version map that does not fit the two forms (FormError names the line)."""
    sup = new.supersedes
    if sup is None:
        return
    if (sup.form or new.id) != old.id or sup.version != old.version:
        raise FormError(
            f"表单 {new.id} 版本 {new.version} 声明替代 {sup.form or new.id} 版本 {sup.version}，"
            f"而不是 {old.id} 版本 {old.version}",
            message_en=f"Form {new.id} version {new.version} says it supersedes "
            f"{sup.form or new.id} version {sup.version}, not {old.id} version {old.version}",
        )
    problems: list[tuple[str, str]] = []
    for n, link in enumerate(sup.map, start=1):
        for i in link.old:
            if i not in old.items:
                problems.append((f"第 {n} 行：旧版没有检查项 {i}", f"line {n}: the old version has no item {i}"))
        for i in link.new:
            if i not in new.items:
                problems.append((f"第 {n} 行：新版没有检查项 {i}", f"line {n}: the new version has no item {i}"))
    named_old = {i for link in sup.map for i in link.old}
    named_new = {i for link in sup.map for i in link.new}
    for i in old.items:
        if i not in named_old and i not in new.items:
            problems.append(
                (
                    f"旧版检查项 {i} 在新版中没有，也未说明去向（写 removed、renamed 等）",
                    f"old item {i} is not in the new version and the map does not say "
                    "where it went (removed, renamed, ...)",
                )
            )
    for i in new.items:
        # an id kept in both versions but mapped from another item: an ambiguous thread
        if (
            i in old.items
            and i in named_new
            and i not in named_old
            and not any(i in link.new and link.change in (Change.SPLIT, Change.MERGED) for link in sup.map)
        ):
            problems.append(
                (
                    f"检查项 {i} 两版都有，却又被映射自其他检查项",
                    f"item {i} is in both versions but is also mapped from another item",
                )
            )
    if problems:
        zh = "；".join(p[0] for p in problems)
        en = "; ".join(p[1] for p in problems)
        raise FormError(
            f"表单 {new.id} 版本 {new.version} 的版本映射有误：{zh}",
            message_en=f"Form {new.id} version {new.version}: the version map is wrong: {en}",
        )


def links(new: FormDef, old: FormDef) -> list[ItemLink]:
    """The full map from ``old`` to ``new``: the declared lines plus the implicit ones.

    An id present in both versions and not named in the map is ``same``; a new id not
    named is ``new``. (``check_map`` has refused an old id that simply vanished.)
    """
    declared = list(new.supersedes.map) if new.supersedes else []
    named_old = {i for link in declared for i in link.old}
    named_new = {i for link in declared for i in link.new}
    out = list(declared)
    for i in new.items:
        if i in named_new:
            continue
        if i in old.items and i not in named_old:
            out.append(ItemLink(change=Change.SAME, old=(i,), new=(i,)))
        elif i not in old.items:
            out.append(ItemLink(change=Change.NEW, new=(i,)))
    for i in old.items:
        if i not in named_old and i not in new.items:
            out.append(ItemLink(change=Change.REMOVED, old=(i,)))
    return out


def _norm(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace() and ch not in "，。、；：,.;:（）()")


def infer_map(new: FormDef, old: FormDef) -> Supersedes:
    """Guess the map from ``old`` to ``new`` where item numbers and titles match.

    Same id and title: same (left implicit). Same id, another title: renamed. Same title
    under another id or section: moved. Old items left over: removed. Splits and merges
    cannot be guessed; a person confirms or edits the result.
    """
    lines: list[ItemLink] = []
    taken_old: set[str] = set()
    by_title: dict[str, str] = {}
    for it in old.items.values():
        by_title.setdefault(_norm(it.title.zh), it.id)
    for it in new.items.values():
        if it.id in old.items:
            o = old.items[it.id]
            taken_old.add(it.id)
            if _norm(o.title.zh) != _norm(it.title.zh):
                lines.append(ItemLink(change=Change.RENAMED, old=(it.id,), new=(it.id,)))
            elif old.section_of(it.id).id != new.section_of(it.id).id:
                lines.append(ItemLink(change=Change.MOVED, old=(it.id,), new=(it.id,)))
    for it in new.items.values():
        if it.id in old.items:
            continue
        oid = by_title.get(_norm(it.title.zh))
        if oid and oid not in taken_old and oid not in new.items:
            taken_old.add(oid)
            lines.append(ItemLink(change=Change.MOVED, old=(oid,), new=(it.id,)))
    for oid in old.items:
        if oid not in taken_old and oid not in new.items:
            lines.append(ItemLink(change=Change.REMOVED, old=(oid,)))
    return Supersedes(version=old.version, map=tuple(lines), form=None if old.id == new.id else old.id)


@dataclass(frozen=True)
class ItemChange:
    """One line of a version diff, for a person to read before accepting a form."""

    change: Change
    old: tuple[str, ...]
    new: tuple[str, ...]
    title: str  # the new title, or the old one for a removed item
    old_points: float | None
    new_points: float | None

    @property
    def points_changed(self) -> bool:
        return (
            self.old_points is not None
            and self.new_points is not None
            and not math.isclose(self.old_points, self.new_points)
        )


@dataclass(frozen=True)
class FormDiff:
    old: FormDef
    new: FormDef
    changes: tuple[ItemChange, ...]

    def of(self, *kinds: Change) -> list[ItemChange]:
        return [c for c in self.changes if c.change in kinds]

    @property
    def added(self) -> list[ItemChange]:
        return self.of(Change.NEW)

    @property
    def removed(self) -> list[ItemChange]:
        return self.of(Change.REMOVED)

    @property
    def points_changed(self) -> list[ItemChange]:
        return [c for c in self.changes if c.points_changed]

    @property
    def unchanged(self) -> bool:
        return all(c.change is Change.SAME and not c.points_changed for c in self.changes)

    def lines(self, lang: str = "zh") -> list[str]:
        """The diff as text lines (the CLI and the dialog show these)."""
        zh = lang != "en"
        out = []
        for c in self.changes:
            if c.change is Change.SAME and not c.points_changed:
                continue
            name = c.change.zh if zh else c.change.value
            if c.change is Change.SAME:
                name = "分值变化" if zh else "points"
            ids = f"{','.join(c.old) or '-'} → {','.join(c.new) or '-'}"
            pts = ""
            if c.points_changed:
                pts = f"  {c.old_points:g} → {c.new_points:g} " + ("分" if zh else "pts")
            elif c.change is Change.NEW and c.new_points is not None:
                pts = f"  {c.new_points:g} " + ("分" if zh else "pts")
            elif c.change is Change.REMOVED and c.old_points is not None:
                pts = f"  -{c.old_points:g} " + ("分" if zh else "pts")
            out.append(f"{name}  {ids}  {c.title}{pts}")
        if not out:
            out.append("检查项无变化" if zh else "no item changed")
        total = f"满分 {self.old.max:g} → {self.new.max:g}" if zh else f"total {self.old.max:g} → {self.new.max:g}"
        out.append(total)
        return out


def _points(form: FormDef, ids: Iterable[str]) -> float | None:
    ids = list(ids)
    if not ids:
        return None
    return sum(form.items[i].max for i in ids if form.items[i].scored)


def diff(new: FormDef, old: FormDef) -> FormDiff:
    """Items added, removed, renamed, moved, split, merged and points changed, in the new order."""
    check_map(new, old)
    order: dict[str, int] = {}
    for n, i in enumerate([*new.items, *old.items]):
        order.setdefault(i, n)  # an id in both versions takes its place in the new one
    changes = []
    for link in links(new, old):
        title = new.items[link.new[0]].title.zh if link.new else old.items[link.old[0]].title.zh
        changes.append(
            ItemChange(link.change, link.old, link.new, title, _points(old, link.old), _points(new, link.new))
        )
    changes.sort(key=lambda c: order[(c.new or c.old)[0]] + (0 if c.new else len(new.items)))
    return FormDiff(old, new, tuple(changes))


def diff_against(new: FormDef, old: FormDef) -> FormDiff:
    """The diff of ``new`` against ``old``, whether or not ``new`` declares a map for ``old``.

    Without a declared map (or with one for another version) the map is inferred, as the
    importer does, so a person still sees what was added, removed and re-pointed.
    """
    sup = new.supersedes
    if sup is not None and (sup.form or new.id) == old.id and sup.version == old.version:
        return diff(new, old)
    return diff(new.model_copy(update={"supersedes": infer_map(new, old)}), old)


# -- many steps: threads through every version of a form --------------------------------------

Key = tuple[str, str]  # (version, item id) where a thread begins


@dataclass
class Thread:
    """One item followed through the versions: where it began and what it is called at each."""

    key: Key
    ids: dict[str, str] = field(default_factory=dict)  # version -> item id in that version
    titles: dict[str, str] = field(default_factory=dict)
    came_from: tuple[Key, ...] = ()  # split / merged: the threads it continues
    ended: str | None = None  # the version that removed it, if any

    @property
    def label(self) -> str:
        """The item's latest id and title, for a column heading."""
        last = list(self.ids)[-1]
        return f"{self.ids[last]} {self.titles[last]}"


class Lineage:
    """The versions of one form in order, with every item's thread.

    Built from the versions (any order); each must supersede the previous one. A version
    without a ``supersedes`` block following another is linked by item id alone.
    """

    def __init__(self, versions: Sequence[FormDef]):
        from fengqiao_desktop.formengine.loader import _version_key

        if not versions:
            raise ValueError("no versions")
        self.versions = sorted(versions, key=lambda f: _version_key(f.version))
        self.threads: dict[Key, Thread] = {}
        self._at: dict[tuple[str, str], Key] = {}  # (version, item id) -> thread key
        first = self.versions[0]
        for it in first.items.values():
            self._start(first, it)
        for old, new in zip(self.versions, self.versions[1:], strict=False):
            step = new if new.supersedes else new.model_copy(update={"supersedes": Supersedes(version=old.version)})
            check_map(step, old)
            for link in links(step, old):
                if link.change in (Change.SAME, Change.RENAMED, Change.MOVED):
                    key = self._at[(old.version, link.old[0])]
                    self._extend(key, new, new.items[link.new[0]])
                elif link.change is Change.REMOVED:
                    self.threads[self._at[(old.version, link.old[0])]].ended = new.version
                else:  # new, split, merged: a thread of its own
                    parents = tuple(self._at[(old.version, i)] for i in link.old)
                    for nid in link.new:
                        self._start(new, new.items[nid], parents)
                    for p in parents:  # split or merged: the old thread ends, its parts go on
                        self.threads[p].ended = new.version

    def _start(self, form: FormDef, item: Item, came_from: tuple[Key, ...] = ()) -> None:
        key = (form.version, item.id)
        self.threads[key] = Thread(key, {form.version: item.id}, {form.version: item.title.zh}, came_from)
        self._at[(form.version, item.id)] = key

    def _extend(self, key: Key, form: FormDef, item: Item) -> None:
        t = self.threads[key]
        t.ids[form.version] = item.id
        t.titles[form.version] = item.title.zh
        self._at[(form.version, item.id)] = key

    @property
    def latest(self) -> FormDef:
        return self.versions[-1]

    def thread_of(self, version: str, item_id: str) -> Thread:
        try:
            return self.threads[self._at[(version, item_id)]]
        except KeyError:
            raise FormError(
                f"表单 {self.latest.id} 版本 {version} 没有检查项 {item_id}",
                message_en=f"Form {self.latest.id} version {version} has no item {item_id}",
            ) from None

    def columns(self) -> list[Thread]:
        """Every thread, in a stable order: by first appearance, a removed item keeping its place."""
        return list(self.threads.values())

    def current(self, version: str, item_id: str) -> list[str]:
        """The item(s) of the latest version that carry on ``item_id`` of ``version``.

        A re-check of a finding raised on an old item looks here. Renamed or moved: the
        one item; split: its parts; merged: the merged item; removed: nothing.
        """
        todo = [self.thread_of(version, item_id).key]
        out: list[str] = []
        last = self.latest.version
        while todo:
            key = todo.pop(0)
            t = self.threads[key]
            if last in t.ids:
                if t.ids[last] not in out:
                    out.append(t.ids[last])
                continue
            todo += [c.key for c in self.threads.values() if key in c.came_from and c.key not in todo]
        order = list(self.latest.items)
        return sorted(out, key=order.index)


def lineage_for(registry, form_id: str) -> Lineage:
    """The lineage of every version of ``form_id`` known to a :class:`FormRegistry`."""
    return Lineage(registry.versions(form_id))
