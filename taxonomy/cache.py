"""The skills index held by a long-running process, rebuilt when the taxonomy changes (an
import or a starter load in another process), so every request normalises against the
current taxonomy without reloading it each time."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from sqlalchemy.orm import Session

from taxonomy.index import SkillIndex, load_index, taxonomy_version
from taxonomy.normalise import DenseSearch, Normaliser, Thresholds
from taxonomy.queries import Autocomplete

#: Builds the dense search over the concept vectors of a freshly loaded index (the concept
#: vectors live above this layer; the app hands this in).
DenseFactory = Callable[[Session, SkillIndex], DenseSearch | None]


class SkillsCache:
    def __init__(
        self,
        thresholds: Thresholds,
        check_every_s: float = 5.0,
        dense: DenseFactory | None = None,
    ) -> None:
        self.thresholds = thresholds
        self.check_every_s = check_every_s
        self.dense = dense
        self._normaliser: Normaliser | None = None
        self._autocomplete: Autocomplete | None = None
        self._checked = 0.0
        self._lock = threading.Lock()

    def normaliser(self, session: Session) -> Normaliser:
        now = time.monotonic()
        current = self._normaliser
        if current is not None and now - self._checked < self.check_every_s:
            return current
        with self._lock:
            version = taxonomy_version(session)
            if self._normaliser is None or self._normaliser.index.version != version:
                index = load_index(session)
                dense = self.dense(session, index) if self.dense is not None else None
                self._normaliser = Normaliser(index, self.thresholds, dense)
                self._autocomplete = None
            self._checked = now
            return self._normaliser

    def autocomplete(self, session: Session) -> Autocomplete:
        normaliser = self.normaliser(session)
        current = self._autocomplete
        if current is None or current.normaliser is not normaliser:
            current = self._autocomplete = Autocomplete(normaliser)
        return current
