"""Synthetic news articles for the demo feeds and web pages (fictional people and companies).

Every article is published in one feed (RSS or Atom) with its full text as entry content, and
as a web page `web/<slug>.html` that wraps the same text in site boilerplate.
"""

from __future__ import annotations

from dataclasses import dataclass

FOOTER = "Synthetic document written for the radintel demo."


@dataclass(frozen=True)
class Article:
    slug: str
    feed: str  # "rss" or "atom"
    language: str
    relevant: bool
    published: str  # RFC 3339
    title: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n\n".join((*self.paragraphs, FOOTER))


ARTICLES: tuple[Article, ...] = (
    Article(
        "en-denver-gauge-theft",
        "rss",
        "en",
        True,
        "2025-01-14T09:30:00+00:00",
        "Nuclear density gauge stolen from contractor's truck in Denver",
        (
            "A portable moisture-density gauge was stolen overnight from a pickup truck parked "
            "outside a motel in Denver, Colorado, police said on Tuesday.",
            "The gauge belongs to Front Range Compaction Testing LLC, a fictional soil testing "
            "firm, and contains a 0.30 GBq (8 mCi) caesium-137 source and a 1.48 GBq (40 mCi) "
            "americium-241/beryllium source. Its serial number is FRC-22817.",
            "Technician Dale Whitcombe told officers the device was locked in its yellow "
            "transport case with a chain. The state radiation control programme asked anyone "
            "who finds the case not to open it and to call 911.",
        ),
    ),
    Article(
        "fr-arret-reacteur",
        "rss",
        "fr",
        False,
        "2025-01-22T07:15:00+00:00",
        "Arrêt programmé du réacteur 2 de la centrale de Saint-Aubin pour maintenance",
        (
            "L'exploitant de la centrale fictive de Saint-Aubin-sur-Loire a mis à l'arrêt le "
            "réacteur numéro 2 pour sa visite décennale, prévue depuis deux ans.",
            "Pendant quatorze semaines, près de mille intervenants de l'entreprise Ligérienne "
            "de Maintenance vont remplacer des générateurs de vapeur et contrôler la cuve.",
            "Selon la directrice du site, Hélène Marchadier, cet arrêt n'a aucune conséquence "
            "sur la sûreté ni sur l'approvisionnement électrique de la région.",
        ),
    ),
    Article(
        "es-robo-camara-monterrey",
        "rss",
        "es",
        True,
        "2025-02-03T18:45:00+00:00",
        "Roban una cámara de gammagrafía industrial con iridio-192 en Monterrey",
        (
            "La Coordinación de Protección Civil de Nuevo León emitió una alerta tras el robo "
            "de una cámara de gammagrafía industrial en el municipio de Monterrey, México.",
            "El equipo, propiedad de la empresa ficticia Inspecciones Industriales del Bajío, "
            "contiene una fuente sellada de iridio-192 de 1,2 TBq (32 Ci) y tiene el número de "
            "serie IIB-0457. Fue sustraído de una camioneta estacionada en la colonia Obispado.",
            "Las autoridades piden no manipular el contenedor, que lleva el símbolo del trébol "
            "radiactivo, y avisar al 911 si se localiza.",
        ),
    ),
    Article(
        "ar-cobalt-scrap-alexandria",
        "rss",
        "ar",
        True,
        "2025-02-10T11:00:00+00:00",
        "العثور على مصدر كوبالت-60 مهمل في ساحة خردة بالإسكندرية",
        (
            "أعلنت السلطات في الإسكندرية بمصر أن بوابة كشف الإشعاع في ساحة خردة تابعة لشركة "
            "النيل للمعادن الوهمية رصدت مستوى إشعاع مرتفعا داخل شحنة من الحديد المستعمل.",
            "وتبين بعد الفحص أن الشحنة تحتوي على رأس جهاز علاج إشعاعي قديم بداخله مصدر كوبالت-60 "
            "تقدر نشاطيته بنحو 40 جيجا بيكريل، ولا يعرف مصدره حتى الآن.",
            "وقال المهندس كريم الشناوي إن المنطقة عزلت وإن الجهات المختصة نقلت المصدر إلى مخزن "
            "آمن، وإن التحقيق جار لمعرفة كيف وصل إلى الخردة.",
        ),
    ),
    Article(
        "en-uranium-spot-price",
        "rss",
        "en",
        False,
        "2025-02-18T14:20:00+00:00",
        "Uranium spot price edges higher as utilities sign long-term contracts",
        (
            "The uranium spot price rose for a third week, trading near 72 dollars per pound "
            "of U3O8, according to the fictional broker Northgate Commodities.",
            "Analyst Priya Ramaswamy said utilities in Asia and Europe had signed several "
            "long-term supply contracts, while new mine output in Kazakhstan remained modest.",
            "Shares of fictional exploration companies such as Bluewater Uranium Corp rose "
            "between two and five percent on the news.",
        ),
    ),
    Article(
        "fr-medecine-nucleaire-lyon",
        "rss",
        "fr",
        False,
        "2025-03-04T08:00:00+00:00",
        "Un nouveau service de médecine nucléaire ouvre à Lyon",
        (
            "La clinique fictive du Parc de Gerland, à Lyon, a inauguré un service de médecine "
            "nucléaire équipé de deux caméras TEP et d'une gamma-caméra.",
            "Les examens au fluor-18 et au technétium-99m permettront de réduire l'attente des "
            "patients atteints de cancer, selon le docteur Antoine Verrier.",
            "Les radiopharmaceutiques seront livrés chaque matin par un fournisseur régional.",
        ),
    ),
    Article(
        "en-tbilisi-uranium-seizure",
        "rss",
        "en",
        True,
        "2025-03-12T16:40:00+00:00",
        "Georgian police seize container of enriched uranium in Tbilisi sting",
        (
            "Georgia's State Security Service said it arrested two men in Tbilisi who tried to "
            "sell a lead container holding about 200 grams of uranium for 3 million dollars.",
            "A laboratory found that the material was highly enriched uranium (HEU) with about "
            "80 percent U-235. The suspects, named as Levan Tsiklauri and Oleg Marchenko, are "
            "fictional for this demo.",
            "Investigators believe the material was offered to an undercover buyer through an "
            "intermediary company, Kartli Trade Group, which is also fictional.",
        ),
    ),
    Article(
        "es-robo-cobre-sevilla",
        "rss",
        "es",
        False,
        "2025-03-20T06:30:00+00:00",
        "Detenidos tres hombres por robar cable de cobre en Sevilla",
        (
            "La Policía Nacional detuvo en Sevilla a tres hombres acusados de robar más de dos "
            "toneladas de cable de cobre de una subestación eléctrica abandonada.",
            "Los agentes encontraron el material en una nave de Dos Hermanas alquilada por la "
            "empresa ficticia Reciclajes Guadaíra.",
            "Los detenidos, de entre 28 y 45 años, tienen antecedentes por delitos similares.",
        ),
    ),
    Article(
        "en-oman-well-logging-source",
        "atom",
        "en",
        True,
        "2025-04-02T10:10:00+00:00",
        "Well-logging source lost during transport in Oman",
        (
            "A well-logging tool containing an americium-241/beryllium neutron source of "
            "592 GBq (16 Ci) fell from a truck on a desert road between Fahud and Ibri, Oman.",
            "The fictional service company Delta Wireline Services reported the loss to the "
            "regulator after the crew noticed the empty storage rack at the rig site.",
            "Search teams with neutron detectors are combing a 40 km stretch of road. The "
            "source is in a steel capsule marked DWS-AMBE-118.",
        ),
    ),
    Article(
        "ar-red-mercury-casablanca",
        "atom",
        "ar",
        True,
        "2025-04-09T13:25:00+00:00",
        "تفكيك شبكة احتيال تبيع الزئبق الأحمر في الدار البيضاء",
        (
            "أوقفت الشرطة في الدار البيضاء بالمغرب ثلاثة أشخاص حاولوا بيع قارورة قالوا إنها "
            "تحتوي على الزئبق الأحمر مقابل مليوني دولار.",
            "وأظهر التحليل المخبري أن القارورة لا تحتوي إلا على الزئبق العادي ممزوجا بصبغة حمراء، "
            "وأنها لا تصدر أي إشعاع.",
            "وقالت المصادر إن المشتبه به الرئيسي، ويدعى سمير الوزاني وهو شخص وهمي، استعمل شركة "
            "وهمية تدعى الأطلس للتجارة لإقناع الضحايا.",
        ),
    ),
    Article(
        "fr-contrebande-marseille",
        "atom",
        "fr",
        True,
        "2025-04-17T09:05:00+00:00",
        "Un conteneur radioactif intercepté au port de Marseille-Fos",
        (
            "Les douaniers du port de Marseille-Fos ont intercepté un camion après le "
            "déclenchement d'un portique de détection de la radioactivité.",
            "Caché sous des pièces automobiles, un conteneur blindé renfermait une source de "
            "césium 137 d'environ 3,7 GBq (100 mCi) dépourvue de tout document de transport.",
            "Le chauffeur, Mehdi Rouabah, et la société de transport fictive Trans-Provence "
            "Logistique font l'objet d'une enquête pour trafic de matières radioactives.",
        ),
    ),
    Article(
        "en-smr-licence",
        "atom",
        "en",
        False,
        "2025-04-25T15:50:00+00:00",
        "Regulator accepts design review application for small modular reactor",
        (
            "The fictional developer Harbour Atomics said the national regulator in Canada "
            "had accepted its application for a pre-licensing review of a 300 MW reactor.",
            "Chief executive Morgan Ellery said the first unit could be built in Ontario "
            "before 2032 if financing is secured.",
            "Environmental groups asked for public hearings on waste storage at the site.",
        ),
    ),
    Article(
        "es-debate-vida-util-centrales",
        "atom",
        "es",
        False,
        "2025-05-06T07:45:00+00:00",
        "El debate sobre la vida útil de las centrales nucleares llega al Congreso",
        (
            "Varios grupos parlamentarios presentaron propuestas sobre la prolongación de la "
            "vida útil de las centrales nucleares en España.",
            "La asociación ficticia Energía y Futuro estimó que el cierre anticipado elevaría "
            "el precio de la electricidad, mientras que la Fundación Sol Verde lo negó.",
            "La votación está prevista para después del verano.",
        ),
    ),
    Article(
        "ar-nuclear-medicine-amman",
        "atom",
        "ar",
        False,
        "2025-05-14T12:00:00+00:00",
        "افتتاح قسم جديد للطب النووي في مستشفى بعمّان",
        (
            "افتتح مستشفى الرازي الوهمي في عمّان بالأردن قسما جديدا للطب النووي مجهزا بجهاز "
            "تصوير مقطعي بالإصدار البوزيتروني.",
            "وقالت الدكتورة ليلى الحسيني إن القسم سيستقبل نحو ثلاثين مريضا يوميا، وإن "
            "النظائر المشعة الطبية ستصل من مورد محلي كل صباح.",
            "ويأتي المشروع ضمن خطة لتقليص قوائم انتظار مرضى السرطان.",
        ),
    ),
    Article(
        "en-manchester-warehouse-burglary",
        "atom",
        "en",
        False,
        "2025-05-27T19:10:00+00:00",
        "Thieves take laptops worth thousands from Manchester warehouse",
        (
            "Greater Manchester Police are appealing for witnesses after a burglary at a "
            "warehouse in Trafford Park in which 120 laptops were taken.",
            "The fictional distributor Pennine Office Supplies said the thieves cut through a "
            "fence and disabled an alarm shortly after 2 am.",
            "Detective Sergeant Ruth Calloway said a white van was seen leaving the area.",
        ),
    ),
    Article(
        "fr-jauge-retrouvee-toulouse",
        "atom",
        "fr",
        True,
        "2025-06-03T10:30:00+00:00",
        "La jauge radioactive volée près de Toulouse a été retrouvée",
        (
            "La jauge de mesure d'humidité et de densité volée la semaine dernière sur un "
            "chantier de Blagnac, près de Toulouse, a été retrouvée intacte dans un fossé.",
            "L'appareil de la société fictive Occitanie Géotechnique contient une source de "
            "césium 137 de 0,3 GBq et une source d'américium 241/béryllium de 1,5 GBq.",
            "Les gendarmes ont vérifié que les sources étaient toujours dans leur logement. "
            "Personne n'a été exposé, selon l'Autorité de sûreté nucléaire.",
        ),
    ),
)
