package us.anth.plexus.devkit.api;

/** A CRD additional printer column: header, type and a simple {@code .a.b.c} JSON path. */
public record PrinterColumn(String name, String type, String jsonPath) {}
