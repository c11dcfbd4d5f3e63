"""Sentence templates of the gold documents, by kind and language. Every fact a template
needs comes in as a keyword: {nuclide}, {activity}, {device}, {model}, {make}, {serial},
{place}, {country}, {date} (the day it happened, in the language's words), {owner}, {name}."""

from __future__ import annotations

NUCLIDES = {
    "Ir-192": {"en": "iridium-192", "fr": "iridium 192", "es": "iridio-192",
               "ar": "إيريديوم-192", "ru": "иридий-192", "de": "Ir-192", "pt": "Ir-192"},
    "Cs-137": {"en": "caesium-137", "fr": "césium 137", "es": "cesio-137",
               "ar": "سيزيوم-137", "ru": "цезий-137", "de": "Cs-137", "pt": "césio-137"},
    "Co-60": {"en": "cobalt-60", "fr": "cobalt 60", "es": "cobalto-60",
              "ar": "كوبالت-60", "ru": "кобальт-60", "de": "Co-60", "pt": "Co-60"},
    "Se-75": {"en": "selenium-75", "fr": "sélénium 75", "es": "selenio-75",
              "ar": "سيلينيوم-75", "ru": "селен-75", "de": "Se-75", "pt": "Se-75"},
    "Am-241/Be": {"en": "americium-beryllium (Am-241/Be)", "fr": "américium-béryllium",
                  "es": "americio-berilio", "ar": "أمريسيوم-بيريليوم", "ru": "Am-241/Be",
                  "de": "Am-241/Be", "pt": "Am-241/Be"},
}  # fmt: skip

# A later report of the missing source, without its serial number.
FOLLOW_UP = {
    "en": [
        "Investigators believe the {device} taken in {place} in {month_missing} is still "
        "circulating. Its {nuclide} source, now about {activity}, was described in a customs "
        "bulletin issued on {date} as a {make} {model}.",
        "{country_name} police renewed their appeal on {date} for information on a {make} "
        "{model} {device} stolen in {place}. The {nuclide} capsule inside holds roughly "
        "{activity} and can cause severe burns if handled.",
    ],
    "fr": [
        "Plusieurs mois après le vol survenu à {place}, le {device} {make} {model} n'a "
        "toujours pas été localisé. Selon une note des autorités du {date}, la source "
        "d'{nuclide} présente encore une activité d'environ {activity}.",
        "Les enquêteurs de {country_name} poursuivent leurs recherches : le {device} de "
        "modèle {model} disparu à {place} contient une source de {nuclide} de {activity} "
        "à la date du {date}.",
    ],
    "es": [
        "La fiscalía informó el {date} que sigue sin aparecer el {device} {make} {model} "
        "sustraído en {place}. La fuente de {nuclide} conserva una actividad de unos {activity}.",
        "Protección Civil de {country_name} reiteró su alerta: el {device} modelo {model}, "
        "robado en {place}, aloja una fuente de {nuclide} de aproximadamente {activity} "
        "según el cálculo realizado el {date}.",
    ],
    "ar": [
        "أعلنت السلطات في {date} أن {device} من طراز {make} {model} الذي سرق في {place} لا "
        "يزال مفقودا، وأن مصدر {nuclide} بداخله تبلغ نشاطيته حاليا نحو {activity}.",
        "جددت الشرطة في {country_name} نداءها للمواطنين بشأن {device} {model} المسروق من "
        "{place}، ويحتوي على مصدر {nuclide} بنشاط {activity} تقريبا حسب تقدير {date}.",
    ],
    "de": [
        "Das in {place} gestohlene {device} vom Typ {make} {model} ist weiterhin "
        "verschwunden. Die {nuclide}-Quelle hat nach Angaben der Behörden vom {date} noch "
        "eine Aktivität von etwa {activity}.",
    ],
    "pt": [
        "A polícia de {country_name} informou em {date} que o {device} {make} {model} "
        "furtado em {place} continua desaparecido. A fonte de {nuclide} tem hoje uma "
        "atividade de cerca de {activity}.",
    ],
    "ru": [
        "По данным на {date}, {device} {make} {model}, похищенный в городе {place}, до сих "
        "пор не найден. Активность источника {nuclide} сейчас составляет около {activity}.",
    ],
}

# A report quoting the serial number (the strongest evidence), possibly far from the theft.
SERIAL = {
    "en": [
        "Border guards at a crossing into {other_country} stopped a van on {date} after a "
        "portal monitor alarm. Inside was a {device} with serial number {serial}, which "
        "the regulator confirmed as the one reported stolen in {place}.",
        "A {device} bearing serial no. {serial} was listed for sale on an online "
        "marketplace on {date}, according to a bulletin shared with partner agencies.",
    ],
    "fr": [
        "Le {date}, les douanes ont signalé un {device} portant le numéro de série {serial} "
        "dans un entrepôt près de la frontière. L'enquête vérifie sa provenance.",
    ],
    "es": [
        "Un informante ofreció el {date} un {device} con número de serie {serial} a un "
        "chatarrero, según la Guardia Civil, que investiga la oferta.",
    ],
    "ar": [
        "ضبطت الجمارك في {date} شحنة تضم {device} يحمل الرقم التسلسلي {serial} كان معروضا "
        "للبيع بطريقة غير مشروعة.",
    ],
    "de": [
        "Am {date} meldete der Zoll ein {device} mit der serial number {serial}, das in einem "
        "Lieferwagen versteckt war.",
    ],
    "pt": [
        "Em {date}, a polícia localizou anúncios de um {device} com S/N {serial} numa rede "
        "social; a oferta está a ser investigada.",
    ],
    "ru": [
        "{date} таможенники обнаружили в грузовике {device} с маркировкой S/N {serial}.",
    ],
}

# The source found or recovered.
RECOVERY = {
    "en": [
        "The {device} stolen in {place} was recovered on {date} in a field outside the city. "
        "The {nuclide} source, about {activity}, was intact, the {country_name} regulator said.",
        "Police found the missing {make} {model} {device} on {date} in an abandoned car. "
        "Its {nuclide} source ({activity}) was shielded and undamaged.",
    ],
    "fr": [
        "Le {device} {make} {model} volé à {place} a été retrouvé le {date} dans un fossé. La "
        "source d'{nuclide}, d'environ {activity}, est intacte selon l'autorité de sûreté.",
    ],
    "es": [
        "La policía recuperó el {date} el {device} {make} {model} robado en {place}. La fuente "
        "de {nuclide}, de unos {activity}, se encontraba en buen estado.",
    ],
    "ar": [
        "عثرت الشرطة في {date} على {device} {make} {model} الذي سرق من {place}، وكان مصدر "
        "{nuclide} بداخله سليما ونشاطه نحو {activity}.",
    ],
    "de": [
        "Das in {place} gestohlene {device} {make} {model} wurde am {date} sichergestellt. "
        "Die {nuclide}-Quelle mit rund {activity} war unbeschädigt.",
    ],
    "pt": [
        "O {device} {make} {model} furtado em {place} foi encontrado em {date} num terreno "
        "baldio. A fonte de {nuclide}, com cerca de {activity}, estava intacta.",
    ],
    "ru": [
        "{date} полиция нашла {device} {make} {model}, похищенный в городе {place}. "
        "Источник {nuclide} активностью около {activity} не поврежден.",
    ],
}

# Another source of the same nuclide: another activity, another country, another serial.
CONFUSABLE = {
    "en": [
        "A {device} containing a {nuclide} source of {activity} was stolen from a truck in "
        "{other_place}, {other_country_name}, on {date}. The device carries serial number "
        "{other_serial}.",
        "Authorities in {other_country_name} are searching for a {nuclide} source of "
        "{activity} lost on {date} during transport near {other_place}.",
    ],
    "fr": [
        "Une source de {nuclide} de {activity} a disparu le {date} d'un chantier à "
        "{other_place} ({other_country_name}), selon l'exploitant.",
    ],
    "es": [
        "Roban en {other_place} ({other_country_name}) el {date} un {device} con una fuente "
        "de {nuclide} de {activity}, número de serie {other_serial}.",
    ],
    "ar": [
        "فقد مصدر {nuclide} بنشاط {activity} في {other_place} في {date} أثناء نقله، حسب "
        "هيئة الرقابة في {other_country_name}.",
    ],
}

# A report older than the loss: the same kind of source, in the same place.
BEFORE = {
    "en": [
        "On {date}, inspectors audited {owner} in {place} and checked its {nuclide} "
        "{device} ({activity}); storage was found compliant.",
    ],
    "fr": [
        "Le {date}, l'autorité de sûreté a inspecté à {place} un {device} à source "
        "d'{nuclide} de {activity} ; aucun écart n'a été relevé.",
    ],
    "es": [
        "El {date} el regulador inspeccionó en {place} un {device} con fuente de {nuclide} "
        "de {activity} y no encontró irregularidades.",
    ],
}

# Persons.
PERSON = {
    "en": [
        "Police in {place} arrested {name} on {date} on suspicion of offering a caesium-137 "
        "source to undercover officers. The suspect is believed to act as a {role}.",
        "A court in {place} heard on {date} that {name} had tried to broker the sale of "
        "radioactive material, including cobalt-60 capsules, to a buyer abroad.",
    ],
    "fr": [
        "{name} a été interpellé le {date} à {place} ; il est soupçonné d'avoir tenté de "
        "vendre une source de césium 137 volée.",
    ],
    "es": [
        "La policía detuvo el {date} en {place} a {name}, acusado de intentar vender "
        "material radiactivo con cesio-137.",
    ],
    "ar": [
        "أوقفت الشرطة في {place} بتاريخ {date} المدعو {name} للاشتباه في محاولته بيع مصدر "
        "مشع من السيزيوم-137.",
        "قالت النيابة العامة إن {name} عرض في {date} بيع مواد مشعة بينها كوبالت-60 على "
        "وسيط في {place}.",
    ],
    "ru": [
        "{date} в городе {place} задержан {name}, подозреваемый в попытке продать "
        "радиоактивный источник цезий-137.",
        "Суд в городе {place} арестовал {name} по делу о незаконном обороте "
        "радиоактивных материалов, сообщили {date}.",
    ],
    "de": [
        "Die Polizei in {place} hat am {date} {name} festgenommen, der radioaktives Cs-137 "
        "verkaufen wollte.",
    ],
    "pt": [
        "A polícia deteve em {place}, em {date}, {name}, suspeito de tentar vender uma "
        "fonte radioativa de césio-137.",
    ],
}

NOISE = [
    (
        "en",
        "The regulator published its annual report on {date}: 412 licences for industrial "
        "radiography were renewed and no source was reported lost in the capital.",
    ),
    (
        "fr",
        "Le {date}, un exercice de crise nucléaire a mobilisé les secours à Bordeaux ; "
        "aucune matière radioactive réelle n'a été utilisée.",
    ),
    (
        "es",
        "El {date} se inauguró en Bilbao un nuevo acelerador para radioterapia que "
        "sustituye una antigua unidad de cobalto.",
    ),
    (
        "ar",
        "افتتح في {date} مركز جديد للطب النووي في الرياض يستخدم نظائر قصيرة العمر لتشخيص الأورام.",
    ),
    (
        "en",
        "Uranium spot prices rose on {date} as utilities signed new supply contracts, "
        "traders said.",
    ),
    (
        "de",
        "Am {date} hat das Bundesamt für Strahlenschutz neue Messstationen in Bayern "
        "in Betrieb genommen.",
    ),
    (
        "pt",
        "Em {date}, técnicos da CNEN realizaram uma formação sobre transporte seguro de "
        "material radioativo em Recife.",
    ),
    (
        "ru",
        "{date} Ростехнадзор провел плановую проверку хранилища радиоактивных отходов "
        "под Новосибирском.",
    ),
    (
        "en",
        "A hospital in Leeds replaced {date} the smoke detectors of its east wing; the "
        "old americium-241 units were returned to the supplier.",
    ),
    (
        "fr",
        "Le {date}, un colloque à Genève a réuni des experts de la sécurité des sources "
        "radioactives scellées.",
    ),
    (
        "es",
        "Un simulacro de fuga radiactiva se celebró el {date} en la central de Almaraz "
        "sin incidencias.",
    ),
    ("ar", "عقدت الهيئة الوطنية للرقابة النووية في {date} ورشة عمل حول أمن المصادر المشعة."),
    (
        "en",
        "Police in Manchester arrested a man on {date} after a burglary at a warehouse; "
        "no hazardous material was involved.",
    ),
    ("ru", "{date} в Казани прошли учения МЧС по ликвидации последствий радиационной аварии."),
]
