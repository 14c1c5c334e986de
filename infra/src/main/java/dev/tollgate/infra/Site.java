package dev.tollgate.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.assets.AssetOptions;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.ISource;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

/**
 * The demo site's bucket: private, no website hosting, readable only by the distribution (see
 * {@link Cdn}). On LocalStack, which has no CloudFront, the bucket's website endpoint serves it instead.
 */
final class Site extends Construct {

    private final Bucket bucket;
    private final InfraSettings settings;

    Site(Construct scope, String id, InfraSettings settings) {
        super(scope, id);
        this.settings = settings;
        Bucket.Builder builder = Bucket.Builder.create(this, "Bucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .removalPolicy(RemovalPolicy.DESTROY)
                .autoDeleteObjects(true);
        if (settings.target() == InfraSettings.Target.LOCALSTACK) {
            builder.websiteIndexDocument("index.html");
        }
        bucket = builder.build();
    }

    Bucket bucket() {
        return bucket;
    }

    /** The bucket's website origin through LocalStack's edge. */
    String localStackOrigin() {
        return "http://" + bucket.getBucketName() + ".s3-website." + settings.localStackEdge();
    }

    /**
     * Uploads the built site plus the stack's own {@code config.json} (it wins over any local one), and
     * clears the distribution's cache so browsers get the new config.
     */
    void publish(Path siteDir, Map<String, Object> config, Optional<Cdn> cdn) {
        if (!Files.isDirectory(siteDir)) {
            throw new IllegalArgumentException(
                    siteDir + " does not exist: build the demo site first (./mvnw -B -DskipTests package)");
        }
        BucketDeployment.Builder builder = BucketDeployment.Builder.create(this, "Content")
                .destinationBucket(bucket)
                .sources(List.<ISource>of(
                        Source.asset(
                                siteDir.toString(),
                                AssetOptions.builder()
                                        .exclude(List.of("config.json"))
                                        .build()),
                        Source.jsonData("config.json", config)))
                .prune(true);
        cdn.ifPresent(c -> builder.distribution(c.distribution()).distributionPaths(List.of("/*")));
        builder.build();
    }
}
