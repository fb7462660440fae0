"""The in-memory catalogues matching searches: published offers with their requirements and
clients with their skills, each statement with its concepts and its text's vector.

A catalogue that serves is not changed: the matcher changes a ``copy`` and swaps it in, so a
shortlist reads one consistent catalogue without a lock. Its caches (``arrays``, concept
postings) are filled on first use and never change afterwards.

Each catalogue keeps postings (concept -> statements, text -> statements) for candidates and
flat arrays for scoring many candidates at once. Everything here is plain data: the entries
are read by ``matching.loaders``, and the matcher (``matching.engine``) brings the catalogues up
to date from the database before each query (rows changed since the last look), so a write by
any process counts on the next shortlist; what changes by the minute (status, places, consent,
tutor load) is read from the database again at query time anyway.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Generic, TypeVar

import numpy as np
import numpy.typing as npt

from matching.ann import IndexParams, VectorIndex
from matching.constraints import ClientFacts, OfferFacts
from matching.embedding import Vectors
from models.taxonomy import MappingHow

#: Rows changed this long before the last one seen are looked at again: a transaction that
#: started earlier may commit later. Once a scan has run this long after the last change,
#: everything up to that change has been seen and later scans start from it.
RESCAN = timedelta(seconds=60)
Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]


@dataclass(frozen=True)
class ConceptLink:
    concept_id: int
    score: float
    how: str


@dataclass(frozen=True)
class Statement:
    """A requirement of an offer or a skill of a client: the words and what they map to."""

    id: int
    text: str
    essential: bool
    concepts: tuple[ConceptLink, ...]
    vector_id: int = -1


@dataclass(frozen=True)
class OfferEntry:
    facts: OfferFacts
    title: str
    occupation: str
    statements: tuple[Statement, ...]
    updated_at: datetime
    occupation_vector_id: int = -1

    @property
    def id(self) -> int:
        return self.facts.id


@dataclass(frozen=True)
class ClientEntry:
    facts: ClientFacts
    aspirations: str
    consent_liaison: bool
    statements: tuple[Statement, ...]
    updated_at: datetime
    aspiration_vector_id: int = -1

    @property
    def id(self) -> int:
        return self.facts.id


Entry = TypeVar("Entry", OfferEntry, ClientEntry)


#: Lexical proposals this close to the best one count too (a label shared by two concepts).
TIE = 0.02


#: A statement spelt as a label means that label; informal readings of it are not added.
LEXICAL_SURE = 0.95


def statement_concepts(
    links: Iterable[ConceptLink], informal: bool = True
) -> tuple[ConceptLink, ...]:
    """What a statement is taken to mean. A person's confirmation replaces the proposals.
    Otherwise the best lexical proposal (and any tied with it) counts, since the others are
    alternative readings of the same words; and, for a client's statement that does not
    spell out a label, every informal-experience proposal counts, since one experience
    evidences several skills. A requirement asks for skills: informal readings of it are
    not used."""
    links = list(links)
    confirmed = [
        ConceptLink(link.concept_id, 1.0, MappingHow.confirmed.value)
        for link in links
        if link.how == MappingHow.confirmed.value
    ]
    if confirmed:
        return tuple(confirmed)
    lexical = [link for link in links if link.how != MappingHow.informal.value]
    best = max((link.score for link in lexical), default=0.0)
    chosen = [link for link in lexical if link.score >= best - TIE]
    if informal and best < LEXICAL_SURE:
        chosen += [link for link in links if link.how == MappingHow.informal.value]
    return tuple(chosen)


class VectorStore:
    """Vectors by stored embedding id, in one growing matrix."""

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self.matrix: Floats = np.zeros((1024, dim), dtype=np.float32)
        self.row_of: dict[int, int] = {}

    def __contains__(self, vector_id: int) -> bool:
        return vector_id in self.row_of

    def add(self, vector_id: int, vector: Vectors) -> None:
        if vector_id in self.row_of:
            return
        row = len(self.row_of)
        if row == len(self.matrix):
            grown = np.zeros((2 * len(self.matrix), self.dim), dtype=np.float32)
            grown[:row] = self.matrix
            self.matrix = grown
        self.matrix[row] = vector
        self.row_of[vector_id] = row

    def get(self, vector_ids: Iterable[int]) -> Floats:
        rows = [self.row_of[i] for i in vector_ids]
        return self.matrix[rows]

    def one(self, vector_id: int) -> Floats | None:
        row = self.row_of.get(vector_id)
        return None if row is None else self.matrix[row]


@dataclass
class Arrays:
    """Flat views of a catalogue for scoring every statement at once."""

    owner: Ints  # statement row -> entry slot (a dead row points at an extra, unused slot)
    essential: Floats
    alive: npt.NDArray[np.bool_]  # entry slot -> in the catalogue
    n_essential: Floats
    n_optional: Floats
    latitude: Floats
    longitude: Floats
    remote: npt.NDArray[np.bool_]
    max_km: Floats
    summary: Floats  # entry slot -> unit summary vector
    extra_row: Ints  # entry slot -> store row of the occupation / aspirations vector, or -1
    extra: Floats  # entry slot -> that vector (zeros where none), gathered once


@dataclass
class Catalogue(Generic[Entry]):
    """Entries of one side with postings over their statements."""

    store: VectorStore
    params: IndexParams
    entries: dict[int, Entry] = field(default_factory=dict)
    slot_of: dict[int, int] = field(default_factory=dict)
    slot_ids: list[int] = field(default_factory=list)
    row_owner: list[int] = field(default_factory=list)
    row_statement: list[Statement] = field(default_factory=list)
    rows_of: dict[int, list[int]] = field(default_factory=dict)
    by_concept: dict[int, list[tuple[int, float, str]]] = field(default_factory=dict)
    by_vector: dict[int, list[int]] = field(default_factory=dict)
    summaries: dict[int, Floats] = field(default_factory=dict)
    index: VectorIndex | None = None
    watermark: datetime | None = None
    settled: bool = False
    _arrays: Arrays | None = None
    _concept_arrays: dict[int, tuple[Ints, Floats]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.entries)

    def copy(self) -> Catalogue[Entry]:
        """A catalogue to change while this one keeps serving: every container that ``put``,
        ``remove`` or ``index_missing`` changes is copied; entries, statements, vectors and the
        index are immutable and shared."""
        return Catalogue(
            store=self.store,
            params=self.params,
            entries=dict(self.entries),
            slot_of=dict(self.slot_of),
            slot_ids=list(self.slot_ids),
            row_owner=list(self.row_owner),
            row_statement=list(self.row_statement),
            rows_of=dict(self.rows_of),
            by_concept={k: list(v) for k, v in self.by_concept.items()},
            by_vector={k: list(v) for k, v in self.by_vector.items()},
            summaries=dict(self.summaries),
            index=self.index,
            watermark=self.watermark,
            settled=self.settled,
            _arrays=None,
            _concept_arrays=dict(self._concept_arrays),
        )

    def remove(self, entry_id: int) -> None:
        if self.entries.pop(entry_id, None) is None:
            return
        for row in self.rows_of.pop(entry_id, []):
            self.row_owner[row] = -1
        self.summaries.pop(entry_id, None)
        self._arrays = None

    def put(self, entry: Entry) -> None:
        """Add or replace an entry; its statements' vectors must be in the store."""
        self.remove(entry.id)
        self.entries[entry.id] = entry
        if entry.id not in self.slot_of:
            self.slot_of[entry.id] = len(self.slot_ids)
            self.slot_ids.append(entry.id)
        rows = []
        for statement in entry.statements:
            row = len(self.row_owner)
            rows.append(row)
            self.row_owner.append(entry.id)
            self.row_statement.append(statement)
            for link in statement.concepts:
                self.by_concept.setdefault(link.concept_id, []).append((row, link.score, link.how))
                self._concept_arrays.pop(link.concept_id, None)
            if statement.vector_id >= 0:
                self.by_vector.setdefault(statement.vector_id, []).append(row)
        self.rows_of[entry.id] = rows
        self.summaries[entry.id] = self._summary(entry)
        self._arrays = None

    def _summary(self, entry: Entry) -> Floats:
        """A short summary's vector: the mean of its statements' vectors and its title's or
        aspirations' vector, so no long text is embedded per entry."""
        ids = [s.vector_id for s in entry.statements if s.vector_id in self.store]
        extra = (
            entry.occupation_vector_id
            if isinstance(entry, OfferEntry)
            else entry.aspiration_vector_id
        )
        if extra in self.store:
            ids.append(extra)
        if not ids:
            return np.zeros(self.store.dim, dtype=np.float32)
        mean = self.store.get(ids).mean(axis=0)
        norm = float(np.linalg.norm(mean))
        summary: Floats = (mean / norm if norm else mean).astype(np.float32)
        return summary

    def live_rows(self, rows: Ints) -> Ints:
        owners = self.arrays().owner[rows]
        return rows[owners < len(self.slot_ids)]

    def concept_postings(self, concept_id: int) -> tuple[Ints, Floats]:
        """Statement rows holding a concept and the score of that mapping."""
        cached = self._concept_arrays.get(concept_id)
        if cached is None:
            pairs = self.by_concept.get(concept_id, [])
            rows = np.fromiter((p[0] for p in pairs), dtype=np.int64, count=len(pairs))
            scores = np.fromiter((p[1] for p in pairs), dtype=np.float32, count=len(pairs))
            cached = self._concept_arrays[concept_id] = (rows, scores)
        return cached

    def arrays(self) -> Arrays:
        if self._arrays is None:
            self._arrays = self._build_arrays()
        return self._arrays

    def _build_arrays(self) -> Arrays:
        slots = len(self.slot_ids)
        owner = np.fromiter(
            (self.slot_of[o] if o >= 0 else slots for o in self.row_owner),
            dtype=np.int64,
            count=len(self.row_owner),
        )
        essential = np.fromiter(
            (s.essential for s in self.row_statement), dtype=np.float32, count=len(owner)
        )
        live = (owner < slots).astype(np.float32)
        n_essential = np.bincount(owner, weights=essential * live, minlength=slots + 1)[:slots]
        n_optional = np.bincount(owner, weights=(1 - essential) * live, minlength=slots + 1)
        alive = np.zeros(slots, dtype=bool)
        latitude = np.zeros(slots, dtype=np.float32)
        longitude = np.zeros(slots, dtype=np.float32)
        remote = np.zeros(slots, dtype=bool)
        max_km = np.zeros(slots, dtype=np.float32)
        summary = np.zeros((slots, self.store.dim), dtype=np.float32)
        extra_row = np.full(slots, -1, dtype=np.int64)
        for entry_id, entry in self.entries.items():
            slot = self.slot_of[entry_id]
            alive[slot] = True
            facts = entry.facts
            lat, lon = facts.latitude, facts.longitude
            latitude[slot] = np.nan if lat is None else lat
            longitude[slot] = np.nan if lon is None else lon
            if isinstance(entry, OfferEntry):
                remote[slot] = entry.facts.remote
                extra = entry.occupation_vector_id
            else:
                max_km[slot] = entry.facts.max_travel_km
                extra = entry.aspiration_vector_id
            extra_row[slot] = self.store.row_of.get(extra, -1)
            summary[slot] = self.summaries[entry_id]
        return Arrays(
            owner=owner,
            essential=essential,
            alive=alive,
            n_essential=n_essential.astype(np.float32),
            n_optional=n_optional[:slots].astype(np.float32),
            latitude=latitude,
            longitude=longitude,
            remote=remote,
            max_km=max_km,
            summary=summary,
            extra_row=extra_row,
            extra=np.where(
                (extra_row >= 0)[:, None], self.store.matrix[np.maximum(extra_row, 0)], 0
            ).astype(np.float32),
        )

    def statement_vector_ids(self) -> list[int]:
        return sorted(v for v, rows in self.by_vector.items() if v >= 0 and rows)

    def index_missing(self, vector_ids: Iterable[int]) -> None:
        """Add new statement vectors to the nearest-neighbour index (built when absent)."""
        wanted = sorted({v for v in vector_ids if v >= 0})
        if self.index is None:
            self.index = VectorIndex.build(
                self.store.dim, wanted, self.store.get(wanted), self.params
            )
            return
        fresh = [v for v in wanted if v not in self.index]
        if fresh:
            self.index = self.index.with_added(fresh, self.store.get(fresh))


def entry_texts(entries: Iterable[OfferEntry | ClientEntry]) -> set[str]:
    """The texts the entries' vectors are of: their statements and each offer's occupation or
    client's aspirations (an empty text has no vector)."""
    texts: set[str] = set()
    for entry in entries:
        texts.update(s.text for s in entry.statements)
        texts.add(entry.occupation if isinstance(entry, OfferEntry) else entry.aspirations)
    texts.discard("")
    return texts


def with_vector_ids(entries: Iterable[Entry], ids: Mapping[str, int]) -> list[Entry]:
    """The entries with the vector id of each of their texts (``ids``: text -> vector id;
    -1 for a text without one)."""
    result: list[Entry] = []
    for entry in entries:
        statements = tuple(
            Statement(s.id, s.text, s.essential, s.concepts, ids.get(s.text, -1))
            for s in entry.statements
        )
        if isinstance(entry, OfferEntry):
            result.append(
                OfferEntry(
                    entry.facts,
                    entry.title,
                    entry.occupation,
                    statements,
                    entry.updated_at,
                    ids.get(entry.occupation, -1),
                )
            )
        else:
            result.append(
                ClientEntry(
                    entry.facts,
                    entry.aspirations,
                    entry.consent_liaison,
                    statements,
                    entry.updated_at,
                    ids.get(entry.aspirations, -1),
                )
            )
    return result
