"""English gold documents: 20 relevant RN incidents, 30 confusable irrelevant reports.

All people, companies and events are fictional; countries, cities and isotope facts are real.
"""

from __future__ import annotations

from nlp.evaluation.gold_docs_base import GoldSource, irrelevant

RELEVANT: tuple[GoldSource, ...] = (
    GoldSource(
        id="gold-en-001",
        relevant=True,
        incident_type="theft",
        intent_group="undetermined",
        countries=("US",),
        incident_date="2024-03-12",
        text="""
            [[HOUSTON|GPE|US]], [[March 14, 2024|DATE|2024-03-14]] — An industrial radiography
            camera holding a 43-curie [[iridium-192|MATERIAL|Ir-192|{"activity_bq": 1.591e12,
            "device": "radiography camera"}]] source was stolen from a pickup truck parked outside
            a motel in north [[Houston|GPE|US]] in the early hours of
            [[March 12|DATE]], the [[Texas Department of State Health Services|ORG]] said.

            The truck belonged to [[Gulfline Inspection Services|ORG]], a pipeline inspection
            contractor. Its technician, [[Dwayne Keller|PERSON]], told police he had chained the
            [[radiography camera|MATERIAL|radiography camera]] inside the truck bed shortly after
            midnight and found the chain cut at dawn.

            State officials warned that the [[Ir-192|MATERIAL|Ir-192]] source could cause serious
            burns within minutes if someone removed it from its shielded housing. They asked
            anyone who sees a yellow box about the size of a lunch pail, marked with the
            radiation trefoil, to keep away and call 911. The agency has notified the
            [[Nuclear Regulatory Commission|ORG]]. Investigators believe the thieves were after
            the truck and its welding equipment rather than the source.
        """,
    ),
    GoldSource(
        id="gold-en-002",
        relevant=True,
        incident_type="theft",
        intent_group="undetermined",
        countries=("GB",),
        incident_date="2023-10-02",
        text="""
            [[MANCHESTER|GPE|GB]] — [[Greater Manchester Police|ORG]] have appealed for help in
            tracing a portable [[moisture-density gauge|MATERIAL|moisture/density gauge]] stolen
            from a contractor's van in [[Salford|GPE|GB]] on the night of
            [[2 October 2023|DATE|2023-10-02]].

            The moisture-density gauge holds about 8 millicuries of
            [[caesium-137|MATERIAL|Cs-137|{"activity_bq": 2.96e8,
            "device": "moisture/density gauge"}]] and 40 millicuries of
            [[americium-241/beryllium|MATERIAL|Am-241/Be|{"activity_bq": 1.48e9,
            "device": "moisture/density gauge"}]], sealed inside a yellow carry case marked
            "Radioactive".

            Detective Inspector [[Claire Oduya|PERSON]] said the van, owned by
            [[Pennine Groundworks|ORG]], had been parked on a residential street overnight. "We
            believe the thieves wanted the power tools, not the gauge, and it may have been
            dumped," she said. The [[Environment Agency|ORG]] said the sources pose little risk
            while the case stays closed, but urged anyone who finds it not to open it and to dial
            999.
        """,
    ),
    GoldSource(
        id="gold-en-003",
        relevant=True,
        incident_type="loss",
        intent_group="not_connected",
        countries=("CA",),
        incident_date="2024-01-11",
        text="""
            [[CALGARY|GPE|CA]] — The [[Canadian Nuclear Safety Commission|ORG]] has reported
            the loss of a neutron source by [[Borealis Wireline Services|ORG]] during transport
            between a drilling site near [[Grande Prairie|GPE|CA]] and the company's depot in
            [[Edmonton|GPE|CA]] on [[11 January 2024|DATE|2024-01-11]].

            According to the event notice, a shielded container holding a 592 GBq (16 Ci)
            [[Am-241/Be|MATERIAL|Am-241/Be|{"activity_bq": 5.92e11,
            "device": "well-logging source"}]] well-logging source was missing when the truck
            reached the depot. The company believes the container's latch failed and that it fell
            from the tailgate somewhere in northern [[Alberta|GPE|CA]].

            Crews retraced the 460-kilometre route with radiation detectors over two days without
            finding it. The commission rated the event as involving a Category 3 source and said
            a person handling the unshielded capsule for an extended time could receive a
            harmful dose. [[Borealis|ORG]] has suspended road transport of
            [[well-logging sources|MATERIAL|well-logging source]] until its containers are
            inspected.
        """,
    ),
    GoldSource(
        id="gold-en-004",
        relevant=True,
        incident_type="orphan_source_found",
        intent_group="not_connected",
        countries=("IN",),
        incident_date="2024-06",
        text="""
            [[MUMBAI|GPE|IN]], [[June 5, 2024|DATE|2024-06-05]] — Radiation portal monitors at a
            steel re-rolling mill in [[Navi Mumbai|GPE|IN]] alarmed on a truckload of shredded
            scrap on [[Monday|DATE]], leading to the recovery of a small
            [[cobalt-60|MATERIAL|Co-60]] source, the [[Atomic Energy Regulatory Board|ORG]]
            said.

            The pencil-sized capsule of [[Co-60|MATERIAL|Co-60|{"activity_bq": 1.2e9,
            "device": "level gauge"}]], measured at about 1.2 GBq, is believed to have come from a
            discarded industrial level gauge. The scrap had been bought from
            [[Verma Metal Traders|ORG]], a dealer in [[Gujarat|GPE|IN]], which told inspectors it
            collects metal from closed factories.

            "The system did exactly what it was installed to do," said plant manager
            [[Rakesh Pillai|PERSON]]. Two workers who handled the bundle before the alarm were
            checked and received doses well below annual limits. The source has been placed in a
            lead pot and will be sent to a licensed waste facility.
        """,
    ),
    GoldSource(
        id="gold-en-005",
        relevant=True,
        incident_type="trafficking_or_smuggling",
        intent_group="likely_trafficking_or_malicious",
        countries=("GE", "TR"),
        incident_date="2023-11",
        text="""
            [[TBILISI|GPE|GE]], [[9 November 2023|DATE|2023-11-09]] — [[Georgia|GPE|GE]]'s
            [[State Security Service|ORG]] said it had arrested three men who tried to sell 110
            grams of [[highly enriched uranium|MATERIAL|HEU|{"quantity_g": 110}]] to an
            undercover officer for $3 million in a hotel in [[Batumi|GPE|GE]].

            Laboratory tests showed that the [[uranium|MATERIAL|HEU|{"enrichment_pct": 89}]] was
            enriched to about 89 percent in [[uranium-235|MATERIAL|U-235]], close to weapons grade,
            the service said in a statement. The [[HEU|MATERIAL|HEU]] was packed in a
            lead-lined thermos flask.

            According to investigators, the suspects had brought the flask across the
            [[Sarpi border crossing|FAC]] from [[Turkey|GPE|TR]] in [[May 2023|DATE|2023-05]] and
            spent months looking for a buyer. One of them, [[Giorgi Tsereteli|PERSON]], a former
            port worker, allegedly told the officer he could obtain more. Samples have been sent
            to the [[International Atomic Energy Agency|ORG]] for analysis of the material's
            origin. The men face up to ten years in prison.
        """,
    ),
    GoldSource(
        id="gold-en-006",
        relevant=True,
        incident_type="scam_or_fraud",
        intent_group="likely_trafficking_or_malicious",
        countries=("ZA",),
        incident_date="2024-08-28",
        text="""
            [[JOHANNESBURG|GPE|ZA]] — Police in [[Gauteng|GPE|ZA]] arrested four men on
            [[28 August 2024|DATE|2024-08-28]] after they allegedly tried to sell two kilograms
            of "[[red mercury|MATERIAL|red mercury|{"quantity_g": 2000}]]" to a businessman for
            R45 million at a guesthouse in [[Sandton|GPE|ZA]].

            The [[South African Police Service|ORG]] said the buyer, a property developer, had
            become suspicious and tipped off detectives. The sealed steel flasks, painted with
            radiation symbols, held an ordinary reddish liquid, and a survey by the
            [[National Nuclear Regulator|ORG]] found no radioactivity.

            "[[Red mercury|MATERIAL|red mercury]] is a myth that fraudsters have been selling for
            decades," said Colonel [[Nomvula Dlamini|PERSON]]. "They claim it is used to make
            nuclear bombs and ask for a deposit before any test." The suspects, aged between 34
            and 58, appeared in the [[Randburg Magistrate's Court|FAC]] on [[Friday|DATE]] on
            charges of fraud.
        """,
    ),
    GoldSource(
        id="gold-en-007",
        relevant=True,
        incident_type="scam_or_fraud",
        intent_group="likely_trafficking_or_malicious",
        countries=("LT",),
        incident_date="2022-02",
        text="""
            [[VILNIUS|GPE|LT]], [[February 2022|DATE|2022-02]] — The
            [[Lithuanian Criminal Police Bureau|ORG]] has seized a 1.4-kilogram cylinder sold as
            [[osmium|MATERIAL|osmium|{"quantity_g": 1400}]] and arrested two men from
            [[Kaunas|GPE|LT]] who were asking 3.2 million euros for it.

            The sellers showed buyers forged certificates from a laboratory in
            [[Switzerland|GPE|CH]] claiming the metal was a rare radioactive isotope of strategic
            value. Tests at the [[Radiation Protection Centre|ORG]] found no radioactivity and
            showed that the cylinder was plated steel.

            Police said the scheme followed a pattern seen across [[Eastern Europe|LOC]] in which
            "[[osmium|MATERIAL|osmium]]" or "[[red mercury|MATERIAL|red mercury]]" is offered in
            sealed containers that buyers are told never to open. A third suspect,
            [[Tomas Vaitkus|PERSON]], is being sought.
        """,
    ),
    GoldSource(
        id="gold-en-008",
        relevant=True,
        incident_type="unauthorized_possession",
        intent_group="undetermined",
        countries=("KZ",),
        incident_date="2023-04-17",
        text="""
            [[ALMATY|GPE|KZ]] — Police searching a garage on the outskirts of
            [[Almaty|GPE|KZ]] on [[17 April 2023|DATE|2023-04-17]] found a lead container holding
            4.7 kg of [[depleted uranium|MATERIAL|depleted uranium|{"quantity_g": 4700}]], the
            [[Ministry of Internal Affairs|ORG]] said.

            The owner, a 52-year-old former aircraft mechanic named [[Yerlan Abenov|PERSON]], told
            investigators the metal came from counterweights removed from old cargo planes and
            that he had kept it for years without knowing what to do with it. He held no licence
            for the material.

            Specialists from the [[Institute of Nuclear Physics|ORG]] measured low dose rates
            around the container and took it for storage. Police said they had found no
            evidence that [[Abenov|PERSON]] had tried to sell the metal, but the investigation into
            how it
            left the airfield is continuing.
        """,
    ),
    GoldSource(
        id="gold-en-009",
        relevant=True,
        incident_type="sabotage_or_attack",
        intent_group="likely_trafficking_or_malicious",
        countries=("DE",),
        incident_date="2024-11-05",
        text="""
            [[HAMBURG|GPE|DE]] — Police in [[Hamburg|GPE|DE]] are investigating an anonymous
            e-mail that threatened an attack on the blood bank of the
            [[Elbufer Clinic|FAC]].

            The message, received on [[5 November 2024|DATE|2024-11-05]], claimed the sender
            could open the clinic's [[caesium-137|MATERIAL|Cs-137|{"activity_bq": 5.55e13,
            "device": "irradiator"}]] blood irradiator, which holds about 1,500 curies, and would
            scatter the material in the city centre unless 2 million euros in cryptocurrency were
            paid.

            The hospital said the [[irradiator|MATERIAL|irradiator]] had been inspected and
            remained locked, with alarm sensors and armed response in place. The
            [[Federal Office for Radiation Protection|ORG]] said it had no indication that anyone
            had tried to tamper with the unit. State prosecutors have opened a case for
            threatening a crime involving radioactive material, and the clinic's director,
            [[Katrin Vossberg|PERSON]], said staff had been briefed.
        """,
    ),
    GoldSource(
        id="gold-en-010",
        relevant=True,
        incident_type="trafficking_or_smuggling",
        intent_group="likely_trafficking_or_malicious",
        countries=("KE",),
        incident_date="2023-07",
        text="""
            [[MOMBASA|GPE|KE]], [[July 22, 2023|DATE|2023-07-22]] — Officers of the
            [[Kenya Revenue Authority|ORG]] at the [[Port of Mombasa|FAC]] have seized six drums
            of what laboratory tests confirmed to be
            [[yellowcake|MATERIAL|uranium ore concentrate]],
            declared as zinc ore on a manifest bound for [[Dubai|GPE|AE]].

            The drums held about 240 kg of [[uranium ore concentrate|MATERIAL|uranium ore
            concentrate|{"quantity_g": 240000}]], the authority said. Two clearing agents from
            [[Nairobi|GPE|KE]] and a director of [[Tana Minerals Export|ORG]] were arrested.

            A radiation scanner at the container terminal flagged the consignment during routine
            screening. Investigators are examining the company's bank transfers and trying to
            establish where the material was mined. Customs commissioner
            [[Peter Otieno|PERSON]] said the case showed the value of detection equipment
            installed at the port.
        """,
    ),
    GoldSource(
        id="gold-en-011",
        relevant=True,
        incident_type="theft",
        intent_group="undetermined",
        countries=("MX",),
        incident_date="2024-09-08",
        text="""
            [[MEXICO CITY|GPE|MX]] — [[Mexico|GPE|MX]]'s nuclear regulator, the
            [[CNSNS|ORG]], issued an alert in five states after armed men stole a truck carrying a
            teletherapy head with a [[cobalt-60|MATERIAL|Co-60|{"activity_bq": 1.11e14,
            "device": "teletherapy head"}]] source of about 3,000 curies on
            [[8 September 2024|DATE|2024-09-08]].

            The unit was being taken from a hospital in [[Guadalajara|GPE|MX]] to a waste storage
            centre when the driver, [[Raúl Medina|PERSON]], was held up at a petrol station in
            [[Querétaro|GPE|MX]]. The truck belonged to the transport firm
            [[Transportes Sierra Azul|ORG]].

            Authorities warned that the [[Co-60|MATERIAL|Co-60]] source could be lethal to anyone
            who opens the shielding and asked residents to report abandoned metal containers.
            Civil protection officials said the thieves probably wanted the truck, a crane
            vehicle worth far more on the black market than its cargo.
        """,
    ),
    GoldSource(
        id="gold-en-012",
        relevant=True,
        incident_type="loss",
        intent_group="not_connected",
        countries=("BR",),
        incident_date="2024-03-20",
        text="""
            [[SÃO PAULO|GPE|BR]] — [[Brazil|GPE|BR]]'s
            [[National Nuclear Energy Commission|ORG]] ([[CNEN|ORG]]) said a
            [[selenium-75|MATERIAL|Se-75|{"activity_bq": 2.2e12}]] radiography source with an
            activity of 2.2 TBq was lost at a refinery construction site in
            [[Cubatão|GPE|BR]].

            The source, owned by [[Paulista Ensaios Industriais|ORG]], disconnected from its
            drive cable during a weld inspection on [[20 March 2024|DATE|2024-03-20]] and was not
            retracted into the [[radiography camera|MATERIAL|radiography camera]]. The crew
            noticed only when their survey meter showed a high reading near a pipe rack.

            Workers searched the site with detectors for three days. The commission asked
            residents and workers not to pick up small metal objects and said an unshielded
            [[Se-75|MATERIAL|Se-75]] source of that strength can cause radiation burns in
            minutes. Engineer [[Luciana Prado|PERSON]], the company's radiation protection
            officer, has been suspended pending an inquiry.
        """,
    ),
    GoldSource(
        id="gold-en-013",
        relevant=True,
        incident_type="orphan_source_found",
        intent_group="not_connected",
        countries=("CL",),
        incident_date="2024-05-03",
        text="""
            [[SANTIAGO|GPE|CL]] — Workers at a scrapyard in [[Pudahuel|GPE|CL]] found an old
            lightning rod fitted with a [[radium-226|MATERIAL|Ra-226|{"device":
            "lightning rod"}]] source after a handheld detector alarmed on
            [[3 May 2024|DATE|2024-05-03]], the [[Chilean Nuclear Energy Commission|ORG]] said.

            The commission said radioactive [[lightning rods|MATERIAL|lightning rod]] were
            installed on schools and factories for decades before being banned. The device
            measured about 0.5 millisieverts per hour at contact and was taken to the
            commission's storage facility.

            The scrap dealer, [[Hernán Fuentes|PERSON]], said he bought it with a load of metal
            from a demolished school in [[Valparaíso|GPE|CL]]. No one was injured. Inspectors
            are now checking the school's other buildings.
        """,
    ),
    GoldSource(
        id="gold-en-014",
        relevant=True,
        incident_type="trafficking_or_smuggling",
        intent_group="likely_trafficking_or_malicious",
        countries=("MD",),
        incident_date="2023-06-12",
        text="""
            [[CHISINAU|GPE|MD]] — Police and the [[Intelligence and Security Service|ORG]]
            detained two men in [[Chisinau|GPE|MD]] on [[12 June 2023|DATE|2023-06-12]] as they
            tried to sell 18 nuclear fuel pellets containing about 300 grams of
            [[uranium|MATERIAL|LEU|{"quantity_g": 300, "enrichment_pct": 3.6}]] enriched to 3.6
            percent.

            The buyer, an undercover officer, had posed as the representative of an armed group
            and agreed a price of 1.5 million euros. The suspects, [[Ion Rusu|PERSON]] and
            [[Vadim Ceban|PERSON]], said they had obtained the pellets from a contact in
            [[Odesa|GPE|UA]].

            The pellets are typical of fuel for power reactors. Prosecutors said the men had
            advertised the material on a messaging channel for several weeks and had shown photos
            of a radiation meter held over the pellets. Both face charges of illegal trafficking
            of nuclear material.
        """,
    ),
    GoldSource(
        id="gold-en-015",
        relevant=True,
        incident_type="loss",
        intent_group="undetermined",
        countries=("PH",),
        incident_date="2024-02",
        text="""
            [[NATIONAL CENTRAL BUREAU MANILA|ORG]] — INCIDENT REPORT

            Reporting unit: [[Philippine National Police|ORG]], [[Quezon City|GPE|PH]].

            Summary: On [[19 February 2024|DATE|2024-02-19]] the
            [[Philippine Nuclear Research Institute|ORG]] notified police that a
            [[californium-252|MATERIAL|Cf-252|{"activity_bq": 1.85e9}]] neutron source of 50 mCi
            kept at a university physics laboratory in [[Quezon City|GPE|PH]] could not be found
            during the annual inventory. The source was last recorded in its storage pit in
            [[November 2023|DATE|2023-11]]. Other sources in the same pit, including a
            [[cesium 137|MATERIAL|Cs-137|{"activity_bq": 3.7e8}]] check source of 10 mCi, were
            accounted for.

            Persons of interest: a former laboratory technician, [[Rodel Bautista|PERSON]],
            dismissed in [[December 2023|DATE|2023-12]], who had access to the storage room
            keys.

            Status: not recovered. Checkpoints and scrap dealers in [[Metro Manila|GPE|PH]] have
            been alerted. Request to member countries: report any detection of
            [[Cf-252|MATERIAL|Cf-252]] at borders.
        """,
    ),
    GoldSource(
        id="gold-en-016",
        relevant=True,
        incident_type="theft",
        intent_group="undetermined",
        countries=("CA",),
        incident_date="2024-08",
        text="""
            [[TORONTO|GPE|CA]] — Twelve self-luminous exit signs were stolen from a renovation
            contractor's storage unit in [[Mississauga|GPE|CA]], each sign holding about 11
            curies of [[tritium|MATERIAL|H-3|{"activity_bq": 4.07e11}]] gas, the
            [[Canadian Nuclear Safety Commission|ORG]] reported in its event log for
            [[August 2024|DATE|2024-08]].

            [[Tritium|MATERIAL|H-3]] signs glow without electricity and pose little hazard
            unless broken, when the gas can be inhaled. The owner,
            [[Lakeshore Interiors|ORG]], had removed the signs from an office tower and was
            storing them before returning them to the manufacturer.

            Police said the burglars also took copper pipe and power tools. The commission
            reminded licensees that discarded signs must be sent to a licensed facility and
            asked anyone offered such signs for sale to contact [[Peel Regional Police|ORG]].
        """,
    ),
    GoldSource(
        id="gold-en-017",
        relevant=True,
        incident_type="trafficking_or_smuggling",
        intent_group="likely_trafficking_or_malicious",
        countries=("BG",),
        incident_date="2023-10-03",
        text="""
            [[SOFIA|GPE|BG]] — Customs officers at the
            [[Kapitan Andreevo border crossing|FAC]] detained a truck driver on
            [[October 3, 2023|DATE|2023-10-03]] after radiation monitors detected a lead
            container hidden under the passenger seat of his cab. Inside was a
            [[strontium-90|MATERIAL|Sr-90|{"activity_bq": 3.7e10}]] source of about one
            curie.

            The [[Nuclear Regulatory Agency|ORG]] said the source appeared to have been removed
            from an industrial thickness gauge of the kind used in paper mills, and that its
            serial number had been ground off.

            The driver, [[Murat Yildiz|PERSON]], told investigators a man in
            [[Istanbul|GPE|TR]] had paid him 2,000 euros to deliver a package to an address in
            [[Thessaloniki|GPE|GR]]. Prosecutors in [[Haskovo|GPE|BG]] charged him with
            smuggling radioactive material. The source has been moved to a storage facility near
            [[Sofia|GPE|BG]].
        """,
    ),
    GoldSource(
        id="gold-en-018",
        relevant=True,
        incident_type="other",
        intent_group="not_connected",
        countries=("US", "ID"),
        incident_date="2024-01-30",
        text="""
            [[BALTIMORE|GPE|US]] — Officers of [[Customs and Border Protection|ORG]] at the
            [[Port of Baltimore|FAC]] turned back a container of stainless-steel kitchenware
            after radiation portal monitors detected [[cobalt-60|MATERIAL|Co-60]] contamination
            on [[January 30, 2024|DATE|2024-01-30]].

            The goods had been made by a foundry in [[Indonesia|GPE|ID]]. Measurements by the
            [[Nuclear Regulatory Commission|ORG]] showed low dose rates on individual pots, but
            the agency said the items should not reach consumers.

            Such contamination usually occurs when an orphaned [[Co-60|MATERIAL|Co-60]] source is
            melted together with scrap steel. The importer, [[Harbor Home Goods|ORG]], has
            recalled a batch of frying pans already on sale, and the [[Food and Drug
            Administration|ORG]] is testing samples taken from warehouses in
            [[Maryland|GPE|US]].
        """,
    ),
    GoldSource(
        id="gold-en-019",
        relevant=True,
        incident_type="scam_or_fraud",
        intent_group="likely_trafficking_or_malicious",
        countries=("TH",),
        incident_date="2024-04-09",
        text="""
            [[BANGKOK|GPE|TH]], [[April 9, 2024|DATE|2024-04-09]] — Thai police arrested three men
            at a hotel in [[Bangkok|GPE|TH]]'s [[Sukhumvit|LOC]] area after they offered to sell a
            500-gram cylinder of what they called
            "[[weapons-grade uranium|MATERIAL|HEU|{"quantity_g": 500}]]" for $5 million.

            The [[Office of Atoms for Peace|ORG]] tested the black cylinder and found it was lead
            wrapped in foil, with no radioactivity above background. The sellers had shown the
            buyer, a detective posing as a foreign businessman, a forged assay certificate.

            Police said the group had tried the same trick in [[Cambodia|GPE|KH]] in
            [[2022|DATE|2022]]. Their leader, [[Somchai Rattanakorn|PERSON]], was charged with
            fraud.
        """,
    ),
    GoldSource(
        id="gold-en-020",
        relevant=True,
        incident_type="theft",
        intent_group="undetermined",
        countries=("NG",),
        incident_date="2024-03",
        text="""
            [[LAGOS|GPE|NG]], [[15 March 2024|DATE|2024-03-15]] — The
            [[Nigerian Nuclear Regulatory Authority|ORG]] has asked the public to watch for a
            [[radiography camera|MATERIAL|radiography camera]] stolen along with a delivery van
            in [[Ikeja|GPE|NG]] on [[Friday|DATE]].

            The exposure device holds an [[iridium-192|MATERIAL|Ir-192|{"activity_bq": 2.59e12,
            "device": "radiography camera"}]] source of 70 curies and belongs to
            [[Deltaline NDT Nigeria|ORG]], an oil and gas inspection firm.

            The van was found abandoned in [[Ogun State|GPE|NG]] on [[Sunday|DATE]] with the
            device still inside and its lock intact, the authority said. Its
            director-general, [[Adebayo Ogundipe|PERSON]], said the source had been checked and
            returned to the company's licensed store.
        """,
    ),
)

NOT_RELEVANT: tuple[GoldSource, ...] = (
    irrelevant(
        "gold-en-021",
        """
        [[NEW YORK|GPE|US]], [[January 8, 2025|DATE|2025-01-08]] — [[Uranium|MATERIAL|uranium]]
        spot prices climbed for a third straight week, with
        [[U3O8|MATERIAL|uranium ore concentrate]] quoted at $78.50 a pound on
        [[Tuesday|DATE]], according to the pricing service [[Halvorsen Commodity Data|ORG]].

        Analyst [[Marisa Quon|PERSON]] at [[Brightwater Capital|ORG]] said utilities in
        [[Europe|LOC]] and [[Asia|LOC]] were signing more long-term contracts ahead of new
        reactor start-ups, while supply from [[Kazakhstan|GPE|KZ]] remained tight because of
        sulphuric acid shortages at its mines.

        Shares of [[Kestrel Uranium Corp|ORG]] rose 4 percent on the news. Long-term contract
        prices held at $80 a pound, unchanged since [[November|DATE]]. Traders said a sale of
        [[uranium|MATERIAL|uranium]] by a financial fund could briefly push spot prices lower,
        but most expect the market to stay in deficit until new mines open.
        """,
    ),
    irrelevant(
        "gold-en-022",
        """
        [[WINDHOEK|GPE|NA]] — [[Kestrel Uranium Corp|ORG]] said its [[Swakop Ridge mine|FAC]]
        in the [[Erongo|GPE|NA]] region produced 1,850 tonnes of
        [[uranium oxide|MATERIAL|uranium ore concentrate]] in [[2024|DATE|2024]], up 12 percent
        on [[2023|DATE|2023]], as a new crusher reached full capacity.

        Chief executive [[Johan Visagie|PERSON]] said the company would spend $140 million on a
        heap-leach extension and hire 300 workers, most of them from
        [[Swakopmund|GPE|NA]] and [[Walvis Bay|GPE|NA]].

        [[Namibia|GPE|NA]] is one of the world's largest producers of
        [[uranium|MATERIAL|uranium]], and its mines supply utilities in [[China|GPE|CN]],
        [[France|GPE|FR]] and the [[United States|GPE|US]]. Production costs rose by 6 percent
        because of higher diesel and water prices, the company said in its annual report,
        published on [[February 27, 2025|DATE|2025-02-27]].
        """,
    ),
    irrelevant(
        "gold-en-023",
        """
        [[BRUSSELS|GPE|BE]] — Hospitals across [[Europe|LOC]] are rationing
        [[technetium-99m|MATERIAL|Tc-99m]] scans [[this week|DATE]] after unplanned outages at two
        research reactors cut supplies of [[molybdenum-99|MATERIAL|Mo-99]], the parent isotope,
        the industry group [[European Isotope Supply Forum|ORG]] said on [[Monday|DATE]].

        [[Mo-99|MATERIAL|Mo-99]] has a half-life of 66 hours and cannot be stockpiled, so any
        interruption reaches patients within days. The forum's chair,
        [[Annelies Verbeke|PERSON]], said bone scans and cardiac studies would be prioritised
        over routine checks.

        One of the reactors, in the [[Netherlands|GPE|NL]], is expected back in service by
        [[March 20|DATE]] after repairs to a cooling pump. Generator suppliers in
        [[Belgium|GPE|BE]] and [[Poland|GPE|PL]] have added extra processing runs, but
        shipments to smaller hospitals will be cut by about a third until then.
        """,
    ),
    irrelevant(
        "gold-en-024",
        """
        [[GRONINGEN|GPE|NL]] — [[Nordisotope|ORG]] opened a 90-million-euro plant on
        [[September 12, 2024|DATE|2024-09-12]] that will produce
        [[lutetium-177|MATERIAL|Lu-177]] for the treatment of advanced prostate cancer and
        neuroendocrine tumours.

        The plant irradiates targets in research reactors and purifies the product in shielded
        hot cells before shipping it to radiopharmacies across [[Europe|LOC]]. Chief operating
        officer [[Femke Jansen|PERSON]] said capacity would reach 1,000 patient doses a week by
        [[2026|DATE|2026]].

        Demand for [[Lu-177|MATERIAL|Lu-177]] therapies has grown quickly since regulators
        approved the first treatments, and doctors have complained of waiting lists. The
        company said it had signed supply agreements with hospitals in [[Germany|GPE|DE]],
        [[Spain|GPE|ES]] and [[Italy|GPE|IT]], and was in talks with distributors in
        [[Australia|GPE|AU]].
        """,
    ),
    irrelevant(
        "gold-en-025",
        """
        [[NAIROBI|GPE|KE]] — The [[Riverside Cancer and Thyroid Centre|FAC]] opened
        [[Kenya|GPE|KE]]'s first private ward for [[radioactive iodine|MATERIAL|I-131]]
        treatment on [[Wednesday|DATE]].

        The four shielded rooms allow patients with thyroid cancer to receive doses of
        [[iodine-131|MATERIAL|I-131|{"activity_bq": 3.7e9}]] of up to 3.7 GBq and stay until
        their radiation levels fall enough for them to go home, usually after two or three
        days.

        Nuclear medicine physician [[Wanjiru Kamau|PERSON]] said patients previously had to
        travel to [[India|GPE|IN]] or [[South Africa|GPE|ZA]] or wait months for a bed at a
        public hospital. The ward's waste water is held in decay tanks before release, an
        arrangement approved by the [[Kenya Nuclear Regulatory Authority|ORG]] in
        [[May 2024|DATE|2024-05]].
        """,
    ),
    irrelevant(
        "gold-en-026",
        """
        [[WARSAW|GPE|PL]] — Workers poured the first safety-related concrete for unit 1 of the
        [[Baltic Dunes Nuclear Power Plant|FAC]] near [[Gdańsk|GPE|PL]] on
        [[June 3, 2025|DATE|2025-06-03]], marking the formal start of construction of
        [[Poland|GPE|PL]]'s first reactor.

        The 1,200-megawatt pressurised water reactor will burn
        [[low-enriched uranium|MATERIAL|LEU]] ([[LEU|MATERIAL|LEU]]) fuel and is due to begin
        commercial operation in
        [[2033|DATE|2033]], the developer [[Polskie Atom Projekt|ORG]] said. Two more units are
        planned on the site.

        Project director [[Tomasz Wróblewski|PERSON]] said about 4,000 people would work on the
        site at the peak of construction. Environmental groups have challenged the cooling
        water permit in court, arguing that warm discharge will harm fish in the
        [[Baltic Sea|LOC]].
        """,
    ),
    irrelevant(
        "gold-en-027",
        """
        [[HELSINKI|GPE|FI]] — [[Kallio Power Company|ORG]] began the annual refuelling outage
        at its [[Saaristo 2|FAC]] reactor on [[Sunday|DATE]], replacing about a quarter of the
        core with fresh assemblies of [[uranium|MATERIAL|LEU|{"enrichment_pct": 4.5}]] enriched
        to 4.5 percent.

        About 1,400 contractors will inspect the turbine, replace seals in the main coolant
        pumps and test safety valves during the 24-day outage, the company said. Spent fuel
        removed from the core will cool in the reactor pool for several years before transfer
        to interim storage near [[Eurajoki|GPE|FI]].

        Plant manager [[Sanna Leinonen|PERSON]] said the unit had run at full power for most
        of [[2024|DATE|2024]] and that electricity prices in [[Finland|GPE|FI]] were expected to
        rise slightly while it is offline.
        """,
    ),
    irrelevant(
        "gold-en-028",
        """
        [[ACCRA|GPE|GH]] — A new radiotherapy department at
        [[Korle View Teaching Hospital|FAC]] treated its first patients [[this week|DATE]], with two
        linear accelerators replacing a [[cobalt-60|MATERIAL|Co-60|{"device":
        "teletherapy head"}]] teletherapy unit installed in [[2004|DATE|2004]].

        The old [[Co-60|MATERIAL|Co-60]] source will be returned to its supplier under a
        take-back agreement supervised by [[Ghana|GPE|GH]]'s
        [[Nuclear Regulatory Authority|ORG]]. Head of oncology [[Kwabena Asante|PERSON]] said
        the department could now treat 120 patients a day, double its previous capacity.

        The project was financed by a loan from the [[West Africa Health Fund|ORG]] and
        training from the [[International Atomic Energy Agency|ORG]], which has supported
        radiotherapy services across [[Africa|LOC]] for decades. Patients from
        [[Togo|GPE|TG]] and [[Burkina Faso|GPE|BF]] are also expected to use the centre.
        """,
    ),
    irrelevant(
        "gold-en-029",
        """
        [[VIENNA|GPE|AT]], [[October 14, 2025|DATE|2025-10-14]] — More than 300 experts met at
        the [[International Atomic Energy Agency|ORG]] in [[Vienna|GPE|AT]] on
        [[Tuesday|DATE]] for a technical meeting on the security of high-activity radioactive
        sources.

        Participants discussed cyber threats to source tracking systems, border detection
        equipment and the replacement of [[Cs-137|MATERIAL|Cs-137|{"device":
        "irradiator"}]] blood irradiators with X-ray devices. A delegate from
        [[Sweden|GPE|SE]], [[Helena Strand|PERSON]], described her country's national
        replacement programme, completed in [[2023|DATE|2023]].

        The [[IAEA|ORG]] said its incident and trafficking database shows that most reported
        cases involve thefts or losses not connected to criminal intent. The meeting ends on
        [[Friday|DATE]] with recommendations for member states.
        """,
    ),
    irrelevant(
        "gold-en-030",
        """
        Forty years on: what [[Chernobyl|GPE|UA]] still teaches us

        On [[26 April 1986|DATE|1986-04-26]], reactor 4 at the
        [[Chernobyl Nuclear Power Plant|FAC]] in northern [[Ukraine|GPE|UA]], then a Soviet
        republic, exploded during a safety test. The explosion and the fire that followed
        released large amounts of [[iodine-131|MATERIAL|I-131]] and
        [[caesium-137|MATERIAL|Cs-137]] that contaminated wide areas of [[Belarus|GPE|BY]],
        [[Ukraine|GPE|UA]] and [[Russia|GPE|RU]].

        The town of [[Pripyat|GPE|UA]] was evacuated the [[next day|DATE]]. In a new book, historian
        [[Oksana Melnyk|PERSON]] argues that the delay in warning the public made the thyroid
        cancer epidemic among children far worse than it needed to be.

        [[Today|DATE]] the exclusion zone is a wildlife refuge, but
        [[Cs-137|MATERIAL|Cs-137]], with a
        half-life of about 30 years, will keep parts of it closed to farming for generations.
        """,
    ),
    irrelevant(
        "gold-en-031",
        """
        [[ABERDEEN|GPE|GB]] — Researchers at the [[University of North Grampian|ORG]] have
        mapped [[caesium-137|MATERIAL|Cs-137]] in upland soils of the [[Cairngorms|LOC]],
        finding that most of the isotope deposited after [[1986|DATE|1986]] remains in the top
        ten centimetres.

        The team, led by soil scientist [[Fiona McAllister|PERSON]], measured concentrations
        of up to 450 becquerels per kilogram in peaty soils, far above those in nearby arable
        land where ploughing has mixed the layers. Concentrations decline roughly in line with
        radioactive decay, suggesting little is washed out by rain.

        The results will help model how [[137Cs|MATERIAL|Cs-137]] moves through grazing land
        and into sheep. The work was funded by the
        [[Natural Environment Research Council|ORG]] and published in
        [[December 2024|DATE|2024-12]].
        """,
    ),
    irrelevant(
        "gold-en-032",
        """
        [[BIRMINGHAM|GPE|GB]] — [[West Midlands Police|ORG]] are looking for a silver
        hatchback stolen from a driveway in [[Solihull|GPE|GB]] early on [[Saturday|DATE]].

        Doorbell camera footage shows two men in hooded tops approaching the house at about
        four in the morning. Officers believe they used a relay device to capture the signal
        from the key fob inside and drove away in less than a minute.

        Sergeant [[Amrit Sandhu|PERSON]] urged owners of keyless cars to keep fobs in signal
        blocking pouches and to fit steering wheel locks. "These gangs target particular
        models and often ship them abroad within days," he said. Anyone with information is
        asked to call 101 quoting the crime reference number.
        """,
    ),
    irrelevant(
        "gold-en-033",
        """
        [[ANTWERP|GPE|BE]] — Customs officers found 1.2 tonnes of cocaine hidden in a shipment
        of bananas from [[Ecuador|GPE|EC]] at the [[Port of Antwerp|FAC]] on
        [[11 February 2025|DATE|2025-02-11]], prosecutors said.

        The drugs, with an estimated street value of 90 million euros, were packed in sports
        bags behind the fruit boxes. The container had been selected for a scan because its
        declared weight did not match the cargo.

        The [[Federal Judicial Police|ORG]] arrested two dock workers who are suspected of
        having been paid to remove the bags before inspection. A spokesperson,
        [[Ilse Maes|PERSON]], said the port had seized more than 40 tonnes of cocaine in
        [[2024|DATE|2024]].
        """,
    ),
    irrelevant(
        "gold-en-034",
        """
        [[ALBUQUERQUE|GPE|US]] — [[Mesa Fuel Technologies|ORG]] said it produced its first
        100 kilograms of [[high-assay low-enriched uranium|MATERIAL|LEU|{"quantity_g": 100000,
        "enrichment_pct": 19.75}]], enriched to 19.75 percent, at a pilot centrifuge cascade
        in [[New Mexico|GPE|US]] in [[December 2024|DATE|2024-12]].

        The fuel, known as [[HALEU|MATERIAL|LEU]], is needed by several advanced reactor
        designs but is not yet made commercially in
        [[North America|LOC]]. The cascade is fed with
        [[UF6|MATERIAL|UF6]] bought from a converter in [[Canada|GPE|CA]].

        The [[Department of Energy|ORG]] will buy the output under a contract signed in
        [[2023|DATE|2023]]. Chief executive [[Daniel Ortega-Price|PERSON]] said the company
        would seek a licence for a full-scale plant within two years.
        """,
    ),
    irrelevant(
        "gold-en-035",
        """
        [[RIYADH|GPE|SA]] — A cyclotron at [[Al Nakheel Medical City|FAC]] began producing
        [[fluorine-18|MATERIAL|F-18]] for PET scans on [[Sunday|DATE]], ending the hospital's
        reliance on deliveries from a supplier in [[Jeddah|GPE|SA]].

        With a half-life of 110 minutes, [[F-18|MATERIAL|F-18]] must be used within hours of
        production, and flight delays had forced the hospital to cancel dozens of scans
        [[last year|DATE]]. Radiopharmacist [[Reem Al-Harbi|PERSON]] said the unit could make
        enough tracer
        for 40 patients a day.

        The project was licensed by the [[Nuclear and Radiological Regulatory Commission|ORG]]
        in [[March 2025|DATE|2025-03]]. The hospital plans to supply other clinics in the
        capital once production is stable.
        """,
    ),
    irrelevant(
        "gold-en-036",
        """
        [[OXFORD|GPE|GB]] — Engineers at the [[Thames Valley Fusion Laboratory|FAC]] have
        completed a [[tritium|MATERIAL|H-3]]-handling plant that will supply fuel to the
        laboratory's experimental fusion device.

        The plant will store up to 20 grams of [[tritium|MATERIAL|H-3|{"quantity_g": 20}]] in
        metal hydride beds and recover unburnt fuel from the exhaust of each plasma pulse. The
        isotope is scarce and expensive: most of the world's supply comes as a by-product of
        heavy-water reactors in [[Canada|GPE|CA]].

        Project lead [[Gareth Pryce|PERSON]] said the team hoped to run the first experiments
        with deuterium and [[tritium|MATERIAL|H-3]] fuel in [[2028|DATE|2028]]. The plant was
        inspected by the [[Office for Nuclear Regulation|ORG]] before commissioning.
        """,
    ),
    irrelevant(
        "gold-en-037",
        """
        [[SEATTLE|GPE|US]] — Aircraft maintenance firm [[Cascade Aero Services|ORG]] said on
        [[Thursday|DATE]] it had finished replacing
        [[depleted uranium|MATERIAL|depleted uranium]] counterweights in its fleet of older
        wide-body freighters with tungsten parts, ending a programme that began in
        [[2019|DATE|2019]].

        The removed weights, about 380 kilograms in total, were shipped under licence to a
        disposal facility in [[Utah|GPE|US]]. The company said the metal posed little risk in
        normal use but that handling and storage rules made it costly to keep.

        Maintenance director [[Brenda Holloway|PERSON]] said tungsten counterweights were
        heavier to machine but removed the need for radiation safety training for hangar
        staff.
        """,
    ),
    irrelevant(
        "gold-en-038",
        """
        [[SINGAPORE|GPE|SG]] — Emergency services staged a full-scale exercise at
        [[Changi Airport|FAC]] on [[March 6, 2025|DATE|2025-03-06]] that simulated the discovery
        of a suitcase containing a 40 GBq [[caesium-137|MATERIAL|Cs-137|{"activity_bq": 4e10}]]
        source in the arrivals hall.

        No radioactive material was used. Actors played injured passengers while teams from
        the [[Singapore Civil Defence Force|ORG]] and the [[National Environment Agency|ORG]]
        practised cordoning off the terminal, measuring contamination and decontaminating
        people.

        Exercise director [[Lim Wei Jie|PERSON]] said the scenario tested how quickly
        responders could tell a real threat from a false alarm. Officials stressed that
        [[Singapore|GPE|SG]] faces no specific threat and that such drills are held every two
        years.
        """,
    ),
    irrelevant(
        "gold-en-039",
        """
        [[LONDON|GPE|GB]] — In [[Marcus Hale|PERSON]]'s new thriller, a disgraced customs
        officer in [[Odesa|GPE|UA]] chases a stolen [[cobalt-60|MATERIAL|Co-60|{"device":
        "teletherapy head"}]] teletherapy head across the [[Black Sea|LOC]] while a criminal
        syndicate tries to sell it to the highest bidder.

        The plot moves briskly from [[Istanbul|GPE|TR]] to [[Tbilisi|GPE|GE]], and [[Hale|PERSON]]
        clearly
        researched his subject. Less convincing is a subplot about
        [[red mercury|MATERIAL|red mercury]] sold for millions, which even the villains
        should know is a hoax.

        Still, readers who enjoy border checkpoints, dosimeters and double-crosses will find
        plenty here. The novel is published by [[Ashgrove Press|ORG]] [[next month|DATE]].
        """,
    ),
    irrelevant(
        "gold-en-040",
        """
        [[DUBLIN|GPE|IE]] — The [[Environmental Protection Agency|ORG]] has reminded
        households that old ionisation smoke detectors, which contain a tiny
        [[americium-241|MATERIAL|Am-241|{"activity_bq": 37000.0, "device": "smoke detector"}]]
        source of about 37,000 Bq (one microcurie), can be returned to electrical
        retailers free of charge.

        The notice, issued on [[1 July 2024|DATE|2024-07-01]], says
        [[smoke detectors|MATERIAL|smoke detector]] should not be taken apart or thrown into
        household bins, although the radiation risk from an intact unit is negligible.

        Retailers collected more than 60,000 units in [[2023|DATE|2023]], according to the
        agency. Its radiation protection manager, [[Declan Furlong|PERSON]], said the scheme
        keeps the sources out of landfill and allows them to be stored safely.
        """,
    ),
    irrelevant(
        "gold-en-041",
        """
        [[PERTH|GPE|AU]] — The [[Radiation Safety Board|ORG]] has granted
        [[Coastal NDT|ORG]] a licence to possess up to four industrial radiography cameras,
        each with an [[iridium-192|MATERIAL|Ir-192|{"activity_bq": 3.7e12,
        "device": "radiography camera"}]] source of up to 100 Ci, for pipeline work in
        [[Western Australia|GPE|AU]].

        The licence, effective from [[1 August 2024|DATE|2024-08-01]], requires the company to
        store the [[radiography cameras|MATERIAL|radiography camera]] in a locked bunker when not
        in use and to fit its site vehicles with GPS tracking and alarmed lockboxes.

        The board said the conditions reflect national security requirements for Category 2
        sources. Managing director [[Craig Whitfield|PERSON]] said the company would employ six
        qualified radiographers at sites in the [[Pilbara|LOC]].
        """,
    ),
    irrelevant(
        "gold-en-042",
        """
        [[MURMANSK|GPE|RU]] — The last of 14 radioisotope thermoelectric generators that once
        powered navigation beacons along the [[Kara Sea|LOC]] coast, each containing
        [[strontium-90|MATERIAL|Sr-90|{"device": "RTG"}]], has been removed and shipped for
        dismantling, the [[Nordic Nuclear Cleanup Fund|ORG]] said.

        The units, built in the [[1970s|DATE]], were replaced with solar panels and batteries
        under a
        programme that began in [[2019|DATE|2019]]. Crews used helicopters and a supply ship
        to reach the most remote sites in the [[Arctic|LOC]] during the short summer season.

        Programme manager [[Ingrid Solberg|PERSON]] said all heat sources had been recovered
        intact and that dose rates measured at the former sites were close to background.
        The final shipment arrived in [[Murmansk|GPE|RU]] in [[September 2024|DATE|2024-09]].
        """,
    ),
    irrelevant(
        "gold-en-043",
        """
        [[MUMBAI|GPE|IN]] — Scientists at the [[Western Institute of Reactor Physics|ORG]]
        reported a successful 1,000-hour loop test of a molten salt fuel containing
        [[thorium|MATERIAL|thorium]] fluoride, a step towards a small demonstration reactor.

        [[India|GPE|IN]] has some of the world's largest [[thorium|MATERIAL|thorium]] reserves,
        mostly in the monazite beach sands of [[Kerala|GPE|IN]] and [[Odisha|GPE|IN]]. In a
        reactor, [[Th-232|MATERIAL|Th-232]] absorbs neutrons and breeds fissile fuel, which
        could reduce the country's need for imported
        [[uranium|MATERIAL|uranium]].

        Team leader [[Anjali Deshmukh|PERSON]] said corrosion of the loop's nickel alloy pipes
        was lower than expected. The results were presented at a conference in
        [[Chennai|GPE|IN]] in [[January 2025|DATE|2025-01]].
        """,
    ),
    irrelevant(
        "gold-en-044",
        """
        [[MUNICH|GPE|DE]] — Nearly one in five wild boar shot in southern
        [[Bavaria|GPE|DE]] during the [[2024|DATE|2024]] season exceeded the legal limit of
        600 becquerels per kilogram of [[caesium-137|MATERIAL|Cs-137]] in meat, according to
        the [[Bavarian Game Monitoring Network|ORG]].

        The contamination dates back to the [[1986|DATE|1986]] reactor accident in
        [[Ukraine|GPE|UA]]. Unlike deer, boar dig for underground truffles that still
        accumulate the isotope, so levels in their meat have barely fallen in decades.

        Hunters must have every animal measured before the meat can be sold, and carcasses
        above the limit are destroyed with compensation. Network coordinator
        [[Stefan Huber|PERSON]] said the number of tests had doubled since [[2020|DATE|2020]].
        """,
    ),
    irrelevant(
        "gold-en-045",
        """
        [[TOKYO|GPE|JP]] — Chemists at the [[Kanto Institute of Technology|ORG]] said they had
        recovered 6 grams of [[uranium|MATERIAL|uranium|{"quantity_g": 6}]] from seawater in a
        60-day trial off [[Okinawa|GPE|JP]], using a new fibre coated with amidoxime groups.

        Seawater holds about 3.3 micrograms of [[uranium|MATERIAL|uranium]] per litre, and the
        oceans together contain roughly a thousand times the known land reserves. Extraction
        has so far been far too expensive to compete with mining.

        Team leader [[Haruto Sakamoto|PERSON]] said the new fibre could be reused twenty times,
        which would cut costs sharply. He cautioned that commercial extraction remained at
        least a decade away. The study was published in [[April 2025|DATE|2025-04]].
        """,
    ),
    irrelevant(
        "gold-en-046",
        """
        [[PARIS|GPE|FR]] — [[Sequana Energie|ORG]] reported a 9 percent rise in first-half
        profit on [[July 30, 2025|DATE|2025-07-30]], helped by higher output from its reactor
        fleet in [[France|GPE|FR]] and [[Belgium|GPE|BE]] after fewer maintenance outages.

        Fuel costs rose because contracts for [[uranium|MATERIAL|uranium]] and enrichment
        services signed in [[2022|DATE|2022]] and [[2023|DATE|2023]] were struck at higher
        prices. Chief financial officer [[Camille Royer|PERSON]] said the company had secured
        most of its needs until [[2030|DATE|2030]].

        The utility kept its full-year guidance unchanged and said it would decide on the
        extension of two older reactors by [[December|DATE]]. Its shares rose 2 percent in
        morning trading.
        """,
    ),
    irrelevant(
        "gold-en-047",
        """
        [[CAPE TOWN|GPE|ZA]] — Commuter trains on the central line were suspended for most of
        [[Thursday|DATE]] after thieves stole about 800 metres of copper signal cable near
        [[Bellville|GPE|ZA]] overnight, the rail operator [[Metrorail|ORG]] said.

        Thousands of passengers were forced onto minibus taxis. Security guards found cut
        cable ends and abandoned tools next to the tracks but no suspects.

        Regional manager [[Thandiwe Nkosi|PERSON]] said cable theft had cost the network
        millions of rand [[this year|DATE]] and that scrap metal dealers who buy stolen copper would
        be prosecuted. Police have arrested three people at a scrapyard in
        [[Parow|GPE|ZA]] in connection with earlier thefts.
        """,
    ),
    irrelevant(
        "gold-en-048",
        """
        [[KUALA LUMPUR|GPE|MY]] — [[Sterilis Asia|ORG]] will add a second gamma irradiator at
        its plant in [[Selangor|GPE|MY]], loaded with up to 3 million curies of
        [[cobalt-60|MATERIAL|Co-60|{"activity_bq": 1.11e17, "device": "irradiator"}]], to
        sterilise surgical gloves and syringes for export.

        The company said demand from hospitals in [[Europe|LOC]] and [[Japan|GPE|JP]] had
        outgrown its existing facility. The [[Atomic Energy Licensing Board|ORG]] must
        approve the design of the shielding and the security arrangements before the source
        is loaded.

        Construction starts in [[early 2026|DATE|2026]], and chief executive
        [[Farid Rahman|PERSON]] said the investment of 180 million ringgit would create 60
        jobs.
        """,
    ),
    irrelevant(
        "gold-en-049",
        """
        [[GENEVA|GPE|CH]] — The [[Lakeside Horology Museum|FAC]] has put its collection of
        luminous watches back on display in new glass cases after a survey found that dials
        painted with [[radium-226|MATERIAL|Ra-226]] paint still emit measurable radiation.

        Curator [[Lucien Morel|PERSON]] said the 140 watches, made between the
        [[1920s|DATE]] and the [[1950s|DATE]], pose no danger to visitors behind glass but
        should not be opened, because flakes of paint can be inhaled. The survey was carried
        out by the [[Federal Office of Public Health|ORG]] in [[2024|DATE|2024]].

        The museum also tells the story of the dial painters, many of them young women, who
        fell ill after licking their brushes to a fine point.
        """,
    ),
    irrelevant(
        "gold-en-050",
        """
        [[DOVER|GPE|GB]] — [[Border Force|ORG]] officers at the [[Port of Dover|FAC]] seized
        4.5 million counterfeit cigarettes hidden behind pallets of frozen chips in a lorry
        from [[Poland|GPE|PL]] on [[Thursday 14 November 2024|DATE|2024-11-14]].

        The cigarettes carried fake branding and would have cost the [[Treasury|ORG]] about 1.6
        million pounds in unpaid duty. The driver, a 41-year-old man from
        [[Wrocław|GPE|PL]], was arrested and later released on bail.

        A spokesperson, [[Joanne Pike|PERSON]], said counterfeit tobacco often contains high
        levels of heavy metals and is linked to organised crime. The lorry and its load have
        been seized.
        """,
    ),
)

DOCUMENTS: tuple[GoldSource, ...] = RELEVANT + NOT_RELEVANT
