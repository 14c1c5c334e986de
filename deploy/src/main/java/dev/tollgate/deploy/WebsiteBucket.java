package dev.tollgate.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The demo site as an S3 static website, with its {@code config.json} written for this stack. */
final class WebsiteBucket {

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html",
            "text/html; charset=utf-8",
            "js",
            "text/javascript; charset=utf-8",
            "css",
            "text/css; charset=utf-8",
            "json",
            "application/json",
            "png",
            "image/png",
            "svg",
            "image/svg+xml",
            "ico",
            "image/x-icon",
            "map",
            "application/json",
            "txt",
            "text/plain; charset=utf-8");

    private final S3Client s3;

    WebsiteBucket(S3Client s3) {
        this.s3 = s3;
    }

    Progress.Done<Void> ensure(String bucket, String region) {
        Progress.Outcome outcome = Progress.Outcome.UNCHANGED;
        if (!exists(bucket)) {
            s3.createBucket(r -> {
                r.bucket(bucket);
                if (!"us-east-1".equals(region)) {
                    r.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
                }
            });
            outcome = Progress.Outcome.CREATED;
        }
        // A website bucket must be readable by anyone; the site holds no secrets (config.json names only public URLs).
        s3.putPublicAccessBlock(r -> r.bucket(bucket)
                .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                        .ignorePublicAcls(true)
                        .blockPublicPolicy(false)
                        .restrictPublicBuckets(false)));
        s3.putBucketPolicy(r -> r.bucket(bucket)
                .policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PublicRead\","
                        + "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::"
                        + bucket + "/*\"}]}"));
        s3.putBucketWebsite(r -> r.bucket(bucket)
                .websiteConfiguration(
                        w -> w.indexDocument(i -> i.suffix("index.html")).errorDocument(e -> e.key("index.html"))));
        return Progress.Done.of(outcome);
    }

    Progress.Done<Integer> upload(String bucket, Path site, String configJson) {
        if (!Files.isRegularFile(site.resolve("index.html"))) {
            throw new DeployException(
                    "no built demo site in " + site + ": build demo-web first (./mvnw -B package -DskipTests)");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(site)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + site, e);
        }
        for (Path file : files) {
            String key = site.relativize(file).toString().replace('\\', '/');
            if (key.equals("config.json")) {
                continue; // the stack's own config.json below wins over any local one
            }
            s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType(key)), RequestBody.fromFile(file));
        }
        s3.putObject(
                r -> r.bucket(bucket)
                        .key("config.json")
                        .contentType("application/json")
                        .cacheControl("no-cache"),
                RequestBody.fromString(configJson));
        return new Progress.Done<>(Progress.Outcome.UPDATED, files.size() + 1);
    }

    Progress.Done<Void> remove(String bucket) {
        if (!exists(bucket)) {
            return Progress.Done.of(Progress.Outcome.ABSENT);
        }
        String token = null;
        do {
            String next = token;
            var page = s3.listObjectsV2(r -> r.bucket(bucket).continuationToken(next));
            for (S3Object o : page.contents()) {
                s3.deleteObject(r -> r.bucket(bucket).key(o.key()));
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        s3.deleteBucket(r -> r.bucket(bucket));
        return Progress.Done.of(Progress.Outcome.REMOVED);
    }

    private boolean exists(String bucket) {
        try {
            s3.headBucket(r -> r.bucket(bucket));
            return true;
        } catch (NoSuchBucketException missing) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    static String contentType(String key) {
        int dot = key.lastIndexOf('.');
        String ext = dot < 0 ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
