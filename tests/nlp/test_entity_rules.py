"""Entity rules on sentences written for these tests (not from the gold set): titles and
roles before names, organisation/facility designators, triggers, acronyms, regions, and
negatives such as capitalised sentence openers, months and weekdays."""

from __future__ import annotations

import pytest

from nlp.assess import _countries
from nlp.entity_findings import gazetteer_findings, name_countries
from nlp.entity_rules import entity_rule_findings, load_entity_rules
from nlp.textutil import Segment
from nlp.types import FindingDraft
from nlp.vocabulary import Label


def found(text: str, language: str) -> set[tuple[str, str]]:
    return {(f.label, f.text) for f in entity_rule_findings(text, language)}


POSITIVES = [
    (
        "en",
        "Mr Tobias Wrenfield was detained at Harwick Airport on Monday.",
        {("PERSON", "Tobias Wrenfield"), ("FAC", "Harwick Airport")},
    ),
    (
        "en",
        "Officers of the Valmora Revenue Authority searched the truck, said Inspector Dana Kell.",
        {("ORG", "Valmora Revenue Authority"), ("PERSON", "Dana Kell")},
    ),
    (
        "en",
        "The gauge belonged to Northwind Soil Testing Ltd, a contractor from Leeds.",
        {("ORG", "Northwind Soil Testing Ltd")},
    ),
    (
        "en",
        "A courier named Pavel Drozdov crossed at the Lindow border crossing.",
        {("PERSON", "Pavel Drozdov"), ("FAC", "Lindow border crossing")},
    ),
    (
        "fr",
        "M. Arnaud Vesque, technicien de la société Loire Mesures Industrielles, a été entendu.",
        {("PERSON", "Arnaud Vesque"), ("ORG", "Loire Mesures Industrielles")},
    ),
    (
        "fr",
        "Les douaniers du port de Sète ont saisi la caisse, a précisé le commissaire Luc Baraton.",
        {("FAC", "port de Sète"), ("PERSON", "Luc Baraton")},
    ),
    (
        "fr",
        "L'Agence régionale de contrôle des sources (ARCS) a alerté la gendarmerie nationale.",
        {
            ("ORG", "Agence régionale de contrôle des sources"),
            ("ORG", "ARCS"),
            ("ORG", "gendarmerie nationale"),
        },
    ),
    (
        "es",
        "La Fiscalía Especializada de Delitos Ambientales imputó al Sr. Rodrigo Salcedo Peña.",
        {
            ("ORG", "Fiscalía Especializada de Delitos Ambientales"),
            ("PERSON", "Rodrigo Salcedo Peña"),
        },
    ),
    (
        "es",
        "El camión llegó al puerto de Valparaíso desde la empresa Minerales del Desierto S.A.",
        {("FAC", "puerto de Valparaíso"), ("ORG", "Minerales del Desierto S.A.")},
    ),
    (
        "es",
        "Un hombre llamado Tomás Ibáñez vivía en el barrio de Benimaclet, junto al río Turia.",
        {("PERSON", "Tomás Ibáñez"), ("LOC", "Benimaclet"), ("LOC", "río Turia")},
    ),
    (
        "es",
        "En el lugar fue detenido Samir al-Wazani, de nacionalidad marroquí, y según Ahmed "
        "ben-Ali, portavoz, el equipo venía de Tánger.",
        {("PERSON", "Samir al-Wazani"), ("PERSON", "Ahmed ben-Ali")},
    ),
    (
        "fr",
        "Le suspect Karim el-Masri a été interpellé, a précisé le commissaire Nadia ould-Salem.",
        {("PERSON", "Karim el-Masri"), ("PERSON", "Nadia ould-Salem")},
    ),
    (
        "pt",
        "O Ministério Público abriu inquérito, disse a procuradora Ana Sousa à empresa "
        "Rochas do Sado.",
        {("ORG", "Ministério Público"), ("PERSON", "Ana Sousa"), ("ORG", "Rochas do Sado")},
    ),
    (
        "de",
        "Die Staatsanwaltschaft Köln ermittelt gegen die Rheinmess GmbH, sagte "
        "Oberstaatsanwalt Uwe Brandt. Der Fahrer Thomas Becker wurde befragt.",
        {
            ("ORG", "Staatsanwaltschaft Köln"),
            ("ORG", "Rheinmess GmbH"),
            ("PERSON", "Uwe Brandt"),
            ("PERSON", "Thomas Becker"),
        },
    ),
    (
        "de",
        "Das Bundesamt für Strahlenschutz und die Bundespolizei warnten, sagte Sprecherin "
        "Petra Lorenz.",
        {
            ("ORG", "Bundesamt für Strahlenschutz"),
            ("ORG", "Bundespolizei"),
            ("PERSON", "Petra Lorenz"),
        },
    ),
    (
        "it",
        "Secondo il comandante Luca Moretti, la Polizia di Stato ha perquisito la ditta "
        "Tecnomisure Veneta, ha detto Sara Galli.",
        {
            ("PERSON", "Luca Moretti"),
            ("ORG", "Polizia di Stato"),
            ("ORG", "Tecnomisure Veneta"),
            ("PERSON", "Sara Galli"),
        },
    ),
    (
        "pl",
        "Urząd Dozoru Technicznego skontrolował firmę Metalex, powiedział inspektor Jan Kowal.",
        {("ORG", "Urząd Dozoru Technicznego"), ("ORG", "Metalex"), ("PERSON", "Jan Kowal")},
    ),
    (
        "tr",
        "İçişleri Bakanlığı açıklama yaptı. Kaya Lojistik şirketinin deposu arandı, dedi savcı "
        "Ali Demir.",
        {("ORG", "İçişleri Bakanlığı"), ("ORG", "Kaya Lojistik"), ("PERSON", "Ali Demir")},
    ),
    (
        "ru",
        "Сотрудники Федеральной таможенной службы задержали груз компании Севертех, сообщил "
        "начальник отдела Сергей Павлов.",
        {
            ("ORG", "Федеральной таможенной службы"),
            ("ORG", "Севертех"),
            ("PERSON", "Сергей Павлов"),
        },
    ),
    (
        "uk",
        "Служба безпеки України затримала чоловіка, повідомила речниця поліції Оксана Гриценко.",
        {("ORG", "Служба безпеки України"), ("PERSON", "Оксана Гриценко")},
    ),
    (
        "ka",
        "ენერგეტიკის სამინისტრომ შეამოწმა კომპანია ალაზანტექი, განაცხადა ლევან ცერცვაძემ.",
        {
            ("ORG", "ენერგეტიკის სამინისტრომ"),
            ("ORG", "ალაზანტექი"),
            ("PERSON", "ლევან ცერცვაძემ"),
        },
    ),
    (
        "ka",
        "დირექტორმა ეკა ბარამიამ თქვა, რომ ქუთაისის ბანკი დახურულია.",
        {("PERSON", "ეკა ბარამიამ"), ("ORG", "ქუთაისის ბანკი")},
    ),
    (
        "ar",
        "وقال العميد سالم الكعبي إن وزارة الداخلية فتحت تحقيقا في الحادث.",
        {("PERSON", "سالم الكعبي"), ("ORG", "وزارة الداخلية")},
    ),
    (
        "ar",
        "ضبطت الجمارك العامة الشحنة في ميناء العقبة الجديد وسلمتها لشركة الواحة للنقل البري.",
        {("FAC", "ميناء العقبة الجديد"), ("ORG", "الواحة للنقل البري")},
    ),
    (
        "ar",
        "وعثر رجل يدعى ناصر الحمدان على المصدر قرب البحر الأحمر.",
        {("PERSON", "ناصر الحمدان"), ("LOC", "البحر الأحمر")},
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), POSITIVES)
def test_names_are_found(language: str, text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= found(text, language)


def test_arabic_proclitic_stays_outside_the_span() -> None:
    findings = entity_rule_findings("وأبلغت الشرطة وبـهيئة الطاقة الذرية عن الحادث.", "ar")
    assert ("ORG", "هيئة الطاقة الذرية") in {(f.label, f.text) for f in findings}


def test_trading_and_freight_firms_are_organisations() -> None:
    text = (
        "The fictional broker Northgate Commodities sold it to Baltic Freight. Shipping "
        "containers were checked. Supplies ran low; Exploration continued."
    )
    found = {(f.label, f.text) for f in entity_rule_findings(text, "en")}
    assert {("ORG", "Northgate Commodities"), ("ORG", "Baltic Freight")} <= found
    assert not {text for label, text in found if label == "ORG"} - {
        "Northgate Commodities",
        "Baltic Freight",
    }


def test_an_arabic_name_closed_by_its_article_word_takes_no_further_word() -> None:
    text = "ضبطت الجمارك الأردنية في ميناء العقبة صندوقا يحتوي على اليورانيوم. وفي حي عين شمس"
    found = {(f.label, f.text) for f in entity_rule_findings(text, "ar")}
    assert {("ORG", "الجمارك الأردنية"), ("FAC", "ميناء العقبة"), ("LOC", "عين شمس")} <= found
    assert ("FAC", "ميناء العقبة صندوقا") not in found


def test_an_arabic_name_ends_with_its_line() -> None:
    text = "مذكرة المكتب المركزي الوطني في الأردن\nالموضوع: ضبط كمية من اليورانيوم في ميناء العقبة."
    found = {(f.label, f.text) for f in entity_rule_findings(text, "ar")}
    assert ("ORG", "المكتب المركزي الوطني في الأردن") in found


def test_a_name_is_found_again_surname_included() -> None:
    text = (
        "La policía detuvo al señor Héctor Valdivia en Cádiz. Más tarde, Valdivia declaró "
        "ante el juez que Héctor Valdivia no sabía nada."
    )
    people = [f.text for f in entity_rule_findings(text, "es") if f.label == "PERSON"]
    assert people == ["Héctor Valdivia", "Valdivia", "Héctor Valdivia"]


def test_acronym_after_a_name_is_found_again() -> None:
    text = (
        "El Instituto Andino de Protección Radiológica (IAPR) inspeccionó la planta. El IAPR cerró."
    )
    orgs = [f.text for f in entity_rule_findings(text, "es") if f.label == "ORG"]
    assert orgs == ["Instituto Andino de Protección Radiológica", "IAPR", "IAPR"]


NEGATIVES = [
    ("es", "La Policía llegó tarde. Los vecinos esperaron hasta el lunes."),
    ("es", "Mayo fue un mes tranquilo; en Julio la empresa cerró."),
    ("fr", "Mardi, la police a ouvert une enquête. Le ministère a refusé de commenter."),
    ("fr", "Selon les enquêteurs, le camion roulait en direction de Marseille."),
    ("en", "Police said the van was found on Tuesday. Customs officers were called in March."),
    ("en", "Shares rose in Europe after the Monday session."),
    # German capitalises every noun: capitalised nouns side by side are not names.
    ("de", "Am Montag stellte die Feuerwehr Messgeräte auf. Strahlenschutz Experten prüften."),
    ("de", "Der Sprecher sagte, die Lage sei ruhig. Nach Angaben der Behörde gab es keine Gefahr."),
    ("de", "Wegen Sturm und Regen blieben Schulen und Kitas geschlossen, sagte die Polizei."),
    ("de", "Die Polizei sucht Zeugen. Der Fahrer und der Käufer wurden am Dienstag befragt."),
    ("pt", "Na segunda-feira a Polícia chegou tarde. Os moradores esperaram até Março."),
    ("it", "Nel pomeriggio la Polizia è arrivata. Ieri il Comune era chiuso, ha detto il sindaco."),
    ("tr", "Bugün Ankara'da hava güneşli olacak. Bakanlık açıklama yapmadı, dedi yetkililer."),
    ("ru", "В Москве прошли учения. Полиция сообщила, что Жители не пострадали."),
    # Georgian: a weak surname ending (-ია) without a cue, a bare head, a place after a trigger.
    ("ka", "დიდი კომპანია ბათუმში მუშაობს. სამინისტრომ თქვა, რომ ახალი ტექნოლოგია მზადაა."),
    ("ar", "وقالت الهيئة إن الجهاز المسروق لم يعثر عليه حتى الآن."),
    ("ar", "وقال المتحدث إن التحقيق مستمر."),
]


@pytest.mark.parametrize(("language", "text"), NEGATIVES)
def test_no_false_names(language: str, text: str) -> None:
    names = {f for f in found(text, language) if f[0] in {"PERSON", "ORG", "FAC"}}
    assert names == set()


def test_sentence_initial_common_word_is_not_a_person_or_org() -> None:
    text = "Engineers at the plant said Sunday that Researchers had left."
    assert found(text, "en") == set()


def test_region_inside_a_country_name_is_not_a_region() -> None:
    text = "They flew to South Africa and then across Africa."
    regions = [f.start for f in entity_rule_findings(text, "en") if f.label == "LOC"]
    assert regions == [text.rindex("Africa")]


def test_findings_carry_the_rule_version() -> None:
    finding = entity_rule_findings("Dr Mira Holm spoke.", "en")[0]
    assert (finding.extractor, finding.extractor_version) == (
        "entity-rules",
        "entity-rules-v3+agencies-v1",
    )
    assert load_entity_rules().version == "entity-rules-v3+agencies-v1"


def test_the_first_version_still_loads_without_the_added_languages() -> None:
    rules = load_entity_rules("entity-rules-v1")
    assert rules.version == "entity-rules-v1+agencies-v1"
    assert set(rules.latin) == {"en", "fr", "es"}


def test_a_country_closing_an_organisation_name_still_names_the_documents_country() -> None:
    text = "Служба безпеки України вилучила 2 кг урану. Ніхто не постраждав."
    names = entity_rule_findings(text, "uk")
    places = gazetteer_findings(text, "uk")
    assert [(p.text, p.normalized) for p in places] == [("України", "UA")]
    tagged = name_countries(names, places)
    assert [(n.text, n.attributes.get("country")) for n in tagged] == [
        ("Служба безпеки України", "UA")
    ]
    sentences = [Segment(0, text.index("Ніхто")), Segment(text.index("Ніхто"), len(text))]
    material = _finding_at(text, "урану", Label.MATERIAL)
    countries, _ = _countries([*tagged, material], sentences, {0}, [])
    assert countries == ["UA"]


def test_a_place_opening_a_company_name_gives_no_country() -> None:
    text = "Officers arrested a director of Tana Minerals Export on Monday."
    names = entity_rule_findings(text, "en")
    places = gazetteer_findings(text, "en")
    assert ("Tana", "MG") in {(p.text, p.normalized) for p in places}  # a false place
    tagged = {n.text: n.attributes for n in name_countries(names, places)}
    assert tagged["Tana Minerals Export"] == {}


def _finding_at(text: str, surface: str, label: Label) -> FindingDraft:
    start = text.index(surface)
    return FindingDraft(label, surface, start, start + len(surface), "uranium", {}, 0.9, "t", "t")


def organisations(text: str) -> list[str]:
    return [f.text for f in entity_rule_findings(text, "en") if f.label == "ORG"]


# English organisation names as written in reports (entity-rules-v3), each sentence with the
# exact organisations it names: spans, possessives, coordination, acronyms.
ENGLISH_ORGANISATIONS = [
    (
        "The Department of Health's radiation control directorate traced the owner.",
        ["Department of Health"],
    ),
    ("The Attorney General's Office opened a case on Monday.", ["Attorney General's Office"]),
    (
        "Deputies of the Carver County Sheriff's Office searched the road.",
        ["Carver County Sheriff's Office"],
    ),
    ("Officers said Moldavia's State Security Service had been told.", ["State Security Service"]),
    (
        "Staff of the Wessex Isotope Agency and INTERPOL met in Lyon.",
        ["Wessex Isotope Agency", "INTERPOL"],
    ),
    (
        "Researchers at the University of Dunmore and Calder College London wrote it.",
        ["University of Dunmore", "Calder College London"],
    ),
    (
        "The Fraud Detection Group of the Valmora National Police seized it.",
        ["Fraud Detection Group", "Valmora National Police"],
    ),
    ("The Special Cell of Delhi Police arrested him.", ["Special Cell", "Delhi Police"]),
    (
        "Scrap came from Karoo Ferrous Recyclers (Pty) Ltd on Friday.",
        ["Karoo Ferrous Recyclers (Pty) Ltd"],
    ),
    ("It was sold by Harlow Gauge Supply Limited last year.", ["Harlow Gauge Supply Limited"]),
    (
        "Nandi Scrap Dealers bought it, and Ostrava Pharma did not.",
        ["Nandi Scrap Dealers", "Ostrava Pharma"],
    ),
    ("Dunmore Police Deputy Commissioner Ravi Sethi said so.", ["Dunmore Police"]),
    (
        "It was stolen at the Tamsin Copper Mine of Ashby Copper Mining Plc near Ndola.",
        ["Ashby Copper Mining Plc"],
    ),
    (
        "Kestrel Wireline Services lost a source. Kestrel said the regulator was told.",
        ["Kestrel Wireline Services", "Kestrel"],
    ),
    ("National Logistics Ltd moved it. National figures rose.", ["National Logistics Ltd"]),
    ("Harlan spoke first. Later Harlan Mining Ltd said so.", ["Harlan Mining Ltd"]),
    ("The board granted Fenwick NDT a licence.", ["Fenwick NDT"]),
    (
        "U.S. Customs and Border Protection (CBP) stopped it; CBP said so.",
        ["U.S. Customs and Border Protection", "CBP", "CBP"],
    ),
    ("Officials of the U.S. Department of Energy came.", ["U.S. Department of Energy"]),
    # whole names with "and" or "of" inside stay whole
    ("The Health and Safety Executive was told.", ["Health and Safety Executive"]),
    (
        "The Ministry of Justice and Public Security said so.",
        ["Ministry of Justice and Public Security"],
    ),
    ("The Federal Office of Public Health said so.", ["Federal Office of Public Health"]),
    (
        "The General Inspectorate of Border Police said so.",
        ["General Inspectorate of Border Police"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH_ORGANISATIONS)
def test_english_organisation_spans(text: str, expected: list[str]) -> None:
    assert organisations(text) == expected
