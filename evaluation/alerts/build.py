"""Writes the alert-matching gold set: alerts.yaml, dev.jsonl and heldout.jsonl (synthetic:
every person, serial number and event is invented). Run from the repository root:

    python -m evaluation.alerts.build

Each source alert gets six documents (a follow-up months later in another language with the
activity decayed, a report quoting its serial number, a recovery, a "still not found"
appeal, a confusable source of the same nuclide, a report older than the loss), each person
four (three spellings or scripts, one different person with a similar name), plus noise.
Held out: the documents of S16-S22, P08-P10 and the last four noise texts. Only dev.jsonl
was looked at while tuning the matcher.
"""

from __future__ import annotations

import gettext
import json
import random
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
import yaml

from evaluation.alerts import texts
from evaluation.alerts.sources import PERSONS, SOURCES, Person, Source
from nlp.linking.decay import decayed

HERE = Path(__file__).parent
LANGUAGES = ("en", "fr", "es", "ar", "de", "pt", "ru")
HELD_OUT = {f"S{i}" for i in range(16, 23)} | {"P08", "P09", "P10"}
NOISE_HELD_OUT = 4
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "ar": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
    "dezembro",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
PLACES = {  # how Arabic and Russian texts write the places of the set
    "Lyon": ("ليون", "Лион"), "Sevilla": ("إشبيلية", "Севилья"),
    "Monterrey": ("مونتيري", "Монтеррей"), "Belo Horizonte": ("بيلو هوريزونتي", "Белу-Оризонти"),
    "Hamburg": ("هامبورغ", "Гамбург"), "Porto": ("بورتو", "Порту"),
    "Casablanca": ("الدار البيضاء", "Касабланка"), "Alexandria": ("الإسكندرية", "Александрия"),
    "Irbid": ("إربد", "Ирбид"), "Medellín": ("ميديلين", "Медельин"),
    "Izmir": ("إزمير", "Измир"), "Antofagasta": ("أنتوفاغاستا", "Антофагаста"),
    "Oran": ("وهران", "Оран"), "Gdansk": ("غدانسك", "Гданьск"), "Genoa": ("جنوة", "Генуя"),
    "Neuquén": ("نيوكين", "Неукен"), "Almaty": ("ألماتي", "Алматы"),
    "Denver": ("دنفر", "Денвер"), "Suez": ("السويس", "Суэц"), "Muscat": ("مسقط", "Маскат"),
    "Valencia": ("فالنسيا", "Валенсия"), "Leipzig": ("لايبزيغ", "Лейпциг"),
    "Tbilisi": ("تبليسي", "Тбилиси"), "Amman": ("عمان", "Амман"), "Tangier": ("طنجة", "Танжер"),
    "Beirut": ("بيروت", "Бейрут"), "Odesa": ("أوديسا", "Одесса"), "Kyiv": ("كييف", "Киев"),
    "Rostov": ("روستوف", "Ростов"), "Algiers": ("الجزائر", "Алжир"),
}  # fmt: skip
ELSEWHERE = [("Lagos", "NG"), ("Karachi", "PK"), ("Manila", "PH"), ("Lima", "PE"),
             ("Nairobi", "KE"), ("Jakarta", "ID"), ("Dhaka", "BD"), ("Quito", "EC"),
             ("Tunis", "TN"), ("Baku", "AZ")]  # fmt: skip
PERSON_PLACES = [("Tbilisi", "GE"), ("Amman", "JO"), ("Tangier", "MA"), ("Beirut", "LB"),
                 ("Odesa", "UA"), ("Rostov", "RU"), ("Algiers", "DZ"), ("Kyiv", "UA")]  # fmt: skip
SCRIPT_LANGUAGE = {"arabic": "ar", "cyrillic": "ru"}


def main() -> None:
    rng = random.Random(14)
    alerts = [source_alert(s) for s in SOURCES] + [person_alert(p) for p in PERSONS]
    documents: list[dict[str, Any]] = []
    for number, source in enumerate(SOURCES):
        documents.extend(source_documents(source, number, rng))
    for number, person in enumerate(PERSONS):
        documents.extend(person_documents(person, number, rng))
    noise = noise_documents(rng)
    dev = [d for d in documents if not HELD_OUT & set(d["about"])] + noise[:-NOISE_HELD_OUT]
    held = [d for d in documents if HELD_OUT & set(d["about"])] + noise[-NOISE_HELD_OUT:]
    header = "# Synthetic watchlist alerts of the alert-matching gold set (evaluation/alerts).\n"
    (HERE / "alerts.yaml").write_text(
        header + yaml.safe_dump({"alerts": alerts}, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    for name, records in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        lines = [json.dumps(_public(r), ensure_ascii=False) for r in records]
        (HERE / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(alerts)} alerts, {len(dev)} dev and {len(held)} held-out documents")


def _public(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != "about"}


def source_alert(source: Source) -> dict[str, Any]:
    return {
        "key": source.key,
        "kind": "source",
        "title": f"Stolen {source.nuclide} {source.device['en']} ({source.place})",
        "marking": "TLP:AMBER",
        "nuclide": source.nuclide,
        "activity_bq": source.activity_bq,
        "activity_reference_date": source.reference.isoformat(),
        "device_make": source.make,
        "device_model": source.model,
        "serial_number": source.serial,
        "owner": source.owner,
        "country": source.country,
        "place": source.place,
        "reported_missing_on": source.missing.isoformat(),
    }


def person_alert(person: Person) -> dict[str, Any]:
    return {
        "key": person.key,
        "kind": "person",
        "title": f"Person of interest: {person.name}",
        "marking": "TLP:AMBER",
        "name": person.name,
        "name_variants": list(person.variants),
        "date_of_birth": person.born.isoformat() if person.born else None,
        "nationality": person.nationality,
        "role": person.role,
    }


def source_documents(source: Source, number: int, rng: random.Random) -> list[dict[str, Any]]:
    shift = number % len(LANGUAGES)
    language = LANGUAGES[(shift + 1) % len(LANGUAGES)]  # never the first in a row
    plan = [
        ("follow_up", language, rng.randint(60, 200), [source.key], False),
        ("serial", LANGUAGES[(shift + 2) % 7], rng.randint(20, 120), [source.key], False),
        ("recovery", LANGUAGES[(shift + 3) % 7], rng.randint(120, 260), [source.key], True),
        ("still_missing", LANGUAGES[(shift + 4) % 7], rng.randint(25, 90), [source.key], False),
        ("confusable", LANGUAGES[shift % 4], rng.randint(10, 150), [], False),
        ("before", LANGUAGES[shift % 3], -rng.randint(40, 300), [], False),
    ]
    documents = []
    for kind, language, days, labels, recovery in plan:
        when = source.missing + timedelta(days=days)
        text = source_text(source, kind, language, when, rng)
        documents.append(_record(f"{source.key}-{kind}", language, when, text, labels,
                                 recovery, kind, [source.key]))  # fmt: skip
    return documents


def source_text(source: Source, kind: str, language: str, when: date, rng: random.Random) -> str:
    table = {"follow_up": texts.FOLLOW_UP, "serial": texts.SERIAL, "recovery": texts.RECOVERY,
             "still_missing": texts.FOLLOW_UP, "confusable": texts.CONFUSABLE,
             "before": texts.BEFORE}[kind]  # fmt: skip
    templates = table.get(language) or table["en"]
    language = language if language in table else "en"
    activity = decayed(source.activity_bq, source.nuclide, source.reference, when)
    other_place, other_country = rng.choice(ELSEWHERE)
    if kind == "confusable":
        activity *= rng.choice((0.2, 0.35, 3.0, 5.0))
    facts = {
        "nuclide": texts.NUCLIDES[source.nuclide][language],
        "activity": format_activity(activity * rng.uniform(0.93, 1.07), language, rng),
        "device": source.device[language],
        "make": source.make,
        "model": source.model,
        "serial": source.serial if rng.random() < 0.5 else source.serial.replace("-", " "),
        "other_serial": f"{source.serial[:3]}{rng.randint(1000, 9999)}",
        "place": place_in(source.place, language),
        "country_name": country_name(source.country, language),
        "other_place": place_in(other_place, language),
        "other_country": country_name(other_country, "en"),
        "other_country_name": country_name(other_country, language),
        "date": day_in(when, language),
        "month_missing": MONTHS["en"].split()[source.missing.month - 1],
        "owner": source.owner,
    }
    text = rng.choice(templates).format(**facts)
    if kind == "still_missing":
        text += STILL_MISSING[language]
    return text


STILL_MISSING = {
    "en": " The source has not been found and the public is asked not to touch it.",
    "fr": " La source n'a toujours pas été retrouvée ; la population est invitée à ne pas "
    "y toucher.",
    "es": " La fuente aún no ha sido encontrada y se pide no manipularla.",
    "ar": " ولم يتم العثور على المصدر حتى الآن.",
    "de": " Die Quelle wurde noch nicht gefunden.",
    "pt": " A fonte ainda não foi encontrada.",
    "ru": " Источник пока не найден.",
}


def person_documents(person: Person, number: int, rng: random.Random) -> list[dict[str, Any]]:
    documents = []
    for index, spelling in enumerate(person.spellings):
        language = _language_of(spelling, rng, index + number)
        when = date(2026, 1, 10) + timedelta(days=rng.randint(0, 300))
        text = person_text(spelling, person, language, when, rng)
        documents.append(_record(f"{person.key}-name{index + 1}", language, when, text,
                                 [person.key], False, "person", [person.key]))  # fmt: skip
    language = ("en", "fr", "es", "pt")[number % 4]
    when = date(2026, 2, 1) + timedelta(days=rng.randint(0, 200))
    text = person_text(person.other, person, language, when, rng)
    documents.append(_record(f"{person.key}-other", language, when, text, [], False,
                             "similar_name", [person.key]))  # fmt: skip
    return documents


def _language_of(spelling: str, rng: random.Random, turn: int) -> str:
    if any("\u0600" <= c <= "\u06ff" for c in spelling):
        return "ar"
    if any("\u0400" <= c <= "\u04ff" for c in spelling):
        return "ru"
    return ("en", "fr", "es", "de", "pt")[turn % 5]


def person_text(name: str, person: Person, language: str, when: date, rng: random.Random) -> str:
    place, _ = rng.choice(PERSON_PLACES)
    facts = {"name": name, "place": place_in(place, language), "date": day_in(when, language),
             "role": person.role}  # fmt: skip
    return rng.choice(texts.PERSON[language]).format(**facts)


def noise_documents(rng: random.Random) -> list[dict[str, Any]]:
    documents = []
    for index, (language, template) in enumerate(texts.NOISE):
        when = date(2026, 1, 5) + timedelta(days=rng.randint(0, 300))
        text = template.format(date=day_in(when, language))
        documents.append(_record(f"N{index + 1:02d}", language, when, text, [], False,
                                 "noise", []))  # fmt: skip
    return documents


def _record(
    ident: str, language: str, when: date, text: str, labels: list[str], recovery: bool,
    case: str, about: list[str],
) -> dict[str, Any]:  # fmt: skip
    title = text.split(". ")[0][:90]
    return {"id": ident, "language": language, "published": when.isoformat(), "title": title,
            "text": text, "alerts": labels, "recovery": recovery, "case": case,
            "synthetic": True, "about": about}  # fmt: skip


def format_activity(becquerel: float, language: str, rng: random.Random) -> str:
    if language == "en" and rng.random() < 0.3:
        value, unit = becquerel / 3.7e10, "Ci"
    else:
        unit, factor = next(
            (u, f) for u, f in (("TBq", 1e12), ("GBq", 1e9), ("MBq", 1e6)) if becquerel >= f
        )
        value = becquerel / factor
    number = f"{value:.2g}" if value < 10 else f"{value:.0f}"
    if language not in ("en", "ar"):
        number = number.replace(".", ",")
    return f"{number} {unit}"


def day_in(day: date, language: str) -> str:
    month = MONTHS[language].split()[day.month - 1]
    return {
        "en": f"{day.day} {month} {day.year}",
        "fr": f"{day.day} {month} {day.year}",
        "es": f"{day.day} de {month} de {day.year}",
        "ar": f"{day.day} {month} {day.year}",
        "de": f"{day.day}. {month} {day.year}",
        "pt": f"{day.day} de {month} de {day.year}",
        "ru": f"{day.day} {month} {day.year} года",
    }[language]


def place_in(place: str, language: str) -> str:
    if language == "ar" and place in PLACES:
        return PLACES[place][0]
    if language == "ru" and place in PLACES:
        return PLACES[place][1]
    return place


@cache
def _translation(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language],
                               fallback=True)  # fmt: skip


def country_name(code: str, language: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise ValueError(f"unknown country {code}")
    name = getattr(country, "common_name", None) or country.name
    return _translation(language).gettext(name) if language != "en" else name


if __name__ == "__main__":
    main()
