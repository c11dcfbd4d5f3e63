"""Documents de référence en français : 7 incidents RN pertinents, 10 articles non pertinents.

Personnes, entreprises et événements fictifs ; pays, villes et données isotopiques réels.
"""

from __future__ import annotations

from nlp.evaluation.gold_docs_base import GoldSource, irrelevant

RELEVANT: tuple[GoldSource, ...] = (
    GoldSource(
        id="gold-fr-001",
        relevant=True,
        incident_type="theft",
        intent_group="undetermined",
        countries=("FR",),
        incident_date="2024-03",
        text="""
            [[Lyon|GPE|FR]], le [[14 mars 2024|DATE|2024-03-14]] – Un
            [[gammadensimètre|MATERIAL|moisture/density gauge]] servant à contrôler le compactage
            des remblais a été volé dans la [[nuit de mardi à mercredi|DATE]] dans la camionnette
            d'une entreprise de travaux publics stationnée à [[Villeurbanne|GPE|FR]], a indiqué
            l'[[Autorité de sûreté nucléaire|ORG]] ([[ASN|ORG]]).

            Le gammadensimètre renferme deux sources scellées : 0,3 GBq de
            [[césium 137|MATERIAL|Cs-137|{"activity_bq": 3e8, "device": "moisture/density gauge"}]]
            et 1,5 GBq d'[[américium-béryllium|MATERIAL|Am-241/Be|{"activity_bq": 1.5e9,
            "device": "moisture/density gauge"}]].

            « Tant que les sources restent dans leur blindage, le risque est faible », précise
            [[Nathalie Perrin|PERSON]], cheffe de la division de [[Lyon|GPE|FR]] de
            l'[[ASN|ORG]]. L'entreprise, [[Rhône Terrassements|ORG]], a porté plainte. Toute
            personne qui trouverait une mallette jaune portant le trèfle radioactif est priée de
            ne pas l'ouvrir et de prévenir la gendarmerie ou les pompiers.
        """,
    ),
    GoldSource(
        id="gold-fr-002",
        relevant=True,
        incident_type="loss",
        intent_group="not_connected",
        countries=("MA",),
        incident_date="2024-04-02",
        text="""
            [[Casablanca|GPE|MA]] – L'[[Agence marocaine de sûreté et de sécurité nucléaires et
            radiologiques|ORG]] ([[AMSSNuR|ORG]]) a lancé [[jeudi|DATE]] un avis de recherche
            concernant un gammagraphe contenant une source d'[[iridium 192|MATERIAL|Ir-192|{
            "activity_bq": 1.8e12, "device": "radiography camera"}]] de 1,8 TBq, égaré lors d'un
            transport entre [[Mohammedia|GPE|MA]] et [[El Jadida|GPE|MA]] le
            [[2 avril 2024|DATE|2024-04-02]].

            Selon l'agence, l'appareil appartient à la société [[Atlas Contrôle Industriel|ORG]]
            et serait tombé de la benne d'un pick-up dont le hayon était mal fermé. Le chauffeur
            ne s'est aperçu de la disparition qu'à son arrivée sur le chantier.

            Les autorités rappellent qu'une exposition de quelques minutes à une source
            d'[[Ir-192|MATERIAL|Ir-192]] sortie de son conteneur peut provoquer des brûlures
            graves. Les ferrailleurs de la région ont été alertés, et une prime a été promise à
            quiconque permettra de retrouver le [[gammagraphe|MATERIAL|radiography camera]].
        """,
    ),
    GoldSource(
        id="gold-fr-003",
        relevant=True,
        incident_type="orphan_source_found",
        intent_group="not_connected",
        countries=("FR",),
        incident_date="2023-09-05",
        text="""
            [[Dunkerque|GPE|FR]] – Le portique de détection de la radioactivité d'une aciérie du
            [[port de Dunkerque|FAC]] s'est déclenché le [[5 septembre 2023|DATE|2023-09-05]] au
            passage d'un camion de ferrailles en provenance de [[Belgique|GPE|BE]].

            Les techniciens ont isolé une petite source de [[cobalt 60|MATERIAL|Co-60|{
            "activity_bq": 4e8, "device": "level gauge"}]] d'environ 400 MBq, probablement issue
            d'une ancienne jauge de niveau industrielle broyée avec la ferraille.

            L'[[IRSN|ORG]] a mesuré un débit de dose de 15 µSv/h à un mètre de la source, qui a
            été placée dans un château de plomb avant sa prise en charge par l'[[Andra|ORG]].
            Le fournisseur de la ferraille, la société [[Flandres Métaux Recyclage|ORG]], devra
            retracer l'origine du lot. Aucun salarié n'a été exposé de manière significative,
            selon le directeur du site, [[Olivier Vandamme|PERSON]].
        """,
    ),
    GoldSource(
        id="gold-fr-004",
        relevant=True,
        incident_type="trafficking_or_smuggling",
        intent_group="likely_trafficking_or_malicious",
        countries=("NE",),
        incident_date="2024-01",
        text="""
            [[Niamey|GPE|NE]], le [[18 janvier 2024|DATE|2024-01-18]] – Des gendarmes ont
            intercepté près d'[[Agadez|GPE|NE]] deux véhicules tout-terrain transportant
            12 kilogrammes de [[concentré d'uranium|MATERIAL|uranium ore concentrate|{
            "quantity_g": 12000}]], le fameux « [[yellowcake|MATERIAL|uranium ore concentrate]] »,
            dissimulés dans des bidons d'huile de moteur.

            Les trois suspects se dirigeaient vers la frontière libyenne à travers le
            [[Ténéré|LOC]], selon une source sécuritaire. Le produit aurait été dérobé sur un site
            minier proche d'[[Arlit|GPE|NE]].

            D'après les enquêteurs, le chef présumé du réseau, [[Moussa Abdou Issaka|PERSON]],
            proposait la marchandise à 250 000 euros le kilo à des acheteurs qui n'ont pas encore
            été identifiés. Les échantillons ont été confiés au
            [[Centre national de radioprotection|ORG]] pour analyse.
        """,
    ),
    GoldSource(
        id="gold-fr-005",
        relevant=True,
        incident_type="scam_or_fraud",
        intent_group="likely_trafficking_or_malicious",
        countries=("CI",),
        incident_date="2024-06-10",
        text="""
            [[Abidjan|GPE|CI]] – La police criminelle a démantelé un réseau d'escrocs qui
            proposaient du « [[mercure rouge|MATERIAL|red mercury]] » à des hommes d'affaires pour
            1,2 million d'euros le flacon.

            Les deux suspects, interpellés le [[10 juin 2024|DATE|2024-06-10]] dans un hôtel de
            [[Cocody|GPE|CI]], présentaient un flacon de 500 grammes de
            [[mercure rouge|MATERIAL|red mercury|{"quantity_g": 500}]] censé servir à la
            fabrication d'armes nucléaires. Les analyses ont montré qu'il s'agissait de mercure
            ordinaire teinté avec de la peinture.

            « Ce produit miracle n'existe pas », a rappelé le commissaire
            [[Yao Kouassi|PERSON]]. Une victime, commerçant à [[Bouaké|GPE|CI]], avait déjà versé
            35 millions de francs CFA d'acompte en [[mai|DATE]]. Les enquêteurs pensent que le
            réseau a fait d'autres victimes au [[Ghana|GPE|GH]] et au [[Togo|GPE|TG]].
        """,
    ),
    GoldSource(
        id="gold-fr-006",
        relevant=True,
        incident_type="unauthorized_possession",
        intent_group="not_connected",
        countries=("BE",),
        incident_date="2024-02",
        text="""
            [[Bruxelles|GPE|BE]], le [[22 février 2024|DATE|2024-02-22]] – L'[[Agence fédérale
            de contrôle nucléaire|ORG]] ([[AFCN|ORG]]) a saisi [[mardi dernier|DATE]] une
            trentaine d'aiguilles de curiethérapie au [[radium 226|MATERIAL|Ra-226|{
            "activity_bq": 1.11e9, "device": "brachytherapy source"}]], d'une activité totale
            d'environ 30 mCi, chez un collectionneur d'objets médicaux anciens à
            [[Ixelles|GPE|BE]].

            L'homme, [[Marc Delvaux|PERSON]], 67 ans, les conservait sans autorisation dans une
            boîte à biscuits au fond de sa cave depuis [[2009|DATE|2009]]. Il affirme les avoir
            achetées dans une brocante à [[Liège|GPE|BE]], sans savoir qu'elles étaient
            radioactives.

            Les aiguilles ont été transférées à l'[[Ondraf|ORG]]. Aucune intention de revente
            n'a été établie, précise le parquet de [[Bruxelles|GPE|BE]], qui a toutefois ouvert
            une information pour détention illégale de substances radioactives.
        """,
    ),
    GoldSource(
        id="gold-fr-007",
        relevant=True,
        incident_type="theft",
        intent_group="undetermined",
        countries=("TN",),
        incident_date="2023-11",
        text="""
            [[Tunis|GPE|TN]] – Le [[Centre national de radioprotection|ORG]] a signalé le vol,
            dans la nuit du [[7 au 8 novembre 2023|DATE|2023-11]], d'une jauge de niveau
            contenant une source de [[césium-137|MATERIAL|Cs-137|{"activity_bq": 3.7e9,
            "device": "level gauge"}]] de 100 mCi dans une cimenterie de la région de
            [[Gabès|GPE|TN]].

            Les voleurs ont découpé au chalumeau le support métallique de l'appareil et visaient
            probablement le métal, selon le directeur de l'usine, [[Hichem Ben Salah|PERSON]].
            La [[Garde nationale|ORG]] a installé des points de contrôle sur les routes menant à
            [[Sfax|GPE|TN]] et à [[Médenine|GPE|TN]].

            La société [[Ciments du Sud Tunisien|ORG]] a rappelé que le boîtier porte le symbole
            de la radioactivité et qu'il ne faut en aucun cas l'ouvrir. Une source de
            [[Cs-137|MATERIAL|Cs-137]] de cette activité peut provoquer des lésions en cas de
            contact prolongé.
        """,
    ),
)

NOT_RELEVANT: tuple[GoldSource, ...] = (
    irrelevant(
        "gold-fr-008",
        """
        [[Paris|GPE|FR]] – Le cours de l'[[uranium|MATERIAL|uranium]] a franchi
        [[mercredi|DATE]] la barre des 90 dollars la livre sur le marché au comptant, une
        première depuis [[2008|DATE|2008]], selon le cabinet [[Orvalle Matières Premières|ORG]].

        Pour [[Sophie Marchand|PERSON]], analyste chez [[Banque Lacombe|ORG]], la hausse
        s'explique par les achats des électriciens chinois et indiens, qui multiplient les
        projets de réacteurs. La production du [[Kazakhstan|GPE|KZ]], premier producteur
        mondial, reste en outre freinée par des difficultés d'approvisionnement en acide
        sulfurique.

        Le prix du [[concentré d'uranium|MATERIAL|uranium ore concentrate]]
        ([[U3O8|MATERIAL|uranium ore concentrate]]) a gagné près de 20 % depuis
        [[janvier|DATE]]. Les contrats à long terme, qui couvrent l'essentiel des besoins des
        exploitants, progressent plus lentement, autour de 82 dollars la livre.
        """,
    ),
    irrelevant(
        "gold-fr-009",
        """
        Des dizaines de services de médecine nucléaire en [[France|GPE|FR]] reportent des
        scintigraphies depuis [[lundi|DATE]], faute de [[technétium 99m|MATERIAL|Tc-99m]].
        L'arrêt imprévu d'un réacteur de recherche aux [[Pays-Bas|GPE|NL]] a réduit
        l'approvisionnement en [[molybdène 99|MATERIAL|Mo-99]], dont la période radioactive
        n'est que de 66 heures, a expliqué la
        [[Société française de médecine nucléaire|ORG]].

        Les examens osseux des patients atteints de cancer sont traités en priorité. « Nous
        appelons les patients un par un pour décaler leurs rendez-vous », témoigne
        [[Julien Lambert|PERSON]], médecin au [[CHU de Nantes|FAC]].

        Les livraisons de générateurs de [[Mo-99|MATERIAL|Mo-99]] devraient revenir à la normale
        d'ici [[fin avril|DATE]], selon les fournisseurs, qui ont ajouté des productions
        exceptionnelles en [[Belgique|GPE|BE]] et en [[Pologne|GPE|PL]].
        """,
    ),
    irrelevant(
        "gold-fr-010",
        """
        [[Dakar|GPE|SN]] – Le nouveau service de radiothérapie du
        [[Centre hospitalier de Ouakam|FAC]] a accueilli ses premiers patients le
        [[3 octobre 2024|DATE|2024-10-03]]. Équipé de deux accélérateurs linéaires, il
        remplace l'ancien appareil de télécobalthérapie au [[cobalt 60|MATERIAL|Co-60|{
        "device": "teletherapy head"}]], installé [[il y a près de vingt ans|DATE]].

        « Nous pourrons traiter 90 patients par jour, contre une trentaine auparavant »,
        se félicite la cheffe de service, [[Aminata Diallo|PERSON]]. Jusqu'ici, de nombreux
        malades devaient partir se faire soigner au [[Maroc|GPE|MA]] ou en
        [[Tunisie|GPE|TN]], à leurs frais.

        Le projet, d'un coût de 11 milliards de francs CFA, a été financé par le
        [[ministère de la Santé|ORG]] avec l'appui technique de l'[[AIEA|ORG]]. L'ancienne
        source sera renvoyée à son fabricant.
        """,
    ),
    irrelevant(
        "gold-fr-011",
        """
        Le réacteur n° 2 de la [[centrale de Vaudrémont|FAC]] ([[Indre-et-Loire|GPE|FR]]) a été
        mis à l'arrêt le [[samedi 8 février 2025|DATE|2025-02-08]] pour sa visite partielle,
        a annoncé l'exploitant, [[Électricité du Val de Loire|ORG]].

        Un tiers des 193 assemblages du cœur sera remplacé par du combustible neuf à
        l'[[uranium|MATERIAL|LEU|{"enrichment_pct": 4.2}]] enrichi à 4,2 %. L'opération
        mobilise 1 500 intervenants, dont 900 salariés d'entreprises prestataires, qui
        contrôleront aussi les tuyauteries du circuit primaire et l'un des générateurs de
        vapeur.

        Le redémarrage est prévu [[début mars|DATE]]. « Ces arrêts programmés sont essentiels à
        la sûreté de l'installation », souligne le directeur de la centrale,
        [[Frédéric Charpentier|PERSON]].
        """,
    ),
    irrelevant(
        "gold-fr-012",
        """
        [[Vienne|GPE|AT]], le [[16 septembre 2024|DATE|2024-09-16]] – La conférence générale de
        l'[[Agence internationale de l'énergie atomique|ORG]] ([[AIEA|ORG]]) s'est ouverte
        [[lundi|DATE]] en présence de délégations de plus de 150 États membres.

        Les débats ont notamment porté sur la sécurité des sources radioactives de haute
        activité, comme celles de [[cobalt 60|MATERIAL|Co-60]] utilisées en radiothérapie ou
        pour la stérilisation. [[Jean-Pierre Kalonji|PERSON]], délégué de la
        [[République démocratique du Congo|GPE|CD]], a plaidé pour un renforcement de la
        formation des régulateurs africains.

        La délégation de la [[Suisse|GPE|CH]] a présenté un projet de registre régional des
        sources retirées du service. La conférence se poursuit jusqu'à [[vendredi|DATE]].
        """,
    ),
    irrelevant(
        "gold-fr-013",
        """
        [[Dijon|GPE|FR]] – Des chercheurs de l'[[Institut des sciences du sol de Bourgogne|ORG]]
        ont cartographié le [[césium 137|MATERIAL|Cs-137]] dans les sols forestiers du
        [[Morvan|LOC]]. Environ 60 % du [[137Cs|MATERIAL|Cs-137]] mesuré proviendrait des
        retombées de [[1986|DATE|1986]], le reste des essais nucléaires atmosphériques des
        [[années 1960|DATE]].

        Les teneurs atteignent 40 becquerels par kilogramme dans les horizons riches en
        humus, mais restent sans danger pour les promeneurs. « Les champignons concentrent
        davantage le radionucléide que le sol lui-même », précise la doctorante
        [[Claire Besson|PERSON]].

        L'étude, publiée en [[novembre 2024|DATE|2024-11]], doit servir à suivre la migration
        du radionucléide vers les cours d'eau.
        """,
    ),
    irrelevant(
        "gold-fr-014",
        """
        [[Marseille|GPE|FR]] – Un automobiliste s'est fait dérober sa voiture
        [[dimanche soir|DATE]] alors qu'il déchargeait ses courses devant son immeuble, dans le
        quartier de la [[Joliette|LOC]].

        Deux individus l'ont menacé avec un couteau avant de prendre le volant de la berline
        grise et de s'enfuir en direction de l'autoroute. Le véhicule a été retrouvé incendié
        [[lundi matin|DATE]] sur un parking de [[Vitrolles|GPE|FR]].

        La victime, [[Karim Benali|PERSON]], 45 ans, légèrement blessée à la main, a porté
        plainte. Les enquêteurs de la [[police judiciaire|ORG]] exploitent les images des
        caméras de vidéoprotection de la ville.
        """,
    ),
    irrelevant(
        "gold-fr-015",
        """
        [[Perpignan|GPE|FR]] – Les douaniers du [[péage du Boulou|FAC]] ont découvert
        850 kilogrammes de résine de cannabis dans un camion frigorifique en provenance
        d'[[Espagne|GPE|ES]], le [[12 mars 2025|DATE|2025-03-12]].

        La drogue, d'une valeur estimée à 5 millions d'euros, était dissimulée derrière des
        palettes de fraises. Le chauffeur, âgé de 38 ans, a été placé en garde à vue.

        Selon la [[direction régionale des douanes de Perpignan|ORG]], il s'agit de la plus
        importante saisie réalisée sur cet axe depuis le [[début de l'année|DATE]]. L'enquête a été
        confiée à l'[[Office anti-stupéfiants|ORG]], qui cherche à identifier les
        destinataires de la marchandise en région parisienne.
        """,
    ),
    irrelevant(
        "gold-fr-016",
        """
        [[Montréal|GPE|CA]] – L'[[Hôpital Saint-Laurent-Nord|FAC]] commence à traiter des
        patients atteints d'un cancer de la prostate avancé avec un radiopharmaceutique au
        [[lutécium 177|MATERIAL|Lu-177]], une première dans l'est de la ville.

        Chaque injection délivre 7,4 GBq de [[177Lu|MATERIAL|Lu-177|{"activity_bq": 7.4e9}]] et
        le traitement comprend jusqu'à six cycles espacés de six semaines. « Pour certains
        patients, c'est la seule option qui reste », explique [[Isabelle Gagnon|PERSON]],
        médecin nucléiste.

        [[Santé Canada|ORG]] a autorisé ce traitement en [[2022|DATE|2022]]. Le
        [[ministère de la Santé du Québec|ORG]] prévoit d'étendre l'offre à deux autres hôpitaux
        régionaux d'ici [[2026|DATE|2026]].
        """,
    ),
    irrelevant(
        "gold-fr-017",
        """
        [[Arlit|GPE|NE]] – La société minière [[Sahel Uranium|ORG]] a annoncé une production de
        1 200 tonnes de [[concentré d'uranium|MATERIAL|uranium ore concentrate]] en
        [[2023|DATE|2023]], en légère baisse, malgré les difficultés logistiques liées à la
        fermeture de la frontière avec le [[Bénin|GPE|BJ]].

        Son directeur général, [[Ibrahim Maïga|PERSON]], s'attend à une reprise des
        exportations dès que le corridor routier vers le [[port de Cotonou|FAC]] sera rouvert.
        Le [[yellowcake|MATERIAL|uranium ore concentrate]] est stocké en fûts sur le site, sous
        surveillance de l'armée.

        La mine emploie 900 personnes, dont une majorité de Nigériens. Les syndicats
        réclament une prime de risque pour les travailleurs exposés aux poussières.
        """,
    ),
)

DOCUMENTS: tuple[GoldSource, ...] = RELEVANT + NOT_RELEVANT
