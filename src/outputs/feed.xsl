<?xml version="1.0" encoding="UTF-8"?>
<!--
	Shows a Hourglass RSS feed as a readable page when someone opens it in a browser, instead of raw
	XML. It fetches only feed.css beside it (an inline <style> would break a `style-src 'self'`
	policy) and nothing from outside the intranet. Feed readers ignore this file.
	src/pages/feeds/feed.xsl.ts fills in the hub’s words (the t: markers) and the months’ short names in
	the hub’s language.
-->
<xsl:stylesheet version="1.0"
	xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
	xmlns:atom="http://www.w3.org/2005/Atom">
	<xsl:output method="html" version="5.0" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

	<xsl:variable name="self" select="/rss/channel/atom:link[@rel='self']/@href"/>
	<!-- Links are relative to the feed, so they follow any base path; topic feeds are one folder deeper. -->
	<xsl:variable name="up">
		<xsl:if test="contains($self, '/feeds/topics/')">../</xsl:if>
	</xsl:variable>
	<xsl:variable name="subscribe" select="concat($up, '../subscribe/')"/>

	<xsl:template match="/">
		<html lang="{/rss/channel/language}">
			<head>
				<meta charset="utf-8"/>
				<meta name="viewport" content="width=device-width, initial-scale=1"/>
				<title>{t:feedPage.title}</title>
				<link rel="stylesheet" href="{$up}feed.css"/>
			</head>
			<body>
				<section class="about" aria-label="{t:feedPage.about}">
					<p><strong>{t:feedPage.isFeed}</strong> {t:feedPage.subscribe}</p>
					<p>{t:feedPage.copy} <code><xsl:value-of select="$self"/></code></p>
					<p><a href="{$subscribe}">{t:feedPage.how}</a></p>
				</section>
				<h1><xsl:value-of select="/rss/channel/title"/></h1>
				<p><xsl:value-of select="/rss/channel/description"/></p>
				<p><a href="{/rss/channel/link}">{t:feedPage.open}</a></p>
				<xsl:choose>
					<xsl:when test="/rss/channel/item">
						<ol>
							<xsl:apply-templates select="/rss/channel/item"/>
						</ol>
					</xsl:when>
					<xsl:otherwise>
						<p class="muted">{t:feedPage.empty}</p>
					</xsl:otherwise>
				</xsl:choose>
			</body>
		</html>
	</xsl:template>

	<xsl:template match="item">
		<li>
			<h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
			<p class="muted">
				<xsl:value-of select="category[1]"/> · <time><xsl:call-template name="date"><xsl:with-param name="rfc822" select="pubDate"/></xsl:call-template></time>
			</p>
			<!-- The description is escaped HTML written by the hub itself (summary and business value). -->
			<div><xsl:value-of select="description" disable-output-escaping="yes"/></div>
		</li>
	</xsl:template>

	<!-- "Tue, 24 Nov 2026 00:00:00 GMT" as the hub's language writes a date, the month named in it. -->
	<xsl:template name="date">
		<xsl:param name="rfc822"/>
		<xsl:variable name="day" select="number(substring($rfc822, 6, 2))"/>
		<xsl:variable name="year" select="substring($rfc822, 13, 4)"/>
		<xsl:variable name="month">
			<xsl:choose>{months}</xsl:choose>
		</xsl:variable>
		{date}
	</xsl:template>
</xsl:stylesheet>
