package dev.tollgate.deploy;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.appsync.AppSyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/** The SDK clients of one run, all aimed at the same endpoint (LocalStack) or at AWS. */
record AwsClients(
        SdkHttpClient http,
        StsClient sts,
        IamClient iam,
        LambdaClient lambda,
        DynamoDbClient dynamoDb,
        AppSyncClient appSync,
        ApiGatewayClient apiGateway,
        S3Client s3)
        implements AutoCloseable {

    static AwsClients create(DeploySettings settings) {
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(120))
                .build();
        AwsCredentialsProvider credentials = settings.target() == DeploySettings.Target.LOCALSTACK
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))
                : DefaultCredentialsProvider.builder().build();
        Region region = Region.of(settings.region());
        return new AwsClients(
                http,
                configure(StsClient.builder(), settings, credentials, region)
                        .httpClient(http)
                        .build(),
                // IAM is a global service; on AWS it answers in us-east-1 (aws-global) whatever our region.
                configure(
                                IamClient.builder(),
                                settings,
                                credentials,
                                settings.endpoint().isPresent() ? region : Region.AWS_GLOBAL)
                        .httpClient(http)
                        .build(),
                configure(LambdaClient.builder(), settings, credentials, region)
                        .httpClient(http)
                        .build(),
                configure(DynamoDbClient.builder(), settings, credentials, region)
                        .httpClient(http)
                        .build(),
                configure(AppSyncClient.builder(), settings, credentials, region)
                        .httpClient(http)
                        .build(),
                configure(ApiGatewayClient.builder(), settings, credentials, region)
                        .httpClient(http)
                        .build(),
                configure(S3Client.builder(), settings, credentials, region)
                        // LocalStack serves buckets by path; plain uploads (no aws-chunked trailers) work everywhere.
                        .forcePathStyle(settings.endpoint().isPresent())
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .httpClient(http)
                        .build());
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(
            B builder, DeploySettings settings, AwsCredentialsProvider credentials, Region region) {
        builder.credentialsProvider(credentials).region(region);
        settings.endpoint().ifPresent((URI endpoint) -> builder.endpointOverride(endpoint));
        return builder;
    }

    @Override
    public void close() {
        sts.close();
        iam.close();
        lambda.close();
        dynamoDb.close();
        appSync.close();
        apiGateway.close();
        s3.close();
        http.close();
    }
}
