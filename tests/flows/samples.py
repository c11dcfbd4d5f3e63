"""Synthetic test inputs about fictional people and companies (English, French, Spanish,
Arabic). Nothing here comes from real reporting."""

from __future__ import annotations

from email.message import EmailMessage

PAGES = {
    "/page-en.html": (
        "<html><head><title>Gauge stolen from Northwind Surveys van</title></head><body>"
        "<article><h1>Gauge stolen from Northwind Surveys van</h1><p>A portable moisture "
        "density gauge containing Cs-137 and Am-241/Be was stolen from a van of the "
        "fictional firm Northwind Surveys in Denver on 3 March 2025. Police ask the public "
        "not to open the yellow transport case.</p></article></body></html>"
    ),
    "/page-fr.html": (
        "<html><head><title>Source retrouvée à Lyon</title></head><body><article>"
        "<h1>Source retrouvée à Lyon</h1><p>Une source scellée de césium 137 appartenant à "
        "la société fictive Rhône Contrôle a été retrouvée par la gendarmerie près de Lyon. "
        "Aucune contamination n'a été détectée selon les premiers relevés.</p>"
        "</article></body></html>"
    ),
}


def rss(entries: list[tuple[str, str, str]], base: str) -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
        f"<description>{summary}</description>"
        "<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate></item>"
        for path, title, summary in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Test feed</title><link>{base}/</link><description>t</description>"
        f"{items}</channel></rss>"
    ).encode()


def feed_for_pages(base: str) -> bytes:
    return rss(
        [
            ("/page-en.html", "Gauge stolen", "A gauge was stolen from a van in Denver."),
            ("/page-fr.html", "Source retrouvée", "Une source a été retrouvée près de Lyon."),
        ],
        base,
    )


def text_note(topic: str) -> bytes:
    return (
        f"Bureau note about {topic}. A fictional trader, Mr Ilan Vosk, offered two "
        "kilograms of so-called red mercury to an undercover officer in Valencia, Spain, "
        "for three million euros. The material was later found to be ordinary cinnabar."
    ).encode()


SPANISH_NOTE = (
    "Nota de la oficina: una cámara de gammagrafía industrial con Ir-192 de la empresa "
    "ficticia Radiografías del Norte fue robada en Monterrey y recuperada dos días después."
).encode()

ARABIC_NOTE = (
    "مذكرة من المكتب الوطني: عثرت الشرطة على مصدر مشع من الكوبالت 60 في ساحة خردة "
    "تابعة لشركة وهمية في الإسكندرية، ولم يتم تسجيل أي تلوث."
).encode()


def email_with_attachment() -> bytes:
    message = EmailMessage()
    message["From"] = "bureau@example.invalid"
    message["To"] = "rn-unit@example.invalid"
    message["Subject"] = "Note on a lost source"
    message["Date"] = "Tue, 04 Mar 2025 09:00:00 +0000"
    message["Message-ID"] = "<lost-source-1@example.invalid>"
    message.set_content(
        "Please find attached our note on the loss of a well-logging source by the "
        "fictional company Andes Wireline near Neuquén, Argentina."
    )
    attachment = (
        "Nota: la fuente de Cs-137 de la herramienta de perfilaje de Andes Wireline se perdió "
        "en la ruta 22 cerca de Neuquén; la policía provincial busca el contenedor."
    ).encode()
    message.add_attachment(attachment, maintype="text", subtype="plain", filename="nota_fuente.txt")
    return message.as_bytes()
