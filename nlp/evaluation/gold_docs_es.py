"""Documentos de referencia en español: 7 incidentes RN pertinentes, 10 notas no pertinentes.

Personas, empresas y hechos ficticios; países, ciudades y datos isotópicos reales.
"""

from __future__ import annotations

from nlp.evaluation.gold_docs_base import GoldSource, irrelevant

RELEVANT: tuple[GoldSource, ...] = (
    GoldSource(
        id="gold-es-001",
        relevant=True,
        incident_type="theft",
        intent_group="undetermined",
        countries=("MX",),
        incident_date="2024-02-11",
        text="""
            [[Monterrey|GPE|MX]], [[Nuevo León|GPE|MX]], [[12 de febrero de 2024|DATE|2024-02-12]]
            – La [[Coordinación Nacional de Protección Civil|ORG]] emitió una alerta en seis
            estados por el robo de un equipo de gammagrafía industrial con una fuente de
            [[iridio-192|MATERIAL|Ir-192|{"activity_bq": 1.221e12,
            "device": "radiography camera"}]] de 33 curios.

            El equipo fue sustraído la madrugada del [[domingo 11 de febrero|DATE]] de una
            camioneta de la empresa [[Inspecciones Técnicas del Norte|ORG]] estacionada en
            [[San Nicolás de los Garza|GPE|MX]], informó la
            [[Comisión Nacional de Seguridad Nuclear y Salvaguardias|ORG]] ([[CNSNS|ORG]]).

            Según la dependencia, la fuente puede causar lesiones permanentes si se extrae de su
            blindaje o se manipula sin protección. Las autoridades pidieron a la población no
            abrir el contenedor, que lleva el símbolo internacional de radiación, y reportarlo de
            inmediato al 911. El técnico responsable, [[Jorge Treviño|PERSON]], declaró ante el
            ministerio público que había dejado la camioneta cerrada frente a su domicilio.
        """,
    ),
    GoldSource(
        id="gold-es-002",
        relevant=True,
        incident_type="theft",
        intent_group="undetermined",
        countries=("CO",),
        incident_date="2024-07-03",
        text="""
            [[Bogotá|GPE|CO]] – El [[Servicio Geológico Colombiano|ORG]] informó el
            [[jueves|DATE]] del hurto de un [[densímetro nuclear|MATERIAL|moisture/density
            gauge]] que estaba guardado en un vehículo de la constructora
            [[Vías Andinas|ORG]].

            El densímetro nuclear contiene una fuente de [[cesio-137|MATERIAL|Cs-137|{
            "activity_bq": 2.96e8, "device": "moisture/density gauge"}]] de 8 mCi y otra de
            [[americio-241/berilio|MATERIAL|Am-241/Be|{"activity_bq": 1.48e9,
            "device": "moisture/density gauge"}]] de 40 mCi.

            El hurto ocurrió el [[3 de julio de 2024|DATE|2024-07-03]] en el barrio
            [[Kennedy|LOC]], en el suroccidente de [[Bogotá|GPE|CO]], cuando desconocidos
            rompieron el vidrio de la camioneta. El ingeniero a cargo,
            [[Andrés Felipe Rojas|PERSON]], dio aviso a la [[Policía Nacional|ORG]]. Las
            autoridades recordaron que el maletín amarillo no debe abrirse y que quien lo
            encuentre debe llamar al 123.
        """,
    ),
    GoldSource(
        id="gold-es-003",
        relevant=True,
        incident_type="loss",
        intent_group="not_connected",
        countries=("AR",),
        incident_date="2023-05-09",
        text="""
            [[Neuquén|GPE|AR]] – La [[Autoridad Regulatoria Nuclear|ORG]] ([[ARN|ORG]]) informó
            la pérdida de una fuente de perfilaje de pozos con [[cesio 137|MATERIAL|Cs-137|{
            "activity_bq": 7.4e10, "device": "well-logging source"}]] de 2 Ci en un yacimiento
            de la formación [[Vaca Muerta|LOC]], el [[9 de mayo de 2023|DATE|2023-05-09]].

            La herramienta quedó atrapada a 2.300 metros de profundidad cuando se cortó el cable
            durante una medición. La operadora de servicios, [[Patagonia Wireline|ORG]], intentó
            recuperarla durante nueve días sin éxito.

            Como no existe riesgo para la población a esa profundidad, la [[ARN|ORG]] autorizó a
            cementar el pozo y a colocar una placa de advertencia en la superficie, según el
            procedimiento previsto para fuentes irrecuperables. El gerente de seguridad de la
            empresa, [[Martín Quiroga|PERSON]], aseguró que se revisarán los cables de todas las
            unidades.
        """,
    ),
    GoldSource(
        id="gold-es-004",
        relevant=True,
        incident_type="orphan_source_found",
        intent_group="not_connected",
        countries=("ES",),
        incident_date="2023-11-15",
        text="""
            [[Sagunto|GPE|ES]] ([[Valencia|GPE|ES]]) – Los detectores de radiactividad de una
            acería de [[Sagunto|GPE|ES]] localizaron el [[15 de noviembre de 2023|DATE|2023-11-15]]
            una fuente de [[Cs-137|MATERIAL|Cs-137|{"activity_bq": 1.5e9}]] de 1,5 GBq en un lote
            de chatarra procedente de [[Marruecos|GPE|MA]].

            El [[Consejo de Seguridad Nuclear|ORG]] ([[CSN|ORG]]) indicó que la cápsula,
            posiblemente procedente de un antiguo equipo industrial, fue aislada antes de
            entrar en el horno, por lo que no hubo fusión ni contaminación de la planta.

            La empresa, [[Aceros del Turia|ORG]], activó su plan de emergencia interior y
            [[Enresa|ORG]] se hará cargo de la fuente. «El pórtico ha evitado un problema muy
            serio», afirmó el jefe de protección radiológica, [[Vicente Ferrer Soler|PERSON]].
        """,
    ),
    GoldSource(
        id="gold-es-005",
        relevant=True,
        incident_type="trafficking_or_smuggling",
        intent_group="likely_trafficking_or_malicious",
        countries=("BO",),
        incident_date="2024-08-20",
        text="""
            [[La Paz|GPE|BO]], [[20 de agosto de 2024|DATE|2024-08-20]] – La
            [[Policía Boliviana|ORG]] incautó 14 kilogramos de
            [[uranio natural|MATERIAL|natural uranium|{"quantity_g": 14000}]] en polvo en el
            [[puesto fronterizo de Desaguadero|FAC]], en la frontera con [[Perú|GPE|PE]].

            Dos ciudadanos, [[Julio César Mamani|PERSON]] y [[Efraín Condori|PERSON]],
            transportaban el material en bolsas de harina dentro de un minibús y, según la
            fiscalía, lo ofrecían a 60.000 dólares el kilo a compradores del extranjero.

            El [[Instituto Boliviano de Ciencia y Tecnología Nuclear|ORG]] ([[IBTEN|ORG]])
            confirmó que se trata de [[uranio|MATERIAL|uranium]] de origen minero, sin
            enriquecer. Los investigadores creen que fue extraído de forma ilegal en una antigua
            mina de [[Potosí|GPE|BO]]. Ambos detenidos fueron enviados a prisión preventiva.
        """,
    ),
    GoldSource(
        id="gold-es-006",
        relevant=True,
        incident_type="scam_or_fraud",
        intent_group="likely_trafficking_or_malicious",
        countries=("GT",),
        incident_date="2025-03-18",
        text="""
            [[Ciudad de Guatemala|GPE|GT]] – Agentes de la [[Policía Nacional Civil|ORG]]
            capturaron a tres hombres que pretendían vender un frasco de
            «[[mercurio rojo|MATERIAL|red mercury]]» por 2,5 millones de dólares a un empresario
            de [[Quetzaltenango|GPE|GT]].

            Los detenidos aseguraban que los 750 gramos de
            [[mercurio rojo|MATERIAL|red mercury|{"quantity_g": 750}]] procedían de una antigua
            base militar de [[Rusia|GPE|RU]] y servían para fabricar bombas. Según la
            [[Dirección General de Energía|ORG]], el líquido no es radiactivo y parece ser
            pintura mezclada con aceite.

            La captura se produjo el [[18 de marzo de 2025|DATE|2025-03-18]] en un centro
            comercial de la zona 10, cuando el comprador entregaba un primer pago. El
            [[Ministerio Público|ORG]] acusó a los tres de estafa agravada; uno de ellos,
            [[Byron Estrada|PERSON]], ya había sido detenido por un fraude similar en
            [[2021|DATE|2021]].
        """,
    ),
    GoldSource(
        id="gold-es-007",
        relevant=True,
        incident_type="unauthorized_possession",
        intent_group="not_connected",
        countries=("PY",),
        incident_date="2024-09-04",
        text="""
            [[Asunción|GPE|PY]] – Fiscales y técnicos de la
            [[Autoridad Reguladora Radiológica y Nuclear|ORG]] hallaron el
            [[4 de septiembre de 2024|DATE|2024-09-04]] un cabezal de teleterapia con una fuente
            de [[cobalto-60|MATERIAL|Co-60|{"activity_bq": 9.25e13,
            "device": "teletherapy head"}]] de unos 2.500 curios en un depósito privado de
            [[Luque|GPE|PY]].

            El equipo había pertenecido a una clínica oncológica cerrada en [[2015|DATE|2015]], y
            su antiguo director, el médico jubilado [[Gustavo Benítez|PERSON]], lo guardaba sin
            licencia junto a muebles y archivos.

            [[Benítez|PERSON]] declaró que no sabía cómo deshacerse del aparato. Las mediciones no
            mostraron fugas, pero la autoridad ordenó su traslado inmediato a un almacén
            seguro. La fiscalía investiga si hubo negligencia, aunque descarta que se intentara
            vender el [[Co60|MATERIAL|Co-60]].
        """,
    ),
)

NOT_RELEVANT: tuple[GoldSource, ...] = (
    irrelevant(
        "gold-es-008",
        """
        [[Madrid|GPE|ES]] – El precio del [[uranio|MATERIAL|uranium]] en el mercado al contado
        cerró el [[viernes|DATE]] en 82,50 dólares por libra de
        [[U3O8|MATERIAL|uranium ore concentrate]],
        su nivel más alto desde [[enero|DATE]], según la consultora
        [[Meridiano Commodities|ORG]].

        La analista [[Lucía Herrero|PERSON]] atribuye la subida a los retrasos en las minas de
        [[Kazajistán|GPE|KZ]] y a la reanudación de proyectos de centrales en [[Asia|LOC]]. Las
        empresas eléctricas europeas, añade, están firmando contratos a diez años para
        asegurarse el suministro.

        Las acciones de las mineras de [[Canadá|GPE|CA]] y [[Australia|GPE|AU]] subieron con
        fuerza. Aun así, los expertos advierten de que el mercado es pequeño y muy volátil, y
        que una venta de inventarios por parte de un fondo podría cambiar la tendencia en
        cuestión de días.
        """,
    ),
    irrelevant(
        "gold-es-009",
        """
        [[Lima|GPE|PE]] – El [[Hospital Regional del Pacífico|FAC]] inauguró el
        [[lunes 2 de diciembre de 2024|DATE|2024-12-02]] su nueva unidad de radioterapia, que
        incluye un acelerador lineal y un equipo de braquiterapia de alta tasa de dosis con
        fuentes de [[iridio-192|MATERIAL|Ir-192|{"device": "brachytherapy source"}]].

        La jefa del servicio, [[Rosa Quispe|PERSON]], explicó que la unidad atenderá a unos 80
        pacientes diarios, sobre todo mujeres con cáncer de cuello uterino, que hasta ahora
        debían esperar meses para recibir tratamiento en la capital.

        El [[Instituto Peruano de Energía Nuclear|ORG]] ([[IPEN|ORG]]) otorgó la licencia de
        operación tras inspeccionar el blindaje de las salas. La inversión, de 38 millones de
        soles, fue financiada por el gobierno regional.
        """,
    ),
    irrelevant(
        "gold-es-010",
        """
        [[Buenos Aires|GPE|AR]] – La empresa [[Radiofármacos del Plata|ORG]] comenzó a
        exportar generadores de [[tecnecio-99m|MATERIAL|Tc-99m]] a hospitales de
        [[Uruguay|GPE|UY]] y [[Paraguay|GPE|PY]], gracias al aumento de la producción local de
        [[molibdeno-99|MATERIAL|Mo-99]].

        Cada generador permite realizar decenas de estudios de medicina nuclear, desde
        centellogramas óseos hasta estudios cardíacos. Como el [[Mo-99|MATERIAL|Mo-99]] pierde la
        mitad de su actividad en menos de tres días, los envíos se hacen por avión todos los
        lunes.

        El director comercial, [[Federico Ibarra|PERSON]], dijo que la empresa espera duplicar
        sus ventas en [[2025|DATE|2025]] y que negocia contratos con clínicas de
        [[Bolivia|GPE|BO]].
        """,
    ),
    irrelevant(
        "gold-es-011",
        """
        [[Cáceres|GPE|ES]] – La [[central nuclear de Sierra Gata|FAC]] desconectó el
        [[sábado|DATE]] su reactor de la red para iniciar la vigésima novena recarga de
        combustible, informó la propietaria, [[Energías del Tajo|ORG]].

        Durante la parada, que durará unos 35 días, se sustituirá un tercio del núcleo por
        elementos nuevos de [[uranio|MATERIAL|LEU|{"enrichment_pct": 4.5}]] enriquecido al
        4,5 %. Unos 1.200 trabajadores externos participarán en las tareas de mantenimiento e
        inspección.

        La directora de la planta, [[Mercedes Alonso|PERSON]], recordó que la central, situada
        a orillas del [[río Tajo|LOC]], aporta cerca del 7 % de la electricidad del país. El
        [[Consejo de Seguridad Nuclear|ORG]] supervisará los trabajos.
        """,
    ),
    irrelevant(
        "gold-es-012",
        """
        [[Viena|GPE|AT]] – El [[Organismo Internacional de Energía Atómica|ORG]]
        ([[OIEA|ORG]]) clausuró el [[viernes|DATE]] un curso para agentes de aduanas de
        [[América Latina|LOC]] sobre detección del tráfico ilícito de materiales nucleares y
        radiactivos.

        Durante dos semanas, los participantes practicaron con detectores portátiles y
        resolvieron casos simulados, como el hallazgo de
        [[uranio altamente enriquecido|MATERIAL|HEU]] en el doble fondo de una maleta o de una
        fuente de [[cesio-137|MATERIAL|Cs-137]] oculta en un cargamento de chatarra.

        «Ninguno de estos escenarios es real, pero las técnicas de ocultación sí lo son»,
        explicó la instructora [[Paula Méndez|PERSON]], de [[Uruguay|GPE|UY]]. El próximo curso
        se celebrará en [[Panamá|GPE|PA]] en [[octubre de 2025|DATE|2025-10]].
        """,
    ),
    irrelevant(
        "gold-es-013",
        """
        [[Santiago de Compostela|GPE|ES]] – Un equipo de la
        [[Universidad Atlántica de Galicia|ORG]] ha medido el [[cesio-137|MATERIAL|Cs-137]] en
        suelos de monte de [[Galicia|GPE|ES]] y ha comprobado que las mayores concentraciones
        se encuentran en las zonas más lluviosas de la costa.

        Según el investigador principal, [[Xoán Otero|PERSON]], la mayor parte del
        [[Cs137|MATERIAL|Cs-137]] procede de los ensayos nucleares atmosféricos de los
        [[años sesenta|DATE]] y, en menor medida, del accidente de [[1986|DATE|1986]]. Los
        valores, de hasta 25 becquerelios por kilo, no suponen ningún riesgo para la salud.

        El estudio, publicado en [[marzo de 2025|DATE|2025-03]], servirá para datar la erosión
        de los suelos tras los incendios forestales.
        """,
    ),
    irrelevant(
        "gold-es-014",
        """
        [[Sevilla|GPE|ES]] – La [[Policía Nacional|ORG]] ha detenido a dos jóvenes de 19 y 22
        años por el robo de un turismo en el barrio de [[Triana|LOC]] la noche del
        [[viernes|DATE]].

        Los arrestados forzaron la cerradura del vehículo, estacionado en la vía pública, y
        circularon con él durante horas hasta que una patrulla les dio el alto en la
        autovía. Trataron de huir a pie, pero fueron alcanzados poco después.

        El propietario, [[Manuel Ortiz|PERSON]], recuperó su coche con daños en el salpicadero.
        Los agentes investigan si los detenidos están relacionados con otros robos de
        vehículos cometidos en la provincia durante el [[último mes|DATE]].
        """,
    ),
    irrelevant(
        "gold-es-015",
        """
        [[Algeciras|GPE|ES]] – La [[Guardia Civil|ORG]] y la [[Agencia Tributaria|ORG]]
        intervinieron 3.200 kilos de cocaína ocultos en un contenedor de piñas procedente de
        [[Costa Rica|GPE|CR]] en el [[puerto de Algeciras|FAC]] el
        [[14 de enero de 2025|DATE|2025-01-14]].

        La droga estaba escondida en cajas con doble fondo y fue detectada gracias al escáner
        de rayos X de la terminal. Es la mayor aprehensión en el puerto desde [[2022|DATE|2022]].

        Los investigadores han detenido a cuatro personas, entre ellas el responsable de una
        empresa importadora de fruta de [[Málaga|GPE|ES]], [[Antonio Ruiz Calvo|PERSON]]. La
        operación sigue abierta.
        """,
    ),
    irrelevant(
        "gold-es-016",
        """
        [[Santiago|GPE|CL]] – El [[Hospital Clínico del Sur|FAC]] habilitó dos habitaciones
        blindadas para tratar el cáncer de tiroides con [[yodo-131|MATERIAL|I-131]], lo que
        reducirá las listas de espera en la región.

        Los pacientes reciben dosis de hasta 5,55 GBq de
        [[yodo radiactivo|MATERIAL|I-131|{"activity_bq": 5.55e9}]] y permanecen aislados dos o
        tres días, hasta que la radiación que emiten baja a niveles seguros.

        La [[Comisión Chilena de Energía Nuclear|ORG]] aprobó la instalación en
        [[agosto|DATE]]. El médico nuclear [[Ignacio Valdés|PERSON]] explicó que las aguas
        residuales de las habitaciones se almacenan en tanques hasta su decaimiento.
        """,
    ),
    irrelevant(
        "gold-es-017",
        """
        [[Almería|GPE|ES]] – Se cumplen 59 años del accidente de [[Palomares|GPE|ES]]: el
        [[17 de enero de 1966|DATE|1966-01-17]], un bombardero de [[Estados Unidos|GPE|US]]
        chocó con un avión cisterna durante una maniobra de repostaje en vuelo y cuatro
        bombas termonucleares cayeron sobre la zona.

        Dos de ellas se rompieron al impactar y dispersaron [[plutonio|MATERIAL|plutonium]]
        sobre los campos de cultivo. [[Hoy|DATE]], varias hectáreas contaminadas con
        [[plutonio-239|MATERIAL|Pu-239]] siguen valladas y bajo
        vigilancia del [[CIEMAT|ORG]].

        La historiadora [[Elena Garrido|PERSON]] recuerda en un nuevo libro cómo vivieron los
        vecinos aquellos meses y reclama que se complete la limpieza de la tierra
        contaminada, pendiente desde hace años.
        """,
    ),
)

DOCUMENTS: tuple[GoldSource, ...] = RELEVANT + NOT_RELEVANT
