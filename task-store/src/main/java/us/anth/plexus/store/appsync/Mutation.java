package us.anth.plexus.store.appsync;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One GraphQL operation: the document and its variables ({@code input}, optionally {@code
 * condition}).
 */
public record Mutation(String document, ObjectNode variables) {}
