"""Keep modules that a search never uses out of the process.

Three of Whoosh's imports pull in large parts of the standard library for
features archive-search does not use, about 30 ms of a 160 ms search command
(``python -X importtime``):

* ``whoosh.compat`` takes ``urlretrieve`` from ``urllib.request``, which
  imports ``http.client``, ``email`` and ``ssl`` (about 18 ms);
* ``cached_property`` (used by Whoosh's segment reader) imports ``asyncio``
  for coroutine support (about 10 ms);
* ``whoosh.query.terms`` takes ``variations`` from ``whoosh.lang.morph_en``,
  English morphology that compiles a hundred regular expressions (about 5 ms).

While one of those three modules runs its import, the module it would import
is replaced by a stand-in (:class:`StandIn`) whose functions import the real
module on their first call. Only the importing module keeps the stand-in: it is
taken out of ``sys.modules`` again as soon as that import is done, so any other
code importing ``urllib.request`` or ``asyncio`` gets the real module.
:func:`install` is called when ``archive_search`` is imported, before Whoosh is.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
import types


def _is_coroutine_function(function) -> bool:
    # for plain functions inspect's answer is asyncio's (Python 3.11+)
    import inspect

    return inspect.iscoroutinefunction(function)


# importing module → {module it would import: attributes the stand-in answers itself}
STAND_INS: dict[str, dict[str, dict]] = {
    "whoosh.compat": {"urllib.request": {}},
    "whoosh.query.terms": {"whoosh.lang.morph_en": {}},
    # the one asyncio function cached_property calls on every first access
    "cached_property": {"asyncio": {"iscoroutinefunction": _is_coroutine_function}},
}


class StandIn(types.ModuleType):
    """A module whose attributes are functions that import the real module
    (``real_name``) on their first call and call its function of that name."""

    def __init__(self, real_name: str, own: dict):
        super().__init__(real_name)
        self.__dict__.update(own)

    def __getattr__(self, attr: str):
        if attr.startswith("__"):
            raise AttributeError(attr)
        real_name = self.__name__

        def deferred(*args, **kwargs):
            return getattr(importlib.import_module(real_name), attr)(*args, **kwargs)

        deferred.__name__ = attr
        setattr(self, attr, deferred)
        return deferred


class _StandInLoader:
    """Runs a module's import with stand-ins for some of the modules it imports."""

    def __init__(self, loader, stand_ins: dict[str, dict]):
        self._loader = loader
        self._stand_ins = stand_ins

    def __getattr__(self, name):  # get_source, is_package …: the real loader's
        return getattr(self._loader, name)

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module) -> None:
        placed = {}
        for name, own in self._stand_ins.items():
            if name not in sys.modules:  # already imported for real: nothing to save
                placed[name] = sys.modules[name] = StandIn(name, own)
        try:
            self._loader.exec_module(module)
        finally:
            for name, stand_in in placed.items():
                if sys.modules.get(name) is stand_in:
                    del sys.modules[name]


class _Finder:
    """A meta path finder (importlib.abc is not imported: it costs 10 ms)."""

    def find_spec(self, fullname, path, target=None):
        stand_ins = STAND_INS.get(fullname)
        if stand_ins is None:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is not None and spec.loader is not None:
            spec.loader = _StandInLoader(spec.loader, stand_ins)
        return spec


def install() -> None:
    """Put the stand-ins in place for the imports still to come (once)."""
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
