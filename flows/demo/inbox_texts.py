"""Synthetic texts of the demo bureau inbox (fictional people and companies, real places)."""

from __future__ import annotations

from typing import Any

from flows.demo.articles import FOOTER

PDF_REPORTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "rapport_lyon_jauge.pdf": (
        "Rapport du bureau central national de France - vol d'une jauge",
        (
            "Objet : vol d'une jauge nucléaire de mesure d'humidité et de densité.",
            "Le 11 février 2025, vers 6 h 40, le chef de chantier de la société fictive Rhône "
            "Contrôle Sols a constaté l'effraction de la remise du chantier de la rue Émile "
            "Zola à Vénissieux (Rhône).",
            "Une jauge de marque fictive Geodens modèle 3400, numéro de série GD-3400-7781, a "
            "été dérobée. Elle contient une source de césium 137 de 0,30 GBq et une source "
            "d'américium 241/béryllium de 1,48 GBq.",
            "Le parquet de Lyon a ouvert une enquête pour vol de matières radioactives. Deux "
            "témoins ont vu une fourgonnette grise quitter les lieux. La jauge n'a pas été "
            "retrouvée à ce jour.",
            "Rédacteur : capitaine Sylvie Garnier.",
            FOOTER,
        ),
    ),
    "informe_monterrey_recuperacion.pdf": (
        "Informe de la Oficina Central Nacional de México",
        (
            "Asunto: recuperación de la cámara de gammagrafía robada en Monterrey.",
            "El 6 de febrero de 2025 la policía estatal de Nuevo León localizó en un terreno "
            "baldío de Guadalupe la cámara de gammagrafía con número de serie IIB-0457, robada "
            "el 3 de febrero a la empresa ficticia Inspecciones Industriales del Bajío.",
            "El blindaje estaba intacto y la fuente de iridio-192 de 1,2 TBq seguía en su "
            "posición de resguardo. Los ladrones, que buscaban la camioneta y no el equipo, "
            "abandonaron la cámara al ver las noticias.",
            "No se registraron personas expuestas. Responsable: comisario Jorge Elizondo.",
            FOOTER,
        ),
    ),
    "reactor_outage_summary.pdf": (
        "Monthly summary of reactor outages",
        (
            "This summary lists planned refuelling outages at power reactors operated by the "
            "fictional utility Northern Lakes Generation in March 2025.",
            "Unit 1 returned to service after 31 days. Unit 3 began a 45-day outage for "
            "turbine maintenance. No safety-significant events were reported.",
            "Prepared by the outage planning office, contact: Gareth Pemberton.",
            FOOTER,
        ),
    ),
    "encrypted_report.pdf": (
        "Restricted liaison report",
        (
            "Liaison report on a suspected offer of caesium-137 sources in Odesa, Ukraine.",
            "The file is protected with a password that the demo does not provide.",
            FOOTER,
        ),
    ),
}

ATTACHED_PDF = (
    "Kenya bureau note - red mercury offer",
    (
        "Nairobi, 12 March 2025. Officers of the fictional Kenyan liaison office met two "
        "sellers who offered one kilogram of 'red mercury' for 1.5 million dollars.",
        "The sellers, who called themselves the Savannah Minerals consortium, showed a "
        "certificate claiming the substance was weapons-grade. Tests found cinnabar powder "
        "with no radioactivity. The case is treated as a scam.",
        FOOTER,
    ),
)

DOCX_NOTES: dict[str, dict[str, Any]] = {
    "bureau_note_rotterdam_scrap.docx": {
        "title": "Netherlands bureau note: Co-60 in scrap metal",
        "paragraphs": (
            "On 19 March 2025 the radiation portal at the fictional scrap yard Maasvlakte "
            "Metals BV in Rotterdam alarmed on a container of shredded steel from a supplier "
            "in Antwerp, Belgium.",
            "Specialists found a small cobalt-60 source, probably from an old level gauge, and "
            "a number of contaminated steel fragments. The source was isolated and taken to "
            "the national storage facility. The origin is unknown.",
            "Measurements:",
        ),
        "table": (
            ("Item", "Nuclide", "Dose rate at 1 m", "Estimated activity"),
            ("Sealed source", "Co-60", "85 µSv/h", "5 GBq"),
            ("Steel fragments", "Co-60", "2 µSv/h", "below 10 MBq"),
        ),
        "closing": ("Reporting officer: inspector Maarten de Wilde.", FOOTER),
    },
    "note_bureau_aqaba_uranium.docx": {
        "title": "مذكرة المكتب المركزي الوطني في الأردن",
        "paragraphs": (
            "الموضوع: ضبط كمية من اليورانيوم في ميناء العقبة.",
            "في 2 نيسان 2025 ضبطت الجمارك الأردنية في ميناء العقبة صندوقا يحتوي على نحو ثلاثة "
            "كيلوغرامات من مسحوق الكعكة الصفراء، أي مركز خام اليورانيوم، داخل شحنة أسمدة.",
            "وكانت الشحنة موجهة إلى شركة وهمية تدعى الرافدين للاستيراد. وأوقف سائق الشاحنة "
            "ويدعى فارس العبادي، وهو شخص وهمي، وفتح تحقيق في تهريب مواد نووية.",
            "نتائج الفحص:",
        ),
        "table": (
            ("المادة", "الكمية", "التخصيب"),
            ("مركز خام اليورانيوم", "3 كغ", "يورانيوم طبيعي"),
        ),
        "closing": ("المحرر: الرائد سامي الخوري.", FOOTER),
    },
    "informe_robo_farmacia_madrid.docx": {
        "title": "Informe policial: robo en una farmacia de Madrid",
        "paragraphs": (
            "El 8 de abril de 2025 dos individuos encapuchados asaltaron la farmacia ficticia "
            "Farmacia San Bernardo, en el distrito de Chamberí, Madrid.",
            "Se llevaron 900 euros de la caja y varios perfumes. No hubo heridos. El caso no "
            "guarda relación con materiales nucleares ni radiactivos.",
        ),
        "table": (("Objeto", "Valor"), ("Efectivo", "900 EUR"), ("Perfumes", "350 EUR")),
        "closing": ("Instructor: subinspector Álvaro Pineda.", FOOTER),
    },
}

EMAILS: dict[str, dict[str, Any]] = {
    "mail_lost_source_neuquen.eml": {
        "subject": "Pérdida de una fuente de perfilaje en Neuquén",
        "from": "Oficina Central Nacional Argentina <ocn.demo@demo.radintel.invalid>",
        "date": "Mon, 14 Apr 2025 09:12:00 -0300",
        "body": (
            "Estimados colegas:\n\n"
            "Les informamos de que el 11 de abril de 2025 la empresa ficticia Perforaciones "
            "Patagónicas S.A. denunció la pérdida de una herramienta de perfilaje de pozos en "
            "el yacimiento de Añelo, provincia de Neuquén.\n\n"
            "La herramienta contiene una fuente de cesio-137 de 74 GBq (2 Ci), número de serie "
            "PP-CS-2291. Se sospecha que cayó durante el traslado entre dos pozos.\n\n"
            "Saludos cordiales,\nComisario Martín Irigoyen\n\n" + FOOTER
        ),
    },
    "mail_wrong_charset_brussels.eml": {
        "subject": "Tentative de vente d'osmium a Bruxelles",
        "from": "Bureau central national Belgique <bcn.demo@demo.radintel.invalid>",
        "date": "Tue, 22 Apr 2025 16:03:00 +0200",
        "charset_bytes": "latin-1",
        "declared": "utf-8",
        "body": (
            "Bonjour,\n\n"
            "Le 17 avril 2025, la police judiciaire fédérale a arrêté à Bruxelles deux hommes "
            "qui proposaient un flacon d'« osmium 187 de qualité militaire » pour 4 millions "
            "d'euros. L'analyse a montré qu'il s'agissait de plomb sans aucune radioactivité.\n\n"
            "Les suspects, Thierry Vandamme et Kévin Lemaître, sont présentés comme les gérants "
            "de la société fictive Benelux Métaux Précieux. Il s'agit d'une escroquerie.\n\n"
            "Cordialement,\nCommissaire Anne Dufresne\n\n" + FOOTER
        ),
    },
    "mail_cp1256_oran.eml": {
        "subject": "فقدان جهاز قياس مستوى يحتوي على السيزيوم-137 في وهران",
        "from": "Bureau central national Algerie <bcn.dz.demo@demo.radintel.invalid>",
        "date": "Sun, 4 May 2025 10:45:00 +0100",
        "charset_bytes": "cp1256",
        "declared": None,
        "body": (
            "السلام عليكم،\n\n"
            "نبلغكم بأن مصنع الإسمنت الوهمي الهضاب في وهران بالجزائر أعلن يوم 2 ماي 2025 "
            "فقدان جهاز قياس مستوى ثابت يحتوي على مصدر سيزيوم-137 بنشاطية 1.85 جيجا بيكريل.\n\n"
            "ويرجح أن الجهاز فكك أثناء أشغال صيانة ونقل مع الخردة. وقد أخطرت الهيئة الوطنية "
            "للأمان النووي وبدأ البحث في ساحات الخردة القريبة.\n\n"
            "مع التحية،\nالعميد رشيد بن عيسى\n\n" + FOOTER
        ),
    },
    "mail_forward_red_mercury.eml": {
        "subject": "FW: red mercury offer in Nairobi (report attached)",
        "from": "UK liaison desk <uk.desk.demo@demo.radintel.invalid>",
        "date": "Fri, 14 Mar 2025 12:30:00 +0000",
        "body": (
            "Colleagues,\n\n"
            "Please find attached the note from the Kenya bureau about an offer of red mercury "
            "in Nairobi on 12 March 2025. Tests showed no radioactive material; it looks like "
            "the usual scam. We would welcome any reports of the Savannah Minerals consortium "
            "elsewhere.\n\nRegards,\nDetective Inspector Fiona Blackwood\n\n" + FOOTER
        ),
        "attachment": "../reports/Kenya note (red mercury).pdf",
    },
    "mail_html_conference.eml": {
        "subject": "Invitation : journée de formation en radioprotection",
        "from": "Secrétariat formation <formation.demo@demo.radintel.invalid>",
        "date": "Wed, 28 May 2025 08:20:00 +0200",
        "html": (
            "<html><head><style>p { color: #333 }</style></head><body>"
            "<p>Madame, Monsieur,</p>"
            "<p>Nous avons le plaisir de vous inviter à une journée de formation sur la "
            "radioprotection en médecine nucléaire, le 19 juin 2025 à Genève.</p>"
            "<p>Le programme comprend la gestion des déchets de technétium-99m et la "
            "dosimétrie des patients. Inscription auprès de Claire Fontanel.</p>"
            f"<p>{FOOTER}</p></body></html>"
        ),
    },
}

TEXT_NOTES: dict[str, tuple[str, str]] = {
    "note_smoke_detectors_leeds.txt": (
        "utf-8",
        "Liaison note: smoke detectors in a skip, Leeds\n\n"
        "On 23 April 2025 a waste contractor in Leeds, United Kingdom, found 40 domestic smoke "
        "detectors in a skip behind a closed hotel. Each detector holds about 37 kBq of "
        "americium-241. The fictional company Aire Valley Waste returned them to a licensed "
        "recycler. Nothing suggests theft or malicious intent.\n\n" + FOOTER + "\n",
    ),
    "note_prix_uranium.txt": (
        "utf-8",
        "Note de veille : marché de l'uranium\n\n"
        "Le prix de l'uranium naturel sur le marché spot est resté stable en mai 2025. Le "
        "cabinet fictif Analyses Énergie Conseil prévoit une hausse modérée liée aux nouveaux "
        "contrats d'approvisionnement des électriciens européens.\n\n" + FOOTER + "\n",
    ),
    "note_nuclear_medicine_doha.txt": (
        "utf-8",
        "مذكرة: توسيع قسم الطب النووي في الدوحة\n\n"
        "أعلن مستشفى الخليج التخصصي الوهمي في الدوحة بقطر عن توسيع قسم الطب النووي وشراء جهاز "
        "تصوير جديد. وسيستخدم القسم نظير التكنيشيوم-99m لتشخيص أمراض القلب والعظام.\n\n"
        + FOOTER
        + "\n",
    ),
    "nota_robo_coche_valencia.txt": (
        "cp1252",
        "Nota informativa: robo de un coche en Valencia\n\n"
        "El 30 de abril de 2025 un vecino del barrio de Ruzafa, en Valencia, denunció el robo "
        "de su coche. La policía localizó el vehículo dos días después en Paterna, sin daños. "
        "El dueño, Ramón Echeverría, recuperó también la mochila que había dejado en el "
        "maletero.\n\n" + FOOTER + "\n",
    ),
}

VALID_SUBMISSION: dict[str, Any] = {
    "bureau_country": "FR",
    "reference": "FR-2025-0142",
    "reporting_date": "2025-05-20",
    "incident_date": "2025-05-16",
    "place": "Saint-Priest, Lyon",
    "marking": "TLP:AMBER",
    "narrative": (
        "Vol d'un projecteur de gammagraphie dans le véhicule d'un technicien de la société "
        "fictive Lyon Contrôles Non Destructifs, stationné à Saint-Priest. Le projecteur "
        "contient une source d'iridium 192. " + FOOTER
    ),
    "materials": [
        {
            "material": "Ir-192",
            "activity": 1.1,
            "activity_unit": "TBq",
            "device": "radiography camera",
            "serial_number": "LCND-880",
        }
    ],
}

BATCH_SUBMISSIONS: list[dict[str, Any]] = [
    {
        "bureau_country": "ES",
        "reference": "ES-2025-077",
        "reporting_date": "2025-05-28",
        "incident_date": "2021-09-03",
        "place": "Bilbao",
        "marking": "TLP:GREEN",
        "narrative": (
            "Durante una inspección en 2025 se descubrió que una fuente de cobalto-60 de un "
            "medidor de nivel de la acería ficticia Aceros del Nervión se había perdido en "
            "2021 y nunca se había notificado. " + FOOTER
        ),
        "materials": [
            {
                "material": "Co-60",
                "activity": 0.37,
                "activity_unit": "GBq",
                "device": "fixed level gauge",
                "serial_number": "ADN-LG-12",
            }
        ],
    },
    {
        "bureau_country": "TN",
        "reference": "TN-2025-009",
        "reporting_date": "2025-06-02",
        "incident_date": "2025-05-30",
        "place": "Sfax",
        "narrative": (
            "ضبطت الشرطة في صفاقس بتونس شخصين يعرضان للبيع أسطوانة قالا إنها تحتوي على "
            "يورانيوم مخصب، وتبين أنها تحتوي على الرصاص فقط. " + FOOTER
        ),
        "materials": [{"material": "lead sold as enriched uranium", "quantity": 2, "unit": "kg"}],
    },
]

INVALID_SUBMISSION: dict[str, Any] = {
    "bureau_country": "XX",
    "reference": "??",
    "reporting_date": "2025-13-40",
    "materials": [{"material": "Cs-137", "activity": "a lot"}],
    "marking": "SECRET",
}

CSV_HEADER = (
    "bureau_country",
    "reference",
    "reporting_date",
    "incident_date",
    "place",
    "marking",
    "narrative",
    "material_1",
    "quantity_1",
    "unit_1",
    "activity_1",
    "activity_unit_1",
    "device_1",
    "serial_number_1",
    "material_2",
    "activity_2",
    "activity_unit_2",
)

CSV_ROWS: tuple[tuple[str, ...], ...] = (
    (
        "GB",
        "GB-2025-311",
        "2025-06-05",
        "2025-06-01",
        "Aberdeen",
        "TLP:GREEN",
        "A well-logging tool with a caesium-137 source was left unattended at a quay in "
        "Aberdeen by the fictional firm North Sea Logging Ltd and recovered the next day. "
        + FOOTER,
        "Cs-137",
        "",
        "",
        "74",
        "GBq",
        "well-logging tool",
        "NSL-CS-45",
        "",
        "",
        "",
    ),
    (
        "CA",
        "CA-2025-058",
        "2025-06-06",
        "2025-06-04",
        "Edmonton",
        "TLP:CLEAR",
        "Des voleurs ont emporté une jauge portable de densité appartenant à l'entreprise "
        "fictive Prairie Geotech à Edmonton. La jauge contient du césium 137 et de "
        "l'américium 241/béryllium. " + FOOTER,
        "Cs-137",
        "1",
        "devices",
        "0,3",
        "GBq",
        "portable moisture/density gauge",
        "PG-5521",
        "Am-241/Be",
        "1,48",
        "GBq",
    ),
    (
        "CO",
        "CO-2025-120",
        "2025-06-09",
        "",
        "Cartagena",
        "",
        "En el puerto de Cartagena, Colombia, un pórtico detectó un contenedor con chatarra "
        "contaminada con radio-226 procedente de un pararrayos antiguo. " + FOOTER,
        "Ra-226",
        "",
        "",
        "",
        "",
        "lightning rod",
        "",
        "",
        "",
        "",
    ),
    (
        "ZZ",
        "bad reference!",
        "09/06/2025",
        "",
        "",
        "TLP:BLUE",
        "short",
        "Cs-137",
        "",
        "",
        "plenty",
        "",
        "",
        "",
        "",
        "",
        "",
    ),
)
