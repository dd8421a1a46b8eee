<?xml version="1.0" encoding="UTF-8"?>
<!--
	Shows a Hourglass RSS feed as a readable page when someone opens it in a browser, instead of raw
	XML. Self-contained on purpose: the intranet makes no external requests, so no fonts, scripts or
	stylesheets are fetched. Feed readers ignore this file.
-->
<xsl:stylesheet version="1.0"
	xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
	xmlns:atom="http://www.w3.org/2005/Atom">
	<xsl:output method="html" version="5.0" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

	<xsl:variable name="self" select="/rss/channel/atom:link[@rel='self']/@href"/>
	<!-- Topic feeds live one folder deeper than the others. -->
	<xsl:variable name="subscribe">
		<xsl:choose>
			<xsl:when test="contains($self, '/feeds/topics/')">../../subscribe/</xsl:when>
			<xsl:otherwise>../subscribe/</xsl:otherwise>
		</xsl:choose>
	</xsl:variable>

	<xsl:template match="/">
		<html lang="{/rss/channel/language}">
			<head>
				<meta charset="utf-8"/>
				<meta name="viewport" content="width=device-width, initial-scale=1"/>
				<title><xsl:value-of select="/rss/channel/title"/> (RSS feed)</title>
				<style>
					:root { color-scheme: light dark; --accent: #0b5cad; --muted: #5a6470; --border: #d6dbe1; --soft: #f3f5f8; }
					@media (prefers-color-scheme: dark) { :root { --accent: #7db7f0; --muted: #a6b0bb; --border: #3a424c; --soft: #1c2128; } }
					body { font: 1.05rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
					a { color: var(--accent); }
					.about { background: var(--soft); border: 1px solid var(--border); border-radius: 6px; padding: 1rem 1.25rem; }
					.about p { margin: 0.4rem 0; }
					code { font-size: 0.95em; word-break: break-all; user-select: all; }
					.muted, time { color: var(--muted); }
					ol { list-style: none; padding: 0; }
					li { border-bottom: 1px solid var(--border); padding: 1rem 0; }
					li h2 { font-size: 1.2rem; margin: 0 0 0.2rem; }
					li p { margin: 0.4rem 0; }
				</style>
			</head>
			<body>
				<section class="about" aria-label="About this page">
					<p><strong>This is an RSS feed.</strong> Subscribe to it to get new papers, case studies and newsletter issues in Outlook or your feed reader.</p>
					<p>Copy this address into your reader: <code><xsl:value-of select="$self"/></code></p>
					<p><a href="{$subscribe}">How to subscribe in Outlook, Thunderbird or on your phone</a></p>
				</section>
				<h1><xsl:value-of select="/rss/channel/title"/></h1>
				<p><xsl:value-of select="/rss/channel/description"/></p>
				<p><a href="{/rss/channel/link}">Open this on the hub</a></p>
				<xsl:choose>
					<xsl:when test="/rss/channel/item">
						<ol>
							<xsl:apply-templates select="/rss/channel/item"/>
						</ol>
					</xsl:when>
					<xsl:otherwise>
						<p class="muted">Nothing here yet. Subscribe now and new entries will reach you as they are published.</p>
					</xsl:otherwise>
				</xsl:choose>
			</body>
		</html>
	</xsl:template>

	<xsl:template match="item">
		<li>
			<h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
			<p class="muted">
				<xsl:value-of select="category[1]"/> · <time><xsl:value-of select="substring(pubDate, 6, 11)"/></time>
			</p>
			<!-- The description is escaped HTML written by the hub itself (summary and business value). -->
			<div><xsl:value-of select="description" disable-output-escaping="yes"/></div>
		</li>
	</xsl:template>
</xsl:stylesheet>
