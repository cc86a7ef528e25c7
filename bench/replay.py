"""A small stand-in for Dash's browser renderer, over the Flask test client: it opens a page
and sends the `/_dash-update-component` requests the renderer would, in its order, with the
bodies it would build from the layout — so that benchmarks time real callbacks with realistic
bodies, and tests can read what a first render builds, without a browser.

What it follows: `/_dash-dependencies`; initial calls (every server callback whose inputs
and outputs are all on the page, unless `prevent_initial_call`) for the first layout and for
every component a callback adds; a changed property triggering the callbacks that take it
as an input; a callback waiting while another queued one produces one of its inputs;
pattern-matching ids (MATCH, ALL). What it leaves out: clientside callbacks (nothing the
server needs depends on them here), Patch outputs are recorded but not applied.
"""
from __future__ import annotations

import gzip
import json
import time
from dataclasses import dataclass, field
from typing import Any

Key = tuple[str, str]  # (stringified component id, property)


def stringify(component_id: Any) -> str:
    """Dash's form of an id: the string, or the dict as sorted compact JSON."""
    if isinstance(component_id, dict):
        return json.dumps(component_id, sort_keys=True, separators=(",", ":"))
    return str(component_id)


def _split(spec: str) -> list[tuple[str, str]]:
    """'..a.children...b.data..' or 'a.children' → [('a', 'children'), ('b', 'data')]."""
    parts = spec[2:-2].split("...") if spec.startswith("..") else [spec]
    return [tuple(p.rsplit(".", 1)) for p in parts]  # type: ignore[misc]


@dataclass
class Call:
    """One request the renderer sent: which callback, its time, what came back."""

    output: str
    ms: float
    raw_bytes: int
    gzip_bytes: int
    status: int
    response: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The first output, wildcards included: stable across regions, domains, etc."""
        return self.output.strip(".").split("...")[0]


@dataclass
class _Instance:
    """A callback with its pattern-matching ids made concrete for one MATCH value."""

    dep: dict[str, Any]
    outputs: list[tuple[Any, str]]
    inputs: list[tuple[Any, str]]  # an id may be a list of ids (ALL)
    state: list[tuple[Any, str]]

    @property
    def output_keys(self) -> set[Key]:
        return {(stringify(i), p) for i, p in self.outputs}

    def input_keys(self) -> set[Key]:
        keys: set[Key] = set()
        for ident, prop in self.inputs:
            for one in ident if isinstance(ident, list) else [ident]:
                keys.add((stringify(one), prop))
        return keys


class Replay:
    """Open pages of one app as a browser would; every request is kept in `calls`."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.deps = [d for d in client.get("/_dash-dependencies").get_json()
                     if not d.get("clientside_function")]
        self.props: dict[str, dict[str, Any]] = {}
        self.ids: dict[str, Any] = {}
        self.calls: list[Call] = []

    # --- the page's components ---------------------------------------------------------------

    def _add(self, tree: Any, new: set[str]) -> None:
        if isinstance(tree, list):
            for child in tree:
                self._add(child, new)
            return
        if not isinstance(tree, dict) or "props" not in tree or "type" not in tree:
            return
        props = tree["props"]
        if "id" in props:
            key = stringify(props["id"])
            self.props[key] = props
            self.ids[key] = props["id"]
            new.add(key)
        for value in props.values():
            if isinstance(value, (dict, list)):
                self._add(value, new)

    def _drop(self, tree: Any) -> None:
        """Forget the components of children that are being replaced."""
        gone: set[str] = set()
        self._add(tree, gone)
        for key in gone:
            self.props.pop(key, None)
            self.ids.pop(key, None)

    def _matches(self, pattern: Any) -> list[Any]:
        """Concrete ids matching a (possibly wildcard) id."""
        if not isinstance(pattern, dict):
            return [pattern] if str(pattern) in self.props else []
        found = []
        for ident in self.ids.values():
            if isinstance(ident, dict) and ident.keys() == pattern.keys() and all(
                    isinstance(v, list) or ident[k] == v for k, v in pattern.items()):
                found.append(ident)
        return found

    def _instances(self, dep: dict[str, Any]) -> list[_Instance]:
        def parse(spec: str) -> tuple[Any, str]:
            ident, prop = spec.rsplit(".", 1) if "." in spec else (spec, "")
            return (json.loads(ident) if ident.startswith("{") else ident), prop

        outs = [parse(f"{i}.{p}") for i, p in _split(dep["output"])]
        ins = [(d["id"] if not str(d["id"]).startswith("{") else json.loads(d["id"]),
                d["property"]) for d in dep["inputs"]]
        states = [(d["id"] if not str(d["id"]).startswith("{") else json.loads(d["id"]),
                   d["property"]) for d in dep.get("state", [])]
        pattern = next((i for i, _ in ins + outs if isinstance(i, dict) and any(
            v == ["MATCH"] for v in i.values())), None)
        choices: list[dict[str, Any]] = [{}]
        if pattern is not None:
            wild = [k for k, v in pattern.items() if v == ["MATCH"]]
            choices = [{k: m[k] for k in wild} for m in self._matches(pattern)]

        def concrete(ident: Any, values: dict[str, Any]) -> Any:
            if not isinstance(ident, dict):
                return ident
            filled = {k: values.get(k, v) if v == ["MATCH"] else v for k, v in ident.items()}
            if any(v == ["ALL"] for v in filled.values()):
                return self._matches(filled)
            return filled

        return [_Instance(dep, [(concrete(i, c), p) for i, p in outs],
                          [(concrete(i, c), p) for i, p in ins],
                          [(concrete(i, c), p) for i, p in states]) for c in choices]

    def _present(self, inst: _Instance) -> bool:
        for ident, _prop in inst.outputs + inst.inputs:
            if isinstance(ident, list):
                continue
            if stringify(ident) not in self.props:
                return False
        return True

    # --- running callbacks -------------------------------------------------------------------

    def _value(self, ident: Any, prop: str) -> Any:
        return self.props.get(stringify(ident), {}).get(prop)

    def _entries(self, pairs: list[tuple[Any, str]]) -> list[Any]:
        out: list[Any] = []
        for ident, prop in pairs:
            if isinstance(ident, list):
                out.append([{"id": i, "property": prop, "value": self._value(i, prop)}
                            for i in ident])
            else:
                out.append({"id": ident, "property": prop, "value": self._value(ident, prop)})
        return out

    def _run(self, inst: _Instance, changed: list[str]) -> set[Key]:
        outputs = [{"id": i, "property": p} for i, p in inst.outputs]
        body = {"output": inst.dep["output"],
                "outputs": outputs if inst.dep["output"].startswith("..") else outputs[0],
                "inputs": self._entries(inst.inputs), "state": self._entries(inst.state),
                "changedPropIds": changed}
        start = time.perf_counter()
        response = self.client.post("/_dash-update-component", json=body)
        ms = (time.perf_counter() - start) * 1000
        raw = response.get_data()
        if response.status_code not in (200, 204):
            raise RuntimeError(f"{inst.dep['output']}: {response.status_code} {raw[:500]!r}")
        data = json.loads(raw) if response.status_code == 200 else {}
        self.calls.append(Call(inst.dep["output"], ms, len(raw),
                               len(gzip.compress(raw, 6)) if raw else 0, response.status_code,
                               data))
        changed_keys: set[Key] = set()
        new: set[str] = set()
        for key, props in data.get("response", {}).items():
            for prop, value in props.items():
                if isinstance(value, dict) and "__dash_patch_update" in value:
                    continue
                old = self.props.setdefault(key, {}).get(prop)
                if prop == "children" and old is not None:
                    self._drop(old)
                self.props[key][prop] = value
                changed_keys.add((key, prop))
                if prop == "children" or isinstance(value, (dict, list)):
                    self._add(value, new)
        self._pending_new |= new
        return changed_keys

    def _settle(self, changed: set[Key], new: set[str]) -> None:
        """Run what a change and new components trigger, until nothing is left."""
        self._pending_new = set(new)
        queue: list[tuple[_Instance, list[str]]] = []
        self._enqueue(queue, changed)
        while queue:
            waiting = [o for inst, _ in queue for o in inst.output_keys]
            ready = [(inst, ch) for inst, ch in queue
                     if not (inst.input_keys() & (set(waiting) - inst.output_keys))]
            ready = ready or queue[:1]
            queue = [q for q in queue if q not in ready]
            produced: set[Key] = set()
            for inst, ch in ready:
                produced |= self._run(inst, ch)
            self._enqueue(queue, produced)

    def _enqueue(self, queue: list[tuple[_Instance, list[str]]], changed: set[Key]) -> None:
        new, self._pending_new = self._pending_new, set()
        queued = {(inst.dep["output"], json.dumps(inst.outputs, default=str))
                  for inst, _ in queue}
        for dep in self.deps:
            for inst in self._instances(dep):
                if not self._present(inst):
                    continue
                ident = (dep["output"], json.dumps(inst.outputs, default=str))
                hit = sorted(f"{k}.{p}" for k, p in inst.input_keys() & changed)
                touched = {stringify(i) for i, _ in inst.outputs + inst.inputs
                           if not isinstance(i, list)}
                initial = bool(touched & new) and not dep.get("prevent_initial_call")
                if (hit or initial) and ident not in queued:
                    queue.append((inst, hit))
                    queued.add(ident)

    # --- what a reader does --------------------------------------------------------------

    def open(self, path: str, search: str = "") -> list[Call]:
        """A fresh load of `path?search`: the layout, then every initial callback."""
        self.props, self.ids = {}, {}
        start = len(self.calls)
        new: set[str] = set()
        self._add(self.client.get("/_dash-layout").get_json(), new)
        self.props.setdefault("url", {}).update(pathname=path, search=search,
                                                href=f"http://localhost{path}{search}")
        self._settle(set(), new)
        return self.calls[start:]

    def set(self, component_id: Any, **props: Any) -> list[Call]:
        """What the reader (or a script in the page) changes: the callbacks it triggers."""
        start = len(self.calls)
        key = stringify(component_id)
        self.props.setdefault(key, {}).update(props)
        self._settle({(key, p) for p in props}, set())
        return self.calls[start:]

    def component_ids(self) -> list[Any]:
        return list(self.ids.values())
