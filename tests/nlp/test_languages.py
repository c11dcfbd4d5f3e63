"""The twelve covered languages and the fallback for the others: pure, no database."""

from __future__ import annotations

import pytest

from nlp.cues import load_cues
from nlp.date_mentions import find_date_mentions
from nlp.dates import normalise_date
from nlp.language import COVERED_LANGUAGES, detect_language, is_covered
from nlp.materials import extract_materials
from nlp.materials.quantities import find_quantities
from nlp.places import find_places
from nlp.types import DocumentAssessment, FindingDraft
from nlp.uncovered import NOT_COVERED, queue_uncovered
from nlp.vocabulary import IncidentType, IntentGroup, Label

# Each long enough (> 120 characters) for lingua's low-accuracy mode on its own.
SAMPLES = {
    "en": "Police in Leeds arrested two men after a portable gauge containing caesium-137 was "
    "stolen from a van parked outside a building site on Tuesday night.",
    "fr": "La police de Lyon a interpellé deux hommes après le vol d'un gammadensimètre contenant "
    "du césium 137 dans une camionnette garée devant un chantier mardi soir.",
    "es": "La policía de Valencia detuvo a dos hombres después del robo de un densímetro nuclear "
    "con cesio-137 de una furgoneta aparcada junto a una obra el martes por la noche.",
    "ar": "اعتقلت الشرطة في بغداد رجلين بعد سرقة جهاز قياس الكثافة يحتوي على السيزيوم-137 من "
    "شاحنة متوقفة أمام موقع بناء ليلة الثلاثاء الماضي، وفق ما أعلنت السلطات المحلية.",
    "pt": "A polícia de Braga deteve dois homens depois do roubo de um densímetro nuclear com "
    "césio-137 de uma carrinha estacionada junto a uma obra na noite de terça-feira.",
    "de": "Die Polizei in Dortmund hat zwei Männer festgenommen, nachdem ein Dichtemessgerät mit "
    "Cäsium-137 aus einem Lieferwagen vor einer Baustelle gestohlen worden war.",
    "it": "La polizia di Bergamo ha arrestato due uomini dopo il furto di un densimetro nucleare "
    "con cesio-137 da un furgone parcheggiato davanti a un cantiere martedì sera.",
    "ru": "Полиция Самары задержала двух мужчин после кражи плотномера с цезием-137 из фургона, "
    "припаркованного у строительной площадки во вторник вечером, сообщили в ведомстве.",
    "uk": "Поліція Дніпра затримала двох чоловіків після крадіжки щільноміра з цезієм-137 з "
    "фургона, який стояв біля будівельного майданчика у вівторок увечері, повідомили у відомстві.",
    "pl": "Policja w Poznaniu zatrzymała dwóch mężczyzn po kradzieży gęstościomierza z cezem-137 "
    "z furgonetki zaparkowanej przy budowie we wtorek wieczorem, poinformowała rzeczniczka.",
    "tr": "Ankara polisi, salı akşamı bir şantiyenin önüne park edilmiş bir minibüsten sezyum-137 "
    "içeren nükleer yoğunluk ölçerin çalınmasının ardından iki kişiyi gözaltına aldı.",
    "ka": "ქუთაისის პოლიციამ ორი მამაკაცი დააკავა მას შემდეგ, რაც სამშენებლო მოედანთან "
    "გაჩერებული ფურგონიდან ცეზიუმი-137-ის შემცველი მოწყობილობა მოიპარეს სამშაბათს საღამოს.",
    "ro": "Poliția din Constanța a reținut doi bărbați după furtul unui aparat care conținea "
    "cesiu-137 dintr-o dubă parcată lângă un șantier marți seara, au anunțat autoritățile.",
    "hu": "A debreceni rendőrség őrizetbe vett két férfit, miután egy építkezés mellett parkoló "
    "furgonból elloptak egy cézium-137-et tartalmazó mérőműszert kedden este.",
    "hy": "Գյումրիի ոստիկանությունը ձերբակալել է երկու տղամարդու այն բանից հետո, երբ "
    "շինհրապարակի մոտ կայանված ֆուրգոնից գողացել են ցեզիում-137 պարունակող սարք երեկոյան։",
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_detects_each_language(language: str) -> None:
    assert detect_language(SAMPLES[language]) == language


# Short (low-accuracy mode alone is not trusted), ambiguous and mixed texts, where lingua
# returns no language or a close call: the cases where a re-implemented decision could differ.
HARD_TEXTS = [
    *SAMPLES.values(),
    *(text[:n] for text in SAMPLES.values() for n in (20, 35, 60, 119)),
    "Berlin Paris Madrid Roma Lisboa Warszawa",
    "Cs-137 Co-60 Ir-192 Am-241 1234 5678 90",
    "OK OK OK OK OK OK OK OK OK OK",
    "Police arrested two men. La police a arrêté deux hommes. La policía detuvo.",
    "!!!! ???? ---- 1234567890 1234567890",
]


@pytest.mark.parametrize("text", HARD_TEXTS)
def test_one_confidence_computation_decides_as_lingua(text: str) -> None:
    """`_detect` derives detect_language_of's answer and its confidence from one call to
    compute_language_confidence_values; both detectors must agree with lingua's own."""
    from nlp.language import EVERY_LANGUAGE_DISTANCE, _covered_and, _detect, _every_language

    every = _every_language()
    expected = every.detect_language_of(text)
    found = _detect(every, text, EVERY_LANGUAGE_DISTANCE)
    assert (found and found[0]) == expected
    if expected is None or found is None:
        return
    # lingua sums in no fixed order: two calls on one text differ in the last bits.
    assert found[1] == pytest.approx(every.compute_language_confidence(text, expected), rel=1e-12)
    covered = _covered_and(expected)
    narrowed = covered.detect_language_of(text)
    again = _detect(covered, text, 0.0)
    assert (again and again[0]) == narrowed
    if narrowed is not None and again is not None:
        confidence = covered.compute_language_confidence(text, narrowed)
        assert again[1] == pytest.approx(confidence, rel=1e-12)


def test_too_short_text_keeps_the_hint() -> None:
    assert detect_language("Cs-137", hint="pl") == "pl"


def test_covered_languages() -> None:
    assert len(COVERED_LANGUAGES) == 12
    assert is_covered("ka") and not is_covered("ro") and not is_covered(None)


@pytest.mark.parametrize(
    ("language", "text", "surface", "canonical"),
    [
        ("pl", "Zaginęło źródło cezu-137.", "cezu-137", "Cs-137"),
        ("pl", "Znaleziono cez-137.", "cez-137", "Cs-137"),
        ("de", "Es war Cäsium-137 im Gerät.", "Cäsium-137", "Cs-137"),
        ("de", "200 g hochangereichertes Uran.", "hochangereichertes Uran", "HEU"),
        ("pt", "Foi apreendido césio-137.", "césio-137", "Cs-137"),
        ("it", "Sequestrato uranio arricchito al 90 %.", "uranio arricchito", "HEU"),
        ("ru", "Изъят цезий-137.", "цезий-137", "Cs-137"),
        ("ru", "2 кг обогащённого урана", "обогащённого урана", "uranium"),
        ("uk", "Вилучено цезій-137.", "цезій-137", "Cs-137"),
        ("tr", "Polis sezyum-137 buldu.", "sezyum-137", "Cs-137"),
        ("ka", "აღმოაჩინეს ცეზიუმი-137.", "ცეზიუმი-137", "Cs-137"),
        ("ru", "Утерян гамма-дефектоскоп.", "гамма-дефектоскоп", "radiography camera"),
        ("ro", "S-a găsit 137Cs la vamă.", "137Cs", "Cs-137"),
        ("hu", "Co-60 forrást találtak.", "Co-60", "Co-60"),
    ],
)
def test_material_names_and_notation(
    language: str, text: str, surface: str, canonical: str
) -> None:
    findings = extract_materials(text, language)
    assert [(f.text, f.normalized) for f in findings] == [(surface, canonical)]


@pytest.mark.parametrize(
    ("language", "text", "kind", "value"),
    [
        ("ru", "активностью 3 ГБк", "activity_bq", 3e9),
        ("ru", "5 Ки", "activity_bq", 5 * 3.7e10),
        ("uk", "1,2 кг урану", "quantity_g", 1200.0),
        ("de", "2 Kilogramm", "quantity_g", 2000.0),
        ("ka", "1 კგ ურანი", "quantity_g", 1000.0),
        ("pl", "1,5 GBq", "activity_bq", 1.5e9),
        ("tr", "2,5 kg", "quantity_g", 2500.0),
        ("ro", "2 GBq", "activity_bq", 2e9),
    ],
)
def test_units(language: str, text: str, kind: str, value: float) -> None:
    found = [(q.kind, q.value) for q in find_quantities(text, language)]
    assert found == [(kind, pytest.approx(value))]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Die Polizei hat das Material beschlagnahmt.", "unauthorized_possession"),
        ("O aparelho foi roubado ontem.", "theft"),
        ("La sorgente risulta smarrita.", "loss"),
        ("Они пытались продать контейнер.", "trafficking_or_smuggling"),
        ("Джерело виявлено на звалищі брухту.", "orphan_source_found"),
        ("Oszuści oferowali materiał.", "scam_or_fraud"),
        ("Şüpheliler gözaltına alındı.", "unauthorized_possession"),
        ("ორი პირი დააკავეს.", "unauthorized_possession"),
        ("Uranyum fiyatı yükseldi, nükleer santral için.", "routine"),
        ("Учения со сценарием грязной бомбы.", "hypothetical"),
    ],
)
def test_cues(text: str, kind: str) -> None:
    assert kind in {hit.kind for hit in load_cues().find(text)}


def test_cues_version_is_recorded() -> None:
    assert load_cues().version == "cues-v2"


@pytest.mark.parametrize(
    ("language", "text", "iso"),
    [
        ("ru", "Задержание прошло 12 марта 2024 года.", "2024-03-12"),
        ("uk", "Операція 10 квітня 2024 року.", "2024-04-10"),
        ("pl", "W dniu 9 stycznia 2024 r.", "2024-01-09"),
        ("de", "Am 14. Februar 2024 in Dortmund.", "2024-02-14"),
        ("pt", "No dia 12 de março de 2024.", "2024-03-12"),
        ("it", "Il 20 maggio 2024 a Brescia.", "2024-05-20"),
        ("tr", "20 Şubat 2024 tarihinde.", "2024-02-20"),
        ("ka", "12 მარტი 2024 დააკავეს.", "2024-03-12"),
    ],
)
def test_dates(language: str, text: str, iso: str) -> None:
    mentions = find_date_mentions(text)
    assert len(mentions) == 1
    parsed = normalise_date(mentions[0].text, language)
    assert parsed is not None and parsed.iso == iso


@pytest.mark.parametrize(
    ("language", "text", "countries"),
    [
        ("uk", "в Україні та Польщі", ["UA", "PL"]),
        ("ka", "საქართველოში და თურქეთში", ["GE", "TR"]),
        ("ro", "în România și Bulgaria", ["RO", "BG"]),
        ("de", "Deutschland und Österreich", ["DE", "AT"]),
    ],
)
def test_countries_in_the_documents_language(
    language: str, text: str, countries: list[str]
) -> None:
    assert [m.place.country for m in find_places(text, language)] == countries


def _finding(label: Label, text: str, start: int, normalized: str) -> FindingDraft:
    return FindingDraft(label, text, start, start + len(text), normalized, {}, 0.9, "test", "t")


IRRELEVANT = DocumentAssessment(False, 0.2, IncidentType.NONE, IntentGroup.NOT_CONNECTED, [], None)


def test_uncovered_language_with_material_is_queued_for_review() -> None:
    findings = [
        _finding(Label.MATERIAL, "Cs-137", 10, "Cs-137"),
        _finding(Label.GPE, "România", 30, "RO"),
    ]
    queued = queue_uncovered(IRRELEVANT, "ro", findings)
    assert queued.relevant and queued.relevance >= 0.5
    assert queued.incident_type == IncidentType.OTHER
    assert queued.intent_group == IntentGroup.UNDETERMINED
    assert queued.countries == ["RO"]
    assert queued.evidence[0].note.startswith(f"{NOT_COVERED} (ro)")


def test_covered_language_or_no_material_is_left_alone() -> None:
    material = [_finding(Label.MATERIAL, "Cs-137", 10, "Cs-137")]
    assert queue_uncovered(IRRELEVANT, "pl", material) is IRRELEVANT
    assert queue_uncovered(IRRELEVANT, "ro", []) is IRRELEVANT
