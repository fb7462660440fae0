"""Matching quality on ESCO: does the right offer come first for each client?

Offers are made from ESCO occupations with 8+ essential skills (title + 8 essential skills as
requirements). Each client holds half of one offer's requirements in other words (an
alternative label), a quarter of those with a typo, plus unrelated skills. A second part
describes clients in informal, non-ESCO words (bench/data/informal_statements.csv) against
offers that require what those words evidence. Everything goes through Tandem's own pipeline
(normalisation proposals stored on the records, the matcher, the shortlist service), and
three baselines are ranked in the same run: whole-text embedding cosine, TF-IDF cosine, and
concept coverage after a plain label/alias/fuzzy lookup. Prints recall@1, recall@10 and MRR
(over the top 100).

    .venv/bin/python bench/match_quality.py [--offers 1000] [--seed 3]
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from accounts.users import actor_for  # noqa: E402
from bench._esco import esco_database  # noqa: E402
from bench._starter import DATA  # noqa: E402
from bench.normalise import typo  # noqa: E402
from matching.ann import IndexParams  # noqa: E402
from matching.embedding import BUNDLED_MODEL, load_embedder  # noqa: E402
from matching.engine import Matcher  # noqa: E402
from matching.ranking import Weights  # noqa: E402
from models.client import (  # noqa: E402
    Client,
    ClientSkill,
    ClientSkillConcept,
    RightToWork,
    SkillSource,
)
from models.company import Company, SizeClass  # noqa: E402
from models.db import unit_of_work  # noqa: E402
from models.offer import (  # noqa: E402
    ContractType,
    Offer,
    OfferKind,
    OfferRequirement,
    OfferStatus,
    RequirementConcept,
)
from models.taxonomy import (  # noqa: E402
    ConceptKind,
    LabelKind,
    Occupation,
    OccupationSkill,
    SkillConcept,
    SkillLabel,
    SkillRelationType,
)
from models.user import Office, Role, User  # noqa: E402
from shortlists.explanations import read_explanation  # noqa: E402
from shortlists.render import render_explanation  # noqa: E402
from shortlists.schemas import ShortlistRequest  # noqa: E402
from shortlists.service import shortlist_for_client  # noqa: E402
from taxonomy.index import load_index  # noqa: E402
from taxonomy.mapping import proposals  # noqa: E402
from taxonomy.normalise import Normaliser  # noqa: E402
from taxonomy.starter import load_starter  # noqa: E402
from taxonomy.text import normalise  # noqa: E402

TOP = 100
STARTER_SKILLS = Path(__file__).resolve().parent.parent / "taxonomy/data/starter_skills.csv"
WHERE = dict(latitude=48.2082, longitude=16.3738)


class Case:
    def __init__(self, title: str, requirements: list[str], statements: list[str], part: str):
        self.title = title
        self.requirements = requirements
        self.statements = statements
        self.part = part
        self.offer_id = 0
        self.client_id = 0


def esco_cases(session: Session, count: int, rng: random.Random) -> list[Case]:
    essential: dict[int, list[int]] = defaultdict(list)
    for occupation_id, concept_id in session.execute(
        select(OccupationSkill.occupation_id, OccupationSkill.concept_id).where(
            OccupationSkill.relation == SkillRelationType.essential
        )
    ):
        essential[occupation_id].append(concept_id)
    titles = dict(session.execute(select(Occupation.id, Occupation.preferred_label)).all())
    preferred = dict(session.execute(select(SkillConcept.id, SkillConcept.preferred_label)).all())
    alternatives: dict[int, list[str]] = defaultdict(list)
    for concept_id, label in session.execute(
        select(SkillLabel.concept_id, SkillLabel.label).where(
            SkillLabel.kind == LabelKind.alternative, SkillLabel.source == "esco"
        )
    ):
        alternatives[concept_id].append(label)
    skill_ids = sorted(
        session.scalars(select(SkillConcept.id).where(SkillConcept.kind == ConceptKind.skill))
    )
    eligible = sorted(o for o, skills in essential.items() if len(skills) >= 8)
    cases = []
    for occupation_id in rng.sample(eligible, min(count, len(eligible))):
        skills = rng.sample(sorted(essential[occupation_id]), 8)
        held = rng.sample(skills, 4)
        statements = []
        for i, concept_id in enumerate(held):
            words = rng.choice(alternatives[concept_id] or [preferred[concept_id]])
            if i == 0:  # a quarter of the held skills with a typo
                words = " ".join(typo(w, rng) for w in words.split())
            statements.append(words)
        for concept_id in rng.sample(skill_ids, 4):
            if concept_id not in skills:
                statements.append(preferred[concept_id])
        rng.shuffle(statements)
        cases.append(
            Case(titles[occupation_id], [preferred[c] for c in skills], statements, "esco")
        )
    return cases


def informal_cases(session: Session, rng: random.Random) -> list[Case]:
    """Clients of three informal statements each; their offer requires what the statements
    evidence (one expected skill each) plus two unrelated skills."""
    by_key = dict(session.execute(select(SkillConcept.key, SkillConcept.preferred_label)).all())
    by_uri = dict(
        session.execute(select(SkillConcept.esco_uri, SkillConcept.preferred_label)).all()
    )
    labels = {}
    with STARTER_SKILLS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            labels[row["key"]] = by_uri.get(row["esco_uri"]) or by_key.get(row["key"], row["label"])
    esco_labels = sorted(label for uri, label in by_uri.items() if uri)
    with (DATA / "informal_statements.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rng.shuffle(rows)
    cases = []
    for start in range(0, len(rows) - 2, 3):
        group = rows[start : start + 3]
        needs = []
        for row in group:
            key = row["expected"].split("|")[0].strip()
            needs.append(labels[key])
        if len(set(needs)) < 3:
            continue
        requirements = needs + rng.sample(esco_labels, 2)
        rng.shuffle(requirements)
        title = "Helper: " + ", ".join(needs[:2])
        cases.append(Case(title, requirements, [r["statement"] for r in group], "informal"))
    return cases


def store_cases(session: Session, cases: list[Case], normaliser: Normaliser) -> User:
    office = Office(name="Bench")
    session.add(office)
    session.flush()
    caseworker = User(
        email="bench@tandem.example",
        display_name="bench",
        role=Role.caseworker,
        password_hash="x",
        office_id=office.id,
    )
    company = Company(
        name="Bench employer",
        nace_code="56",
        size_class=SizeClass.small,
        country="AT",
        postcode="1010",
        **WHERE,
    )
    session.add_all([caseworker, company])
    session.flush()
    for case in cases:
        offer = Offer(
            company_id=company.id,
            kind=OfferKind.vacancy,
            title=case.title,
            hours_per_week=30,
            contract_type=ContractType.permanent,
            country="AT",
            postcode="1010",
            places=1,
            status=OfferStatus.published,
            **WHERE,
        )
        for position, text in enumerate(case.requirements):
            offer.requirements.append(
                OfferRequirement(
                    position=position,
                    text=text,
                    essential=True,
                    concepts=[
                        RequirementConcept(concept_id=m.concept_id, score=m.score, how=m.how.value)
                        for m in proposals(normaliser, text)
                    ],
                )
            )
        client = Client(
            caseworker_id=caseworker.id,
            given_name="Bench",
            family_name="Client",
            country="AT",
            home_postcode="1010",
            right_to_work=RightToWork.yes,
            max_travel_km=50,
            consent_liaison=True,
            **WHERE,
        )
        for position, text in enumerate(case.statements):
            client.skills.append(
                ClientSkill(
                    position=position,
                    text=text,
                    source=SkillSource.informal,
                    concepts=[
                        ClientSkillConcept(concept_id=m.concept_id, score=m.score, how=m.how.value)
                        for m in proposals(normaliser, text)
                    ],
                )
            )
        session.add_all([offer, client])
        session.flush()
        case.offer_id, case.client_id = offer.id, client.id
    return caseworker


def metrics(ranks: Sequence[int | None]) -> tuple[float, float, float]:
    n = len(ranks)
    at1 = sum(1 for r in ranks if r == 1) / n
    at10 = sum(1 for r in ranks if r is not None and r <= 10) / n
    mrr = sum(1 / r for r in ranks if r is not None) / n
    return at1, at10, mrr


def rank_of(target: int, ranked: Sequence[int]) -> int | None:
    for position, offer_id in enumerate(ranked[:TOP], start=1):
        if offer_id == target:
            return position
    return None


def by_similarity(matrix: np.ndarray, offer_ids: list[int]) -> Callable[[int], list[int]]:
    def ranked(row: int) -> list[int]:
        scores = matrix[row]
        order = np.lexsort((np.asarray(offer_ids), -scores))[:TOP]
        return [offer_ids[i] for i in order]

    return ranked


def tfidf(docs: list[str]) -> np.ndarray:
    tokenised = [normalise(d).split() for d in docs]
    df: Counter[str] = Counter(t for doc in tokenised for t in set(doc))
    vocabulary = {t: i for i, t in enumerate(sorted(df))}
    matrix = np.zeros((len(docs), len(vocabulary)), dtype=np.float32)
    for row, doc in enumerate(tokenised):
        for token, tf in Counter(doc).items():
            matrix[row, vocabulary[token]] = (1 + math.log(tf)) * math.log(len(docs) / df[token])
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    normed: np.ndarray = matrix / np.maximum(norms, 1e-9)
    return normed


class PlainLookup:
    """Exact or alternative label, else the closest label by rapidfuzz: one concept each."""

    def __init__(self, session: Session) -> None:
        self.by_label: dict[str, int] = {}
        for concept_id, label, kind in session.execute(
            select(SkillLabel.concept_id, SkillLabel.normalised, SkillLabel.kind)
        ):
            if kind is LabelKind.preferred or label not in self.by_label:
                self.by_label[label] = concept_id
        self.labels = list(self.by_label)

    def concept(self, text: str) -> int | None:
        key = normalise(text)
        if key in self.by_label:
            return self.by_label[key]
        found = process.extractOne(key, self.labels, scorer=fuzz.ratio, score_cutoff=70)
        return self.by_label[found[0]] if found else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--offers", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--show", type=int, default=0, help="print this many misses")
    parser.add_argument("--semantic-threshold", type=float, default=Weights().semantic_threshold)
    parser.add_argument("--related", type=float, default=Weights().related)
    parser.add_argument("--semantic", type=float, default=Weights().semantic)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    factory, seconds = esco_database()
    print(f"ESCO imported in {seconds:.1f} s")
    with unit_of_work(factory) as session:
        load_starter(session)
    with unit_of_work(factory) as session:
        normaliser = Normaliser(load_index(session))
        cases = esco_cases(session, args.offers, rng) + informal_cases(session, rng)
        started = time.perf_counter()
        caseworker = store_cases(session, cases, normaliser)
        actor = actor_for(caseworker)
        print(
            f"{len(cases)} offers and clients stored with concept proposals in "
            f"{time.perf_counter() - started:.1f} s "
            f"({sum(c.part == 'informal' for c in cases)} in informal words)"
        )
    embedder = load_embedder(BUNDLED_MODEL)
    weights = replace(
        Weights(),
        semantic_threshold=args.semantic_threshold,
        related=args.related,
        semantic=args.semantic,
    )
    print(f"weights: {weights.as_dict()}")
    folder = Path(factory.kw["bind"].url.database).parent / "index"
    matcher = Matcher(embedder, folder, IndexParams(), weights)
    results: dict[str, list[int | None]] = defaultdict(list)
    offer_ids = [c.offer_id for c in cases]

    with unit_of_work(factory) as session:
        started = time.perf_counter()
        report = matcher.rebuild(session)
        print(
            f"embedded and indexed in {report.seconds:.1f} s ({report.offer_vectors} "
            f"requirement texts, {report.client_vectors} skill texts)"
        )
        started = time.perf_counter()
        for case in cases:
            shortlist = shortlist_for_client(
                session, actor, matcher, case.client_id, ShortlistRequest(limit=TOP), date.today()
            )
            ranked = [item.offer_id for item in shortlist.items if item.offer_id]
            results[f"tandem/{case.part}"].append(rank_of(case.offer_id, ranked))
            if args.show and case.part == "esco" and rank_of(case.offer_id, ranked) != 1:
                args.show -= 1
                print("MISS", case.statements, "target", case.offer_id)
                for item in shortlist.items[:3]:
                    facts = read_explanation(item.explanation)
                    text = render_explanation(facts, show_client_words=True).text
                    print("  ", item.offer_id, text[:700])
        tandem_s = time.perf_counter() - started
        session.rollback()

    started = time.perf_counter()
    offer_texts = [c.title + ". " + "; ".join(c.requirements) for c in cases]
    client_texts = ["; ".join(c.statements) for c in cases]
    offer_vectors = embedder.encode(offer_texts)
    client_vectors = embedder.encode(client_texts)
    whole = by_similarity(client_vectors @ offer_vectors.T, offer_ids)
    whole_s = time.perf_counter() - started
    started = time.perf_counter()
    matrix = tfidf(offer_texts + client_texts)
    tf = by_similarity(matrix[len(cases) :] @ matrix[: len(cases)].T, offer_ids)
    tfidf_s = time.perf_counter() - started
    started = time.perf_counter()
    with factory() as session:
        lookup = PlainLookup(session)
    offer_concepts = [[lookup.concept(r) for r in c.requirements] for c in cases]
    coverage_scores = np.zeros((len(cases), len(cases)), dtype=np.float32)
    for row, case in enumerate(cases):
        held = {lookup.concept(s) for s in case.statements} - {None}
        for column, needed in enumerate(offer_concepts):
            coverage_scores[row, column] = sum(c in held for c in needed) / len(needed)
    coverage = by_similarity(coverage_scores, offer_ids)
    coverage_s = time.perf_counter() - started
    for row, case in enumerate(cases):
        results[f"whole-text embedding/{case.part}"].append(rank_of(case.offer_id, whole(row)))
        results[f"tf-idf/{case.part}"].append(rank_of(case.offer_id, tf(row)))
        results[f"plain concept coverage/{case.part}"].append(rank_of(case.offer_id, coverage(row)))

    print(f"\n{'method':<26}{'part':<10}{'clients':>8}{'R@1':>8}{'R@10':>8}{'MRR':>8}")
    for method in ("whole-text embedding", "tf-idf", "plain concept coverage", "tandem"):
        for part in ("esco", "informal", "all"):
            ranks = (
                results[f"{method}/esco"] + results[f"{method}/informal"]
                if part == "all"
                else results[f"{method}/{part}"]
            )
            at1, at10, mrr = metrics(ranks)
            print(f"{method:<26}{part:<10}{len(ranks):>8}{at1:>8.3f}{at10:>8.3f}{mrr:>8.3f}")
    print(
        f"\ntimes: tandem {tandem_s:.1f} s for {len(cases)} shortlists "
        f"({1000 * tandem_s / len(cases):.0f} ms each, stored and explained); whole-text "
        f"{whole_s:.1f} s; tf-idf {tfidf_s:.1f} s; plain coverage {coverage_s:.1f} s"
    )


if __name__ == "__main__":
    main()
