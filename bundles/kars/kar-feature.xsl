<?xml version="1.0" encoding="UTF-8"?>
<!-- Cuts one module's feature out of Titrate's features file into a features repository of its own, which names the
     full file for the features it depends on (the platform, sales, ...), so a KAR carries only its module. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:f="http://karaf.apache.org/xmlns/features/v1.6.0" exclude-result-prefixes="f">
  <xsl:param name="module"/>
  <xsl:param name="repository"/>
  <xsl:output method="xml" indent="no" encoding="UTF-8"/>

  <xsl:template match="/f:features">
    <xsl:variable name="feature" select="f:feature[@name = concat('titrate-', $module)]"/>
    <xsl:if test="not($feature)">
      <xsl:message terminate="yes">The features file has no feature titrate-<xsl:value-of select="$module"/></xsl:message>
    </xsl:if>
    <features xmlns="http://karaf.apache.org/xmlns/features/v1.6.0" name="titrate-{$module}-{$feature/@version}">
      <repository><xsl:value-of select="$repository"/></repository>
      <xsl:apply-templates select="$feature" mode="manual"/>
    </features>
  </xsl:template>

  <!-- Karaf's KAR deployer installs only "auto" features and never as an upgrade; Titrate's ModuleDeliveries installs
       "manual" ones, replacing any other version of the module in one step. -->
  <xsl:template match="f:feature" mode="manual">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:attribute name="install">manual</xsl:attribute>
      <xsl:copy-of select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
