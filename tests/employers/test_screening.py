"""The screener on its own: shipped rules in four languages, look-alikes that pass, and rules a
service adds for its own language without code."""

from __future__ import annotations

from pathlib import Path

import pytest

from employers.screening import RulesFileError, Screener


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.from_files()


@pytest.mark.parametrize(
    ("text", "ground"),
    [
        ("Candidates aged 20-30 preferred", "age"),
        ("Junges dynamisches Team sucht Verstärkung, max. 35 Jahre", "age"),
        ("Homme uniquement pour ce poste", "sex"),
        ("Se busca camarera", "sex"),
        ("Native English speaker required", "origin"),
        ("Langue maternelle française exigée", "origin"),
        ("Keine Kinder, ledig bevorzugt", "family_status"),
        ("No headscarf at the counter", "religion"),
        ("En parfaite santé", "disability_health"),
        ("Buena presencia imprescindible", "appearance"),
    ],
)
def test_discriminatory_wording_is_found_with_its_ground(
    screener: Screener, text: str, ground: str
) -> None:
    findings = screener.screen(text)
    assert ground in {f.ground for f in findings}
    for finding in findings:
        assert text[finding.start : finding.end] == finding.span
        assert finding.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Servicekraft (m/w/d) gesucht",
        "Serveur (H/F) pour notre brasserie",
        "We are an equal opportunities employer",
        "Driving licence B and German at B1 level",
        "Night shifts, lifting up to 20 kg with aids",
    ],
)
def test_legitimate_requirements_pass(screener: Screener, text: str) -> None:
    assert screener.screen(text) == []


def test_a_service_adds_rules_in_its_own_language_without_code(tmp_path: Path) -> None:
    rules = tmp_path / "pl.csv"
    rules.write_text(
        "id,language,ground,pattern,suggestion\n"
        "pl-age-max,pl,age,\\bdo\\s+\\d{2}\\s+lat\\b,Opisz umiejętności zamiast wieku\n",
        encoding="utf-8",
    )
    screener = Screener.from_files(extra_rules=rules)
    (finding,) = [f for f in screener.screen("Kelner, do 30 lat") if f.rule == "pl-age-max"]
    assert (finding.ground, finding.span) == ("age", "do 30 lat")


def test_a_broken_rules_file_is_refused_naming_the_line(tmp_path: Path) -> None:
    rules = tmp_path / "bad.csv"
    rules.write_text(
        "id,language,ground,pattern,suggestion\nx-1,xx,age,(unclosed,Fix it\n", encoding="utf-8"
    )
    with pytest.raises(RulesFileError, match="bad.csv:2"):
        Screener.from_files(extra_rules=rules)
    rules.write_text(
        "id,language,ground,pattern,suggestion\nx-1,xx,height,tall,Fix\n", encoding="utf-8"
    )
    with pytest.raises(RulesFileError, match="unknown ground"):
        Screener.from_files(extra_rules=rules)


@pytest.mark.parametrize(
    ("text", "ground", "written"),
    [
        ("Wir suchen ju\u200bnge Leute", "age", "ju\u200bnge"),
        ("Wir suchen jun\u00adge Leute", "age", "jun\u00adge"),
        ("Only m\u0430le applicants", "sex", "m\u0430le"),  # Cyrillic a
        ("W\u0430itress wanted", "sex", "W\u0430itress"),
        ("\uff37\uff41\uff49\uff54\uff52\uff45\uff53\uff53 wanted", "sex", "\uff37\uff41"),
        ("Nur Ma\u0308nner", "sex", "Ma\u0308nner"),  # decomposed umlaut as some keyboards paste it
        ("No hea\u2060dscarf at the counter", "religion", "hea\u2060dscarf"),  # word joiner
    ],
)
def test_unicode_dodges_are_found_and_the_span_points_at_the_original(
    screener: Screener, text: str, ground: str, written: str
) -> None:
    findings = [f for f in screener.screen(text) if f.ground == ground]
    assert findings, text
    for finding in findings:
        assert text[finding.start : finding.end] == finding.span
    assert any(written in f.span for f in findings)


def test_a_word_really_written_in_cyrillic_is_not_folded_into_latin(screener: Screener) -> None:
    from employers.screening_text import normalise

    assert normalise("Снег и мама").text == "Снег и мама"
    assert normalise("m\u0430le").text == "male"


@pytest.mark.parametrize(
    "text",
    [
        "You will support young people aged 16 to 25 into work.",
        "Youth workers support, accompany and counsel young people.",
        "Care for patients with mental illness on an acute ward.",
        "They treat clients with personal struggles, namely mental illness and addiction.",
        "Supervising the processing of products of animal origin.",
        "Students learn in a language that is not their native language.",
        "Sie unterstützen junge Menschen beim Übergang in den Beruf.",
        "Acompañarás a jóvenes en riesgo de exclusión.",
        "Sosterrai i giovani nel percorso di inserimento lavorativo.",
    ],
)
def test_a_phrase_about_the_work_or_the_people_served_passes(screener: Screener, text: str) -> None:
    assert screener.screen(text) == []


@pytest.mark.parametrize(
    ("text", "ground"),
    [
        ("We are looking for young people to join our sales floor.", "age"),
        ("Ideal for a young person who wants to learn.", "age"),
        ("People with mental illness need not apply.", "disability_health"),
        ("Applicants with a history of mental illness are not considered.", "disability_health"),
        ("Must be of German origin.", "origin"),
        ("Wir suchen junge Leute für unser Lager.", "age"),
        ("You will work with a young, dynamic team.", "age"),
    ],
)
def test_the_same_phrase_about_the_person_sought_is_held(
    screener: Screener, text: str, ground: str
) -> None:
    assert ground in {f.ground for f in screener.screen(text)}


@pytest.mark.parametrize(
    ("text", "ground"),
    [
        ("Join us as a young and dynamic team member.", "age"),
        ("Max. 5 years of experience.", "age"),
        ("Ideal for a digital native.", "age"),
        ("This role suits a recent graduate.", "age"),
        ("We need a strong man for the warehouse.", "sex"),
        ("Il sera chargé de l'accueil des clients.", "sex"),
        ("Se busca dependienta para tienda de ropa.", "sex"),
        ("Verkäuferin gesucht.", "sex"),
        ("No family commitments, as the job involves travel.", "family_status"),
        ("You should be single and free to relocate.", "family_status"),
    ],
)
def test_euphemisms_gendered_titles_and_family_conditions_are_held_with_a_rewording(
    screener: Screener, text: str, ground: str
) -> None:
    findings = [f for f in screener.screen(text) if f.ground == ground]
    assert findings
    assert all(f.suggestion for f in findings)


def test_the_german_inclusive_marker_makes_a_gendered_title_pass(screener: Screener) -> None:
    assert screener.screen("Verkäuferin (m/w/d) gesucht") == []
    assert {f.ground for f in screener.screen("Verkäuferin gesucht")} == {"sex"}


@pytest.mark.parametrize(
    "text",
    [
        "Wir suchen einen Lagerarbeiter für unser Team in Linz.",
        "Berufskraftfahrer gesucht",
        "Wir suchen eine Elektrikerin.",
        "Nous recherchons un chauffeur-livreur pour nos tournées.",
        "Buscamos mozo de almacén",
        "Cerchiamo un magazziniere con patentino muletto.",
        "Fachkraft Metallbau (m)",
    ],
)
def test_a_job_title_in_one_gender_only_is_held(screener: Screener, text: str) -> None:
    findings = screener.screen(text)
    assert {f.ground for f in findings} == {"sex"}
    assert all(f.suggestion for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "Wir suchen einen Lagerarbeiter (m/w/d) für unser Team in Linz.",
        "Berufskraftfahrer/in gesucht",
        "Wir suchen eine:n Elektriker:in.",
        "Nous recherchons un chauffeur-livreur (H/F) pour nos tournées.",
        "Recherche serveur ou serveuse",
        "Buscamos mozo/a de almacén",
        "Cerchiamo un magazziniere (m/f) con patentino muletto.",
        "Wir suchen einen Koch oder eine Köchin.",
        "Sales assistant – part-time",
    ],
)
def test_a_job_title_with_an_inclusive_marker_or_both_forms_passes(
    screener: Screener, text: str
) -> None:
    assert screener.screen(text) == []


def test_the_pronoun_of_a_named_contact_passes_and_of_the_candidate_is_held(
    screener: Screener,
) -> None:
    assert screener.screen("Our contact: Anna Berger. She will answer your questions.") == []
    assert screener.screen("Ihre Ansprechpartnerin ist Frau Huber. Sie ist erreichbar.") == []
    assert {f.ground for f in screener.screen("He will be happy to lead the team.")} == {"sex"}
    assert {f.ground for f in screener.screen("Sie ist kommunikativ und belastbar.")} == {"sex"}
    assert screener.screen("Sie sind kommunikativ und belastbar.") == []


@pytest.mark.parametrize(
    ("text", "ground"),
    [
        ("Cercasi cameriera per pub in centro.", "sex"),
        ("Età massima 30 anni.", "age"),
        ("Madrelingua italiana richiesta.", "origin"),
        ("Astenersi persone con disabilità.", "disability_health"),
        ("Preferibilmente single e senza figli.", "family_status"),
    ],
)
def test_italian_ships_as_data_files(screener: Screener, text: str, ground: str) -> None:
    assert ground in {f.ground for f in screener.screen(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Cameriere/a per ristorante in centro.",
        "La ricerca è rivolta a entrambi i sessi (L. 903/77).",
        "Una giovane realtà in forte crescita.",
        "Assistenza a pazienti con disturbi psichiatrici.",
    ],
)
def test_italian_look_alikes_pass(screener: Screener, text: str) -> None:
    assert screener.screen(text) == []


def test_a_service_adds_an_italian_rule_and_a_context_cue_as_data(tmp_path: Path) -> None:
    rules = tmp_path / "it.csv"
    rules.write_text(
        "id,language,ground,pattern,suggestion\n"
        "it-age-quarantenni,it,age,\\bquarantenn[ei]\\b,Descrivi le competenze invece dell'età\n",
        encoding="utf-8",
    )
    text = "Cerchiamo quarantenni motivati"
    assert "it-age-quarantenni" not in {f.rule for f in Screener.from_files().screen(text)}
    screener = Screener.from_files(extra_rules=rules)
    (finding,) = [f for f in screener.screen(text) if f.rule == "it-age-quarantenni"]
    assert (finding.ground, finding.span) == ("age", "quarantenni")

    served = "Corsi di ginnastica per quarantenni"
    assert screener.screen(served)
    context = tmp_path / "it-context.csv"
    context.write_text(
        "id,language,kind,position,grounds,gap,pattern\n"
        "it-served-corsi,it,served,before,age,,\\bcorsi\\s+di\\s+\\w+\\s+per\\b\n",
        encoding="utf-8",
    )
    with_context = Screener.from_files(extra_rules=rules, extra_context=context)
    assert with_context.screen(served) == []
    assert with_context.screen(text)


def test_a_broken_context_file_is_refused_naming_the_line(tmp_path: Path) -> None:
    context = tmp_path / "context.csv"
    context.write_text(
        "id,language,kind,position,grounds,gap,pattern\nx,xx,maybe,before,*,,\\bx\\b\n",
        encoding="utf-8",
    )
    with pytest.raises(RulesFileError, match="context.csv:2"):
        Screener.from_files(extra_context=context)


# Each category added from the second blind set: a held line and its look-alike that passes,
# in the five languages (rule ids say which data row holds it).
HELD_AND_LOOK_ALIKE = [
    # blanket health conditions, against a stated demand of the work
    ("disability_health", "You must be in perfect health.", "Able to lift 20 kg."),
    ("disability_health", "Fit and healthy candidates only.", "Fit and healthy lifestyle coach."),
    ("disability_health", "Körperlich und geistig voll belastbar.", "Heben bis 25 kg."),
    ("disability_health", "Keine gesundheitlichen Einschränkungen.", "Arbeit im Stehen."),
    ("disability_health", "Physiquement et mentalement solide.", "Port de charges de 20 kg."),
    ("disability_health", "Gozar de buena salud.", "Capacidad para cargar 20 kg."),
    ("disability_health", "Fisicamente e mentalmente robusto.", "Sollevare fino a 20 kg."),
    # named illnesses in an exclusion, against the patients served
    (
        "disability_health",
        "Applicants with diabetes or epilepsy need not apply.",
        "Care for patients with diabetes and epilepsy.",
    ),
    (
        "disability_health",
        "Bewerber*innen mit Epilepsie oder Diabetes werden nicht berücksichtigt.",
        "Betreuung von Menschen mit Diabetes und Epilepsie.",
    ),
    (
        "disability_health",
        "Pas de personnes sous traitement médical.",
        "Accompagner des patients atteints de diabète.",
    ),
    # a faith preferred or required, church membership, religious dress and practice
    (
        "religion",
        "Preferably a practising Christian.",
        "Chaplaincy team: support patients of every faith.",
    ),
    ("religion", "Katholisch erwünscht.", "Erfahrung mit jüdischen Speisevorschriften erwünscht."),
    (
        "religion",
        "De confession catholique de préférence.",
        "Connaissance des rites funéraires musulmans et juifs appréciée.",
    ),
    (
        "religion",
        "Se valorará ser de fe musulmana.",
        "Menú adaptado a la fe musulmana y judía (catering).",
    ),
    (
        "religion",
        "Preferibilmente di religione cattolica.",
        "Insegnante di religione cattolica per la scuola primaria.",
    ),
    (
        "religion",
        "Applicants who need time off for Ramadan need not apply.",
        "Experience planning menus for Ramadan and Diwali events.",
    ),
    ("religion", "Non si accettano donne che indossano il velo.", "Permesso di soggiorno valido."),
    # citizenship and origin profiles, against a right to work
    ("origin", "Austrian nationals preferred.", "Valid work permit for Austria required."),
    ("origin", "EU-Bürger:innen bevorzugt.", "Gültige Arbeitserlaubnis erforderlich."),
    ("origin", "Profil « européen » souhaité.", "Titre de séjour valide exigé."),
    ("origin", "Nacionalidad española imprescindible.", "Permiso de trabajo en vigor."),
    ("origin", "Cittadinanza italiana obbligatoria.", "Support EU citizens settling in Vienna."),
    (
        "origin",
        "Muttersprache Deutsch erforderlich.",
        "Enseigner le français aux enfants de familles francophones natives.",
    ),
    # an age cap under twenty, against the ages of the young people served
    ("age", "Lehrling bis max. 18 Jahre gesucht.", "Jugendbetreuer:in für Jugendliche ab 14."),
    ("age", "Up to max. 19 years old (apprenticeship).", "Experience in youth work (ages 12–18)"),
    ("age", "Our team is aged 20–30, so you should fit right in.", "Lehrling ab 15 Jahren."),
    # sex: a bracketed sex word, a candidate's pronoun with any future verb
    ("sex", "Wir suchen eine Reinigungskraft (Dame)", "Kellner/in (Damen und Herren willkommen)"),
    ("sex", "Ella atenderá a los clientes en el mostrador.", "Receptionist (all genders)"),
    ("sex", "Il gérera la caisse et les commandes.", "Vous gérerez la caisse."),
]


@pytest.mark.parametrize(("ground", "held", "passes"), HELD_AND_LOOK_ALIKE)
def test_a_category_from_the_second_blind_set_is_held_and_its_look_alike_passes(
    screener: Screener, ground: str, held: str, passes: str
) -> None:
    assert ground in {f.ground for f in screener.screen(held)}
    assert screener.screen(passes) == []


@pytest.mark.parametrize(
    ("held", "passes"),
    [
        ("Floristin – Teilzeit", "Florist:in – Teilzeit"),
        ("Animatrice", "Animateur / Animatrice"),
        ("Cocinera para restaurante", "Cocinero/a para restaurante"),
        ("Magazziniera part-time", "Magazziniere/a part-time"),
        ("Dependienta para tienda de ropa", "Horario: de lunes a viernes"),
    ],
)
def test_a_title_known_only_by_its_gendered_suffix_is_held_on_a_title_line(
    screener: Screener, held: str, passes: str
) -> None:
    findings = screener.screen(held)
    assert {f.ground for f in findings} == {"sex"}
    assert screener.screen(passes) == []


@pytest.mark.parametrize(
    "text", ["Cashier – part time", "Restore furniture", "Ansprechpartnerin: Frau Huber"]
)
def test_english_words_and_a_named_contact_are_not_read_as_gendered_titles(
    screener: Screener, text: str
) -> None:
    assert screener.screen(text) == []


THIRD_SET_HELD_AND_LOOK_ALIKE = [
    (
        "age",
        "No more than 4 years' relevant experience, please.",
        "At least 4 years' relevant experience.",
    ),
    (
        "age",
        "This job would suit a retired person who wants to stay active.",
        "This job suits anyone who wants part-time hours.",
    ),
    (
        "age",
        "Our crew of lively thirty-somethings is waiting for you.",
        "Our crew of lively cooks is waiting for you.",
    ),
    (
        "age",
        "Ideal applicant (35+) preferred for this role",
        "Applicants with 5+ years of experience preferred",
    ),
    ("age", "You will have graduated in 2023 or 2024.", "You will have a degree in chemistry."),
    (
        "age",
        "Sie sind unter 30 und suchen eine Herausforderung?",
        "Sie betreuen Kinder unter 10 Jahren.",
    ),
    (
        "age",
        "Bewerbungen mit mehr als 8 Jahren Berufserfahrung können wir nicht berücksichtigen.",
        "Mindestens 3 Jahre Berufserfahrung.",
    ),
    (
        "age",
        "Idéal pour un(e) jeune retraité(e)",
        "Accompagnement des retraités dans leurs démarches",
    ),
    ("age", "Tienes menos de 28 años y ganas de aprender", "Tienes ganas de aprender y de crecer"),
    (
        "age",
        "Requisito: età non superiore a 32 anni",
        "Laboratorio per ragazzi (fascia d'età dei ragazzi 11-14 anni)",
    ),
    (
        "age",
        "Betreuer:in im Jugendtreff gesucht, Sie sind über 45? Dann nicht.",
        "Betreuer:in im Jugendtreff (Zielgruppe 10–16 Jahre)",
    ),
    (
        "sex",
        "The successful applicant will join our sales team, where he will manage key accounts.",
        "Write to our manager Ann Cole; she will reply within a week.",
    ),
    (
        "sex",
        "A gentleman would be best suited to this role.",
        "Our clients are ladies and gentlemen of all ages.",
    ),
    ("sex", "ELEKTRO-INSTALLATEUR GESUCHT", "ELEKTRO-INSTALLATEUR (M/W/D) GESUCHT"),
    (
        "sex",
        "Als Bauleiter übernehmen Sie die Verantwortung für unsere Projekte.",
        "Als Bauleiter:in übernehmen Sie die Verantwortung für unsere Projekte.",
    ),
    (
        "sex",
        "Ihre Familienplanung ist abgeschlossen.",
        "Wir unterstützen Ihre Familienplanung mit flexiblen Arbeitszeiten.",
    ),
    (
        "sex",
        "Schwangere werden nicht eingestellt.",
        "Betreuung von Schwangeren und jungen Familien",
    ),
    (
        "sex",
        "Les candidates enceintes ne seront pas retenues.",
        "Vous accompagnez les femmes enceintes pendant le suivi.",
    ),
    ("sex", "Assistante dentaire expérimentée", "Assistant(e) dentaire expérimenté(e)"),
    (
        "sex",
        "Rattaché à la direction, vous pilotez les achats.",
        "Rattaché(e) à la direction, vous pilotez les achats.",
    ),
    ("sex", "Señorita para recepción de hotel", "Recepcionista para hotel (h/m)"),
    (
        "sex",
        "Instructor de autoescuela con experiencia",
        "Instructor/a de autoescuela con experiencia",
    ),
    (
        "family_status",
        "Please tell us whether you have any children.",
        "Please tell us whether you have a driving licence.",
    ),
    (
        "family_status",
        "Applicants with small children may find the shifts unsuitable.",
        "Applicants with forklift experience are welcome.",
    ),
    (
        "family_status",
        "Sie sind familiär ungebunden und reisebereit.",
        "Sie sind örtlich ungebunden und reisebereit.",
    ),
    (
        "family_status",
        "Verwalterehepaar für Ferienhof gesucht",
        "Beratung von Ehepaaren in Trennung",
    ),
    (
        "family_status",
        "Buscamos matrimonio para finca con vivienda",
        "Gestión de ceremonias de matrimonio civil",
    ),
    (
        "religion",
        "Employees may not wear turbans or other religious headwear.",
        "Employees must wear a hairnet in production.",
    ),
    (
        "religion",
        "È vietato indossare il velo sul posto di lavoro",
        "È obbligatorio indossare la cuffia in cucina",
    ),
    (
        "religion",
        "Requisito: appartenenza alla religione cattolica",
        "Conoscenza della storia della religione cattolica (docenza)",
    ),
    (
        "religion",
        "Personen, die ein Kopftuch tragen, können nicht berücksichtigt werden.",
        "Schutzhelm muss getragen werden.",
    ),
    (
        "disability_health",
        "A good sickness record is essential.",
        "You will keep the team's sickness records up to date.",
    ),
    (
        "disability_health",
        "Sehr guter Gesundheitszustand vorausgesetzt",
        "Sie dokumentieren den Gesundheitszustand der Bewohner.",
    ),
    (
        "disability_health",
        "Wenige Krankenstandstage erwünscht",
        "Sie erfassen die Krankenstandstage im HR-System.",
    ),
    (
        "disability_health",
        "Absence de problèmes de santé exigée",
        "Accompagnement de personnes souffrant de maladies chroniques",
    ),
    (
        "disability_health",
        "Assenza di malattie croniche",
        "Assistenza a pazienti con malattie croniche",
    ),
    (
        "disability_health",
        "Menschen mit Behinderung können leider nicht eingestellt werden.",
        "Menschen mit Behinderung werden bei gleicher Eignung bevorzugt.",
    ),
    (
        "appearance",
        "No visible piercings or tattoos.",
        "Tattoo artist with a portfolio of your work.",
    ),
    ("appearance", "Keine sichtbaren Tattoos", "Tätowierer:in für unser Studio"),
    ("appearance", "Talla 36-38 imprescindible", "Uniforme en tallas de la 34 a la 52"),
    (
        "origin",
        "Native-born Canadian preferred",
        "Translate into your native language (ISO 17100).",
    ),
    ("origin", "Italiano fluente senza inflessioni dialettali", "Italiano fluente (livello C1)"),
]


@pytest.mark.parametrize(("ground", "held", "passes"), THIRD_SET_HELD_AND_LOOK_ALIKE)
def test_a_category_from_the_third_blind_set_is_held_and_its_look_alike_passes(
    screener: Screener, ground: str, held: str, passes: str
) -> None:
    """Age proxies (experience caps, life stages, graduation years), candidate pronouns and
    agreement, pregnancy, couples and dependants, religious dress bans, sickness records,
    tattoos and sizes, birth and accent: each held, and the same words about the work pass."""
    assert ground in {f.ground for f in screener.screen(held)}
    assert screener.screen(passes) == []
