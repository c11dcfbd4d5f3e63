"""Held-out gold documents: 28 texts the extraction rules were never tuned on.

11 relevant RN incidents and 17 confusable irrelevant reports, in English (14), French (5),
Spanish (5) and Arabic (4). Written and annotated following GUIDELINES.md without looking at
the extraction rules or their output. People, companies, agencies and facilities are fictional
and do not occur in `gold.jsonl`; countries, cities and isotope facts are real.
"""

from __future__ import annotations

from nlp.evaluation.gold_docs_base import GoldSource, irrelevant

ENGLISH: tuple[GoldSource, ...] = (
    GoldSource(
        id="heldout-en-001",
        relevant=True,
        incident_type="theft",
        intent_group="undetermined",
        countries=("ZA",),
        incident_date="2025-03",
        text="""
            [[Johannesburg|GPE|ZA]], [[18 March 2025|DATE|2025-03-18]] – Police in
            [[Gauteng|GPE|ZA]] are searching for a pickup truck stolen from a guesthouse car park
            in [[Germiston|GPE|ZA]] with an industrial
            [[radiography camera|MATERIAL|radiography camera]] locked in its load bin. The
            radiography camera holds an [[iridium-192|MATERIAL|Ir-192|{"activity_bq": 1.11e12,
            "device": "radiography camera"}]] source of about 30 curies, according to its owner,
            [[Karoo Weld Inspection|ORG]].

            The company's radiation safety officer, [[Thandiwe Mokoena|PERSON]], said the two
            technicians had parked the vehicle on [[Monday|DATE]] evening after a pipeline job
            and found it gone an hour later. "We believe the thieves wanted the truck, not what
            was in the back," she said.

            The [[Directorate for Radiation Control|ORG]] warned that anyone who opens the
            yellow container could suffer severe burns within minutes, and asked scrap dealers
            to report any device marked with the trefoil symbol. A case of theft has been opened
            at [[Primrose Police Station|FAC]].
        """,
    ),
    GoldSource(
        id="heldout-en-002",
        relevant=True,
        incident_type="orphan_source_found",
        intent_group="not_connected",
        countries=("US",),
        incident_date="2024-10-02",
        text="""
            [[Youngstown|GPE|US]], [[Ohio|GPE|US]] – A radiation portal monitor at the
            [[Mahoning Valley Steel Works|FAC]] alarmed on [[2 October 2024|DATE|2024-10-02]] as
            a railcar of shredded scrap rolled through the gate. Staff isolated a small steel
            capsule that turned out to contain [[cobalt 60|MATERIAL|Co-60|{"activity_bq":
            2.6e9}]] with an estimated activity of 2.6 GBq.

            Plant manager [[Derek Haslam|PERSON]] said the railcar had been loaded at a broker's
            yard in [[Gary|GPE|US]], [[Indiana|GPE|US]], the [[previous week|DATE]].
            Investigators believe the capsule came from a
            [[level gauge|MATERIAL|level gauge]] that was dismantled without anyone removing its
            source.

            A contractor, [[Buckeye Radiological Services|ORG]], packed the capsule into a
            shielded drum the same afternoon. [[Haslam|PERSON]] said no worker received a
            measurable dose and that the rest of the railcar was sent back to [[Indiana|GPE|US]]
            after a second survey.
        """,
    ),
    GoldSource(
        id="heldout-en-003",
        relevant=True,
        incident_type="trafficking_or_smuggling",
        intent_group="likely_trafficking_or_malicious",
        countries=("AM",),
        incident_date="2024-11",
        text="""
            [[Yerevan|GPE|AM]] – Two men were detained in a hotel room in the centre of
            [[Yerevan|GPE|AM]] on [[Tuesday|DATE]] as they tried to sell what they called
            [[weapons-grade uranium|MATERIAL|HEU]] to an undercover officer, the
            [[State Border Security Directorate|ORG]] said on
            [[7 November 2024|DATE|2024-11-07]].

            The suspects, [[Ruslan Bekov|PERSON]], 52, and [[Levon Ter-Grigoryan|PERSON]], 38,
            carried a lead container holding 48 grams of
            [[highly enriched uranium|MATERIAL|HEU|{"quantity_g": 48}]] wrapped in foil.
            Analysts at the [[National Nuclear Forensics Centre|ORG]] later confirmed that the
            metal was [[uranium|MATERIAL|HEU|{"enrichment_pct": 87}]] enriched to about 87 per
            cent.

            According to the directorate, the men asked for 1.5 million dollars and said they
            could deliver a larger quantity [[next month|DATE]]. Investigators are trying to
            establish where the material came from. [[Bekov|PERSON]] had been convicted of
            smuggling cigarettes in [[2016|DATE|2016]].
        """,
    ),
    GoldSource(
        id="heldout-en-004",
        relevant=True,
        incident_type="scam_or_fraud",
        intent_group="likely_trafficking_or_malicious",
        countries=("GH",),
        incident_date="2025-06-12",
        text="""
            [[Kumasi|GPE|GH]], [[Ghana|GPE|GH]] – Detectives from the
            [[Ashanti Regional Fraud Unit|ORG]] have arrested three men who allegedly sold a
            Togolese trader a sealed flask said to contain two kilograms of
            “[[osmium|MATERIAL|osmium|{"quantity_g": 2000}]]” for 90,000 US dollars. The men
            claimed the metal was used in nuclear reactors and could be resold in
            [[Dubai|GPE|AE]] for ten times the price.

            The victim, [[Kodjo Amegashie|PERSON]], handed over the money on
            [[12 June 2025|DATE|2025-06-12]] at a filling station on the road to
            [[Accra|GPE|GH]]. Tests at the [[Asante Materials Testing Laboratory|ORG]] showed
            that the flask held lead shot in machine oil.

            Police spokeswoman [[Abena Owusu-Darko|PERSON]] said the same group had earlier
            offered “[[red mercury|MATERIAL|red mercury]]” to at least two buyers in
            [[Tamale|GPE|GH]]. "Nobody sells nuclear material at a petrol station," she said.
        """,
    ),
    GoldSource(
        id="heldout-en-005",
        relevant=True,
        incident_type="loss",
        intent_group="not_connected",
        countries=("AU",),
        incident_date="2025-04-04",
        text="""
            [[Brisbane|GPE|AU]] – The [[Queensland Radiation Safety Office|ORG]] has asked the
            public to look out for a portable [[nuclear gauge|MATERIAL|moisture/density gauge]]
            that fell from the back of a contractor's utility vehicle between
            [[Caboolture|GPE|AU]] and [[Nambour|GPE|AU]] on
            [[Friday 4 April 2025|DATE|2025-04-04]].

            The moisture-density gauge contains a 300 MBq
            [[caesium-137|MATERIAL|Cs-137|{"activity_bq": 3e8, "device":
            "moisture/density gauge"}]] source and a 1.5 GBq
            [[americium-beryllium|MATERIAL|Am-241/Be|{"activity_bq": 1.5e9, "device":
            "moisture/density gauge"}]] source, both sealed inside a locked yellow case.

            Its owner, [[Sunbelt Geotechnical|ORG]], said the tailgate latch had failed on a
            rough stretch of road. Operations manager [[Callum Fairweather|PERSON]] said crews
            had driven the route twice without finding it. The office
            said the sources pose little risk while the case stays closed, but asked anyone who
            finds it not to open it and to call triple zero.
        """,
    ),
)

ENGLISH_IRRELEVANT: tuple[GoldSource, ...] = (
    irrelevant(
        "heldout-en-006",
        """
        [[Ottawa|GPE|CA]] – Hospitals across [[Canada|GPE|CA]] will postpone some bone and heart
        scans [[next week|DATE]] because of a shortfall in [[molybdenum-99|MATERIAL|Mo-99]], the
        parent isotope of [[technetium-99m|MATERIAL|Tc-99m]]. The shortage follows an unplanned
        maintenance stop at the [[Noordzee Isotope Reactor|FAC]] in the
        [[Netherlands|GPE|NL]], while a second supplier in [[South Africa|GPE|ZA]] is already
        running at full capacity.

        [[Marguerite Lalonde|PERSON]], who chairs the
        [[Canadian Society of Imaging Technologists|ORG]], said departments had received about
        half their usual number of [[Tc-99m|MATERIAL|Tc-99m]] generators. Clinics have been told
        to prioritise cancer staging and to move some patients to PET scans with
        [[fluorine-18|MATERIAL|F-18]].

        Deliveries of [[Mo-99|MATERIAL|Mo-99]] should return to normal [[next month|DATE]],
        when the reactor restarts after repairs to a cooling pump.
        """,
    ),
    irrelevant(
        "heldout-en-007",
        """
        [[Windhoek|GPE|NA]] – Shares in [[Kalahari Uranium Holdings|ORG]] rose 6 % on
        [[Wednesday|DATE]] after the miner signed a ten-year contract to supply
        [[U3O8|MATERIAL|uranium ore concentrate]] to an electricity utility in
        [[South Korea|GPE|KR]]. Spot [[uranium|MATERIAL|uranium]] traded at 71 dollars a pound,
        down from a peak of more than 100 dollars in [[January 2024|DATE|2024-01]].

        Chief executive [[Johannes Haufiku|PERSON]] said the [[Omaruru Flats Mine|FAC]] shipped
        250 tonnes of [[uranium oxide concentrate|MATERIAL|uranium ore concentrate|{
        "quantity_g": 2.5e8}]] [[last year|DATE]] and would reach full output in
        [[2026|DATE|2026]].

        [[Freya Lindqvist|PERSON]], an analyst at [[Northbridge Commodities|ORG]] in
        [[London|GPE|GB]], said utilities were signing long contracts again because supply from
        [[Kazakhstan|GPE|KZ]] had become harder to predict. She expects prices to stay volatile
        until new mines open in [[Saskatchewan|GPE|CA]] and [[Namibia|GPE|NA]].
        """,
    ),
    irrelevant(
        "heldout-en-008",
        """
        [[Gävle|GPE|SE]] – Unit 2 of the [[Kvarnudden Nuclear Power Plant|FAC]] on the
        [[Baltic|LOC]] coast was taken offline on [[15 January 2025|DATE|2025-01-15]] after a
        fault in a turbine generator, its operator [[Norrlandskraft|ORG]] said. The reactor
        itself was not affected and no radioactive material was released.

        Spokeswoman [[Ingrid Sandberg|PERSON]] said the company would bring forward the annual
        refuelling outage planned for [[May|DATE]], so the unit should stay offline until the
        end of [[February|DATE]]. During the stop, 64 new fuel assemblies of
        [[uranium|MATERIAL|LEU|{"enrichment_pct": 4.1}]] enriched to 4.1 % will be loaded and
        the turbine will be repaired.

        The unit supplies about 7 % of [[Sweden|GPE|SE]]'s electricity. Grid operators said
        imports from [[Finland|GPE|FI]] and [[Norway|GPE|NO]] would cover the gap, although
        prices in the south of the country rose sharply on [[Thursday|DATE]].
        """,
    ),
    irrelevant(
        "heldout-en-009",
        """
        [[Kampala|GPE|UG]] – Twenty-four customs officers and police from
        [[Uganda|GPE|UG]], [[Rwanda|GPE|RW]] and [[Tanzania|GPE|TZ]] completed a two-week
        radiation-protection course at the [[Entebbe Radiation Training Centre|FAC]] on
        [[Friday|DATE]].

        In the final exercise, instructors hid a sealed
        [[caesium-137|MATERIAL|Cs-137|{"activity_bq": 3.7e6}]] check source of 100 microcuries
        in a lorry loaded with scrap, and the trainees had to find it with handheld detectors,
        cordon off the area and call a fictitious national response team. Trainees also learned
        how an industrial [[radiography camera|MATERIAL|radiography camera]] is secured during
        transport.

        "The scenario is invented, but the border posts are real," said course director
        Dr [[Grace Nakato|PERSON]] of the [[East African Radiation Protection Network|ORG]].
        The network plans to run the same course in [[Dodoma|GPE|TZ]] in
        [[October 2025|DATE|2025-10]].
        """,
    ),
    irrelevant(
        "heldout-en-010",
        """
        [[Warsaw|GPE|PL]] – A new exhibition at the [[Vistula Science Museum|FAC]] retraces
        the life of [[Marie Skłodowska-Curie|PERSON]], from her childhood in
        [[Warsaw|GPE|PL]] to the discovery of [[polonium|MATERIAL|Po-210]] and
        [[radium|MATERIAL|Ra-226]] in [[1898|DATE|1898]] and her Nobel prizes of
        [[1903|DATE|1903]] and [[1911|DATE|1911]].

        Visitors can see a replica of her laboratory and a glass vial of the kind in which
        [[radium|MATERIAL|Ra-226]] salts were once sold as a health tonic. The original
        notebooks, still contaminated, remain in [[Paris|GPE|FR]] and are kept in lead-lined
        boxes.

        Curator [[Zofia Wierzbicka|PERSON]] said the show also tells the story of the women
        who painted luminous watch dials in the [[1920s|DATE]]. The exhibition, organised with
        the [[Montparnasse Science Foundation|ORG]], runs until
        [[September 2026|DATE|2026-09]].
        """,
    ),
    irrelevant(
        "heldout-en-011",
        """
        Review: The Salt Road, by [[Imogen Thackeray|PERSON]] ([[Harbour & Finch|ORG]],
        384 pages)

        [[Thackeray|PERSON]]'s third thriller follows a disgraced customs officer,
        [[Nadia Varga|PERSON]], who discovers that a trawler leaving [[Odesa|GPE|UA]] is
        carrying four kilograms of [[highly enriched uranium|MATERIAL|HEU|{"quantity_g":
        4000}]] stolen from a decommissioned research reactor. The chase runs across the
        [[Black Sea|LOC]] to a bonded warehouse in [[Rotterdam|GPE|NL]], with a detour through
        the casinos of [[Batumi|GPE|GE]].

        [[Thackeray|PERSON]], a former shipping journalist, is better on the sea than on the
        science: at one point a villain threatens to melt a lump of
        [[plutonium|MATERIAL|plutonium]] in a kitchen oven. [[Varga|PERSON]] herself is the
        best thing in the book, stubborn and funny.

        The novel is out [[this month|DATE]]; a television adaptation is planned for
        [[2027|DATE|2027]].
        """,
    ),
    irrelevant(
        "heldout-en-012",
        """
        [[Addis Ababa|GPE|ET]] – Researchers at the [[Awash Institute for Soil and Water|ORG]]
        have used [[caesium-137|MATERIAL|Cs-137]] left over from atmospheric weapons tests of
        the [[1960s|DATE]] to measure how fast farmland is eroding in the
        [[Ethiopian Highlands|LOC]].

        Undisturbed grassland near [[Debre Markos|GPE|ET]] still holds about 1,800 becquerels
        of [[Cs-137|MATERIAL|Cs-137]] per square metre, while ploughed slopes have lost up to
        60 % of it. Soil samples from cultivated fields averaged 4 Bq/kg, against 11 Bq/kg
        under grass.

        Lead author [[Meseret Alemu|PERSON]] said the fallout isotope works as a tracer
        because it binds tightly to clay. The team, which published its results in
        [[March 2025|DATE|2025-03]], estimates that the steepest fields lose about 40 tonnes of
        soil per hectare each year. The regional agriculture bureau in [[Bahir Dar|GPE|ET]]
        wants to use the maps to target terracing programmes along the [[Blue Nile|LOC]].
        """,
    ),
    irrelevant(
        "heldout-en-013",
        """
        [[Pune|GPE|IN]] – The [[Sahyadri Cancer Hospital|FAC]] has opened a ward for
        [[lutetium-177|MATERIAL|Lu-177]] therapy, which treats advanced prostate cancer by
        delivering radiation directly to tumour cells. Each patient receives about 7.4 GBq of
        [[Lu-177|MATERIAL|Lu-177|{"activity_bq": 7.4e9}]] per cycle, usually over four to six
        cycles.

        Head of nuclear medicine [[Vaishali Kulkarni-Pethe|PERSON]] said the hospital had treated
        thyroid patients with [[radioactive iodine|MATERIAL|I-131]] since [[2009|DATE|2009]]
        but had until now sent prostate patients to [[Mumbai|GPE|IN]] or [[Chennai|GPE|IN]].

        The isotope is supplied by [[Bharat Radiopharma|ORG]], which began producing it
        [[last year|DATE]]. Patients stay in shielded rooms for a night after each infusion,
        and their waste is held in decay tanks before it is released.
        """,
    ),
    irrelevant(
        "heldout-en-014",
        """
        [[Kuala Lumpur|GPE|MY]] – The [[Federal Atomic Licensing Board|ORG]] has renewed for
        five years the operating licence of a gamma [[irradiator|MATERIAL|irradiator]] run by
        [[Sterigama Asia|ORG]] in [[Seri Kembangan|GPE|MY]], [[Selangor|GPE|MY]], which
        sterilises surgical gloves, syringes and spices.

        The plant currently holds
        [[cobalt-60|MATERIAL|Co-60|{"activity_bq": 5.55e16}]] sources with a total activity of
        1.5 million curies and will add fresh sources during a reload in [[November|DATE]].
        The renewal followed an inspection in [[August 2025|DATE|2025-08]] that found no
        breaches.

        Board inspector [[Nurul Huda Ismail|PERSON]] said operators must keep two guards on
        site at all times and report any alarm within an hour. The company plans a second line
        in [[Johor|GPE|MY]] in [[2027|DATE|2027]].
        """,
    ),
)

FRENCH: tuple[GoldSource, ...] = (
    GoldSource(
        id="heldout-fr-001",
        relevant=True,
        incident_type="theft",
        intent_group="undetermined",
        countries=("CA",),
        incident_date="2024-07",
        text="""
            [[Montréal|GPE|CA]], le [[9 juillet 2024|DATE|2024-07-09]] – Un
            [[gammadensimètre|MATERIAL|moisture/density gauge]] portatif a été volé dans la nuit
            de [[dimanche|DATE]] à [[lundi|DATE]] sur un chantier routier de
            [[Terrebonne|GPE|CA]], au nord de [[Montréal|GPE|CA]], a annoncé la
            [[Sûreté municipale des Moulins|ORG]].

            L'appareil, qui appartient à la firme [[Géotests Laurentides|ORG]], contient une
            source de [[césium 137|MATERIAL|Cs-137|{"activity_bq": 3.33e8}]] de 9 mCi et une
            source d'[[américium-béryllium|MATERIAL|Am-241/Be|{"activity_bq": 1.628e9}]] de
            44 mCi. Il était enchaîné à l'intérieur d'une remorque dont le cadenas a été
            sectionné.

            Le contremaître [[Mathieu Lapointe-Gagnon|PERSON]] a constaté la disparition à
            l'aube. L'[[Office québécois de radioprotection|ORG]] rappelle que les sources ne
            présentent pas de danger tant que le boîtier reste fermé, mais demande à quiconque
            trouverait l'appareil de ne pas le manipuler et de composer le 911.
        """,
    ),
    GoldSource(
        id="heldout-fr-002",
        relevant=True,
        incident_type="trafficking_or_smuggling",
        intent_group="likely_trafficking_or_malicious",
        countries=("NE",),
        incident_date="2025-02-14",
        text="""
            [[Niamey|GPE|NE]] – La [[Brigade mobile des douanes d'Agadez|ORG]] a intercepté le
            [[14 février 2025|DATE|2025-02-14]], près d'[[Arlit|GPE|NE]], un pick-up
            transportant 2,5 kg de [[concentré d'uranium|MATERIAL|uranium ore concentrate|{
            "quantity_g": 2500}]] dissimulés dans des sacs de mil.

            Les deux occupants, [[Issoufou Madaouki|PERSON]] et
            [[Abdoulaye Garba Mounkaïla|PERSON]], ont déclaré qu'un acheteur les attendait à
            [[Tamanrasset|GPE|DZ]], en [[Algérie|GPE|DZ]], pour un prix de 30 millions de
            francs CFA. Selon une source sécuritaire, la poudre jaune, du
            [[yellowcake|MATERIAL|uranium ore concentrate]], proviendrait d'un ancien site minier
            de la région.

            Le [[parquet de Niamey|ORG]] a ouvert une enquête pour trafic de matières nucléaires.
            Les sacs ont été confiés au [[Laboratoire national de radioanalyse|ORG]] pour
            analyse, et les deux hommes ont été placés sous mandat de dépôt
            [[mercredi|DATE]].
        """,
    ),
)

FRENCH_IRRELEVANT: tuple[GoldSource, ...] = (
    irrelevant(
        "heldout-fr-003",
        """
        [[Bordeaux|GPE|FR]] – La société [[Aquitaine Radiotraceurs|ORG]] a mis en service
        [[mardi|DATE]] un cyclotron installé à [[Pessac|GPE|FR]], qui produira chaque matin du
        [[fluor 18|MATERIAL|F-18]] pour les examens TEP des hôpitaux de la région.

        Jusqu'ici, les doses de [[F-18|MATERIAL|F-18]] arrivaient de [[Toulouse|GPE|FR]] par
        la route, et une partie de l'activité était perdue pendant le trajet, la demi-vie de
        l'isotope n'étant que de 110 minutes. « Nous pourrons désormais programmer deux fois
        plus d'examens », se réjouit la directrice, [[Solène Marchetti-Roux|PERSON]].

        Le site, autorisé en [[janvier 2025|DATE|2025-01]], emploie quatorze personnes. La
        société envisage de produire aussi, à partir de [[2027|DATE|2027]], des générateurs
        de [[technétium 99m|MATERIAL|Tc-99m]] pour les services de scintigraphie.
        """,
    ),
    irrelevant(
        "heldout-fr-004",
        """
        [[Agadez|GPE|NE]] – La compagnie minière [[Sahel Énergie Minérale|ORG]] a annoncé
        [[hier|DATE]] la reprise de la production à la [[mine de Tiguidit-Est|FAC]], à l'arrêt
        depuis deux ans. L'usine devrait produire 1 800 tonnes
        d'[[uranium|MATERIAL|uranium|{"quantity_g": 1.8e9}]] par an d'ici
        [[2027|DATE|2027]], sous forme de [[yellowcake|MATERIAL|uranium ore concentrate]].

        Le directeur général, [[Hamadou Illiassou|PERSON]], a précisé que la hausse du cours
        de l'[[uranium|MATERIAL|uranium]] depuis [[2023|DATE|2023]] rendait le gisement de
        nouveau rentable. La production sera expédiée par camion jusqu'au
        [[port de Lomé|FAC]], puis vendue à des électriciens en [[France|GPE|FR]] et en
        [[Chine|GPE|CN]].

        Les organisations locales réclament toutefois un suivi indépendant des eaux
        souterraines, dont dépendent les éleveurs de la région.
        """,
    ),
    irrelevant(
        "heldout-fr-005",
        """
        [[Marseille|GPE|FR]] – Près de deux cents pompiers, policiers et douaniers ont
        participé [[jeudi 20 mars 2025|DATE|2025-03-20]] à un exercice au
        [[terminal roulier de l'Estaque|FAC]], simulant la découverte d'une source de
        [[cobalt 60|MATERIAL|Co-60]] dans un conteneur de ferraille en provenance de
        [[Tunisie|GPE|TN]].

        Le scénario, préparé par la [[préfecture des Bouches-du-Rhône|ORG]], prévoyait
        l'évacuation d'une partie du terminal, la pose d'un périmètre de sécurité et
        l'intervention d'une équipe spécialisée venue de [[Lyon|GPE|FR]]. Aucune matière
        radioactive n'a été utilisée : les détecteurs étaient reliés à un simulateur.

        « L'objectif est de vérifier que chacun sait qui appelle qui », a expliqué le
        commandant [[Yannick Le Bihan|PERSON]], qui a dirigé l'exercice. Un retour
        d'expérience sera présenté aux services de l'État en [[mai|DATE]].
        """,
    ),
)

SPANISH: tuple[GoldSource, ...] = (
    GoldSource(
        id="heldout-es-001",
        relevant=True,
        incident_type="unauthorized_possession",
        intent_group="undetermined",
        countries=("BO",),
        incident_date="2024-09",
        text="""
            [[Santa Cruz de la Sierra|GPE|BO]], [[3 de septiembre de 2024|DATE|2024-09-03]] –
            La [[Unidad de Delitos Especiales de Santa Cruz|ORG]] halló el [[lunes|DATE]], en la
            vivienda de un comerciante de [[Montero|GPE|BO]], un frasco de vidrio con tres kilos
            de [[uranio natural|MATERIAL|natural uranium|{"quantity_g": 3000}]] en polvo,
            guardado sin ningún permiso.

            El detenido, [[Wilfredo Quispe Arandia|PERSON]], declaró que lo había heredado de
            su padre, un antiguo minero de [[Potosí|GPE|BO]], y que desconocía que fuera
            peligroso. La policía investiga si pensaba venderlo, ya que en su teléfono se
            encontraron fotografías del frasco enviadas a varios contactos.

            Los análisis del [[Laboratorio Andino de Radiometría|ORG]] confirmaron la naturaleza
            del material. El fiscal [[Marcelo Antezana Ribera|PERSON]] pidió su detención
            preventiva por tenencia ilegal de material radiactivo.
        """,
    ),
    GoldSource(
        id="heldout-es-002",
        relevant=True,
        incident_type="orphan_source_found",
        intent_group="not_connected",
        countries=("CL",),
        incident_date="2025-01-10",
        text="""
            [[Antofagasta|GPE|CL]], [[14 de enero de 2025|DATE|2025-01-14]] – Trabajadores de la
            chatarrería [[Metales del Norte Grande|ORG]] detectaron el
            [[viernes 10 de enero|DATE]] una fuente de
            [[Cs137|MATERIAL|Cs-137|{"activity_bq": 1.85e9, "device": "level gauge"}]] de 50
            milicuríes dentro de un medidor de nivel industrial llegado en un lote de chatarra.

            El gerente, [[Rodrigo Henríquez Salas|PERSON]], explicó que el portal de detección
            instalado en [[2022|DATE|2022]] dio la alarma y que el camión fue aislado de
            inmediato. La pieza procedía de una antigua planta pesquera de
            [[Mejillones|GPE|CL]].

            Técnicos de la [[Agencia Regional de Seguridad Radiológica|ORG]] retiraron la fuente
            al [[día siguiente|DATE]] y la trasladaron a un depósito en [[Santiago|GPE|CL]]. Ningún
            trabajador recibió una dosis significativa, según el organismo.
        """,
    ),
)

SPANISH_IRRELEVANT: tuple[GoldSource, ...] = (
    irrelevant(
        "heldout-es-003",
        """
        [[Lima|GPE|PE]] – El [[Hospital Nacional del Rímac|FAC]] inauguró [[ayer|DATE]] dos
        habitaciones blindadas para pacientes que reciben
        [[yodo radiactivo|MATERIAL|I-131]] contra el cáncer de tiroides. Hasta ahora, la lista
        de espera superaba los cuatro meses.

        Cada paciente recibe dosis de hasta 150 milicuríes de
        [[yodo-131|MATERIAL|I-131|{"activity_bq": 5.55e9}]] y debe permanecer aislado dos o
        tres días. La jefa de medicina nuclear, [[Carmen Rosa Villanueva|PERSON]], explicó que
        las nuevas salas permitirán tratar a unos 300 pacientes al año.

        El radiofármaco lo suministra [[Isótopos del Pacífico|ORG]], que lo importa desde
        [[Argentina|GPE|AR]] desde [[2019|DATE|2019]]. El hospital prevé incorporar
        el [[próximo año|DATE]] un equipo de tomografía por emisión de positrones.
        """,
    ),
    irrelevant(
        "heldout-es-004",
        """
        [[Cáceres|GPE|ES]] – La [[central nuclear de Valdehúncar|FAC]] se desconectó de la red
        el [[domingo|DATE]] para iniciar su trigésima primera parada de recarga, que se
        prolongará unos 35 días. Durante la parada se sustituirán 60 de sus 157 elementos
        combustibles por otros nuevos de
        [[uranio|MATERIAL|LEU|{"enrichment_pct": 4.5}]] enriquecido al 4,5 %.

        La operadora, [[Nucleares del Alagón|ORG]], contratará a unos 1.200 trabajadores
        externos, en su mayoría de la comarca del [[Alagón|LOC]]. Su portavoz,
        [[Begoña Arrieta Zubiri|PERSON]], recordó que la planta aporta cerca del 7 % de la
        electricidad de [[España|GPE|ES]].

        Además del cambio de combustible, se revisará una de las bombas de refrigeración y se
        inspeccionarán los tubos del generador de vapor, tal como exige el regulador desde
        [[abril de 2025|DATE|2025-04]]. La central volverá a verter energía a la red a
        mediados de [[marzo|DATE]].
        """,
    ),
    irrelevant(
        "heldout-es-005",
        """
        [[Medellín|GPE|CO]] – Treinta técnicos de laboratorios de suelos completaron
        [[esta semana|DATE]] el curso de protección radiológica que exige la
        [[Oficina Nacional de Licencias Radiológicas|ORG]] para operar
        [[densímetros nucleares|MATERIAL|moisture/density gauge]] en obras viales.

        Los equipos contienen pequeñas fuentes de [[cesio-137|MATERIAL|Cs-137]] y de
        [[americio-241/berilio|MATERIAL|Am-241/Be]], que permiten medir la densidad y la
        humedad del terreno. El instructor [[Hernán Ocampo Restrepo|PERSON]], del
        [[Instituto Antioqueño de Radioprotección|ORG]], insistió en que nunca deben quedar
        sin vigilancia en una camioneta ni guardarse en casa.

        Los participantes practicaron con dosímetros y aprendieron a rellenar el registro de
        transporte. El instituto ofrecerá un segundo curso en [[Cali|GPE|CO]] en
        [[noviembre|DATE]].
        """,
    ),
)

ARABIC: tuple[GoldSource, ...] = (
    GoldSource(
        id="heldout-ar-001",
        relevant=True,
        incident_type="theft",
        intent_group="undetermined",
        countries=("DZ",),
        incident_date="2025-05",
        text="""
            [[الجزائر|GPE|DZ]] – أعلنت [[الوكالة الوطنية للأمان الإشعاعي|ORG]] سرقة حاوية تضم
            مصدرا نيوترونيا من [[أمريسيوم-بيريليوم|MATERIAL|Am-241/Be|{"activity_bq": 7.4e11,
            "device": "well-logging source"}]] بنشاط 20 كوري يُستخدم في سبر الآبار، من شاحنة
            تابعة لشركة [[الواحات لخدمات الآبار|ORG]] في [[حاسي مسعود|GPE|DZ]] ليلة
            [[22 إلى 23 مايو 2025|DATE|2025-05]].

            وقال المتحدث باسم الوكالة [[نور الدين بلقاسمي|PERSON]] إن اللصوص كسروا قفل
            المستودع المتنقل وأخذوا الحاوية مع معدات أخرى، مرجحا أنهم لم يعرفوا طبيعتها.

            ودعت الوكالة سكان ولاية [[ورقلة|GPE|DZ]] إلى عدم الاقتراب من أي حاوية معدنية تحمل
            شارة الإشعاع، وإبلاغ مصالح الأمن فورا، مؤكدة أن التعرض للمصدر عن قرب لفترة طويلة
            قد يسبب أضرارا صحية خطيرة.
        """,
    ),
    GoldSource(
        id="heldout-ar-002",
        relevant=True,
        incident_type="trafficking_or_smuggling",
        intent_group="likely_trafficking_or_malicious",
        countries=("KW",),
        incident_date="2024-11",
        text="""
            [[الكويت|GPE|KW]]، [[٥ نوفمبر ٢٠٢٤|DATE|2024-11-05]] – ألقت
            [[إدارة التحريات الخاصة|ORG]] القبض على مقيم عرض عبر أحد تطبيقات التواصل
            الاجتماعي بيع كيلوغرامين من [[اليورانيوم الطبيعي|MATERIAL|natural uranium|{
            "quantity_g": 2000}]] مقابل ٥٠٠ ألف دينار.

            وتظاهر أحد رجال التحريات بأنه مشترٍ، واتفق معه على التسليم في منطقة
            [[الجهراء|GPE|KW]] [[الأحد الماضي|DATE]]، حيث ضُبط المتهم ومعه علبة معدنية
            ملفوفة بشريط لاصق.

            وأكد فحص أجراه [[المختبر المركزي للقياسات الإشعاعية|ORG]] أن العلبة تحتوي على
            [[يورانيوم طبيعي|MATERIAL|natural uranium]] على شكل مسحوق. وقال المتهم
            [[سليم داود الحربي|PERSON]] إنه اشترى المادة من شخص لا يعرف اسمه، فيما أحيلت
            القضية إلى [[نيابة أمن الدولة|ORG]].
        """,
    ),
)

ARABIC_IRRELEVANT: tuple[GoldSource, ...] = (
    irrelevant(
        "heldout-ar-003",
        """
        [[جدة|GPE|SA]] – افتتح [[مستشفى الساحل التخصصي|FAC]] قسما جديدا للطب النووي يضم
        كاميرتين للتصوير الومضاني، ويعتمد على مولدات [[التكنيشيوم-99م|MATERIAL|Tc-99m]] في
        فحوص العظام والقلب والغدة الدرقية.

        وقال رئيس القسم الدكتور [[ماجد الزهراني|PERSON]] إن المستشفى يتسلم شحنة أسبوعية من
        مولدات [[الموليبدينوم-99|MATERIAL|Mo-99]] من [[جنوب أفريقيا|GPE|ZA]]، وإن القسم
        سيبدأ [[العام المقبل|DATE]] علاج مرضى الغدة الدرقية بـ[[اليود المشع|MATERIAL|I-131]].

        وأضاف أن القسم يستقبل نحو ٤٠ مريضا يوميا، وأن الانتظار لإجراء الفحص تراجع من ستة
        أسابيع إلى أسبوع واحد منذ بدء تشغيله التجريبي في [[أبريل ٢٠٢٥|DATE|2025-04]].
        """,
    ),
    irrelevant(
        "heldout-ar-004",
        """
        [[عمّان|GPE|JO]] – وقّعت شركة [[البادية لاستكشاف المعادن|ORG]] [[أمس|DATE]] اتفاقية مع
        شركة [[ماونت ليك ريسورسز|ORG]] الكندية لاستكشاف [[اليورانيوم|MATERIAL|uranium]] في
        منطقة تقع جنوب شرق [[معان|GPE|JO]].

        وتقدّر الشركة الاحتياطي المحتمل بنحو ٤٠ ألف طن من
        [[أكسيد اليورانيوم|MATERIAL|uranium ore concentrate|{"quantity_g": 4e10}]]، على أن تبدأ
        أعمال الحفر التجريبي في [[2026|DATE|2026]].

        وقال المدير التنفيذي [[طارق المجالي|PERSON]] إن المشروع قد يوفر نحو ٣٠٠ فرصة عمل،
        وإن الخام سيُعالج محليا قبل تصديره إلى [[كندا|GPE|CA]] و[[اليابان|GPE|JP]]. وأشار إلى أن
        ارتفاع الأسعار العالمية [[العام الماضي|DATE]] شجع المستثمرين على العودة إلى القطاع.
        """,
    ),
)

DOCUMENTS: tuple[GoldSource, ...] = (
    *ENGLISH,
    *ENGLISH_IRRELEVANT,
    *FRENCH,
    *FRENCH_IRRELEVANT,
    *SPANISH,
    *SPANISH_IRRELEVANT,
    *ARABIC,
    *ARABIC_IRRELEVANT,
)
