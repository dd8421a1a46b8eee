<?xml version="1.0" encoding="UTF-8"?>
<!--
	Shows a Hourglass RSS feed as a readable page when someone opens it in a browser, instead of raw
	XML. It fetches only feed.css beside it (an inline <style> would break a `style-src 'self'`
	policy) and nothing from outside the intranet. Feed readers ignore this file.
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
				<title><xsl:value-of select="/rss/channel/title"/> (RSS feed)</title>
				<link rel="stylesheet" href="{$up}feed.css"/>
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
