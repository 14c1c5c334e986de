package dev.tollgate.infra;

import java.util.Map;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * One HTTPS origin for site and API: the distribution serves the bucket by default and sends the
 * stage's path to API Gateway uncached, with every cookie, query string and header but Host (API
 * Gateway routes on its own host name). Session cookies are then first-party: SameSite=Lax, Secure.
 */
final class Cdn extends Construct {

    private final Distribution distribution;

    Cdn(Construct scope, String id, IBucket site, String apiDomain, String stage) {
        super(scope, id);
        BehaviorOptions api = BehaviorOptions.builder()
                .origin(HttpOrigin.Builder.create(apiDomain)
                        .protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY)
                        .build())
                .allowedMethods(AllowedMethods.ALLOW_ALL)
                .cachePolicy(CachePolicy.CACHING_DISABLED)
                .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                .build();
        distribution = Distribution.Builder.create(this, "Distribution")
                .comment("Tollgate: site and API on one origin")
                .defaultRootObject("index.html")
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(site))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .build())
                .additionalBehaviors(Map.of("/" + stage + "/*", api))
                .build();
    }

    Distribution distribution() {
        return distribution;
    }

    String domainName() {
        return distribution.getDistributionDomainName();
    }
}
