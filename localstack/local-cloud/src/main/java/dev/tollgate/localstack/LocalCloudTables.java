package dev.tollgate.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Creates the notes table from its one definition ({@code notes-table.json}, a CreateTable request body)
 * by sending that body to DynamoDB as the CDK app deploys it to AWS.
 */
final class LocalCloudTables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalCloudTables() {}

    /** @return the table's name */
    static String create(URI endpoint, Path definition) {
        String body;
        JsonNode request;
        try {
            body = Files.readString(definition);
            request = JSON.readTree(body);
        } catch (IOException e) {
            throw new LocalCloudException(definition + ": not readable JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (request == null
                || !request.path("TableName").isTextual()
                || request.get("TableName").asText().isBlank()) {
            throw new LocalCloudException(definition + ": not a CreateTable request (no TableName)");
        }
        String tableName = request.get("TableName").asText();
        HttpRequest create = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.CreateTable")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(create, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LocalCloudException("dynamodb: CreateTable " + tableName + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalCloudException("dynamodb: interrupted while creating " + tableName);
        }
        if (response.statusCode() != 200) {
            throw new LocalCloudException("dynamodb: CreateTable " + tableName + " from " + definition.getFileName()
                    + " refused (" + response.statusCode() + "): " + firstLine(response.body()));
        }
        return tableName;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
