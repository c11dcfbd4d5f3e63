"""Demo feeds (RSS 2.0, Atom) and web pages rendered from the synthetic articles."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime
from html import escape

from demo.corpus import FOOTER, Article, site

BASE_URL = "http://demo.radintel.invalid"


def article_url(article: Article) -> str:
    """URL path = file path relative to demo/ (`radintel demo` serves that folder)."""
    return f"{BASE_URL}/web/{article.slug}.html"


def _content_html(article: Article) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in (*article.paragraphs, FOOTER))


def rss_feed(articles: list[Article]) -> str:
    items = []
    for article in articles:
        published = format_datetime(datetime.fromisoformat(article.published))
        items.append(
            "  <item>\n"
            f"    <title>{escape(article.title)}</title>\n"
            f"    <link>{article_url(article)}</link>\n"
            f'    <guid isPermaLink="false">radintel-demo-{article.slug}</guid>\n'
            f"    <pubDate>{published}</pubDate>\n"
            f"    <description>{escape(article.paragraphs[0])}</description>\n"
            f"    <content:encoded><![CDATA[{_content_html(article)}]]></content:encoded>\n"
            "  </item>\n"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">\n'
        "<channel>\n"
        f"  <title>{site()['rss_title']}</title>\n"
        f"  <link>{BASE_URL}/</link>\n"
        f"  <description>{FOOTER}</description>\n" + "".join(items) + "</channel>\n</rss>\n"
    )


def atom_feed(articles: list[Article]) -> str:
    entries = []
    for article in articles:
        entries.append(
            "  <entry>\n"
            f"    <title>{escape(article.title)}</title>\n"
            f'    <link rel="alternate" href="{article_url(article)}"/>\n'
            f"    <id>urn:radintel-demo:{article.slug}</id>\n"
            f"    <published>{article.published}</published>\n"
            f"    <updated>{article.published}</updated>\n"
            f'    <content type="html">{escape(_content_html(article))}</content>\n'
            "  </entry>\n"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <title>{site()['atom_title']}</title>\n"
        "  <id>urn:radintel-demo:atom</id>\n"
        "  <updated>2025-06-03T10:30:00+00:00</updated>\n"
        f'  <link rel="self" href="{BASE_URL}/feed/atom.xml"/>\n' + "".join(entries) + "</feed>\n"
    )


def _article_block(article: Article) -> str:
    return (
        f"<article><h1>{escape(article.title)}</h1>"
        f'<p class="byline">Demo newsroom, <time datetime="{article.published}">'
        f"{article.published[:10]}</time></p>{_content_html(article)}</article>"
    )


def web_page(article: Article, variant: int) -> str:
    """Variant 0: plain page; 1: news site with boilerplate and comments; 2: script-heavy."""
    head = (
        f'<meta charset="utf-8"><title>{escape(article.title)}</title>'
        f'<meta property="article:published_time" content="{article.published}">'
    )
    body = _article_block(article)
    boilerplate = site()
    navigation, footer = boilerplate["navigation"], boilerplate["site_footer"]
    cookie_script = boilerplate["cookie_script"]
    if variant == 1:
        head += "<style>.menu{display:flex}.sidebar{float:right}</style>"
        comments, sidebar = boilerplate["comments"], boilerplate["sidebar"]
        body = f"{navigation}<main>{body}{comments}</main>{sidebar}{footer}"
    elif variant == 2:
        head += (
            cookie_script + '<script type="application/ld+json">{"@type": "NewsArticle"}</script>'
        )
        body = (
            f"{cookie_script}{navigation}<div id='app'>{body}</div>"
            "<noscript>Please enable JavaScript to see all content.</noscript>"
            f"{cookie_script}{footer}"
        )
    lang = escape(article.language)
    direction = ' dir="rtl"' if article.language == "ar" else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"{direction}><head>{head}</head>'
        f"<body>{body}</body></html>\n"
    )
