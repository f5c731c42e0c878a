package io.intime.workflows.files;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Files in a bucket of S3 or an S3-compatible server (MinIO, Ceph, Garage, R2 …), chosen
 * with {@code intime.workflows.files.storage=s3}: each key is an object key. Path-style
 * addressing ({@code endpoint/bucket/key}), which every S3-compatible server speaks; the
 * SDK's optional checksums are sent and checked only where a request requires them, since
 * several S3-compatible servers do not know the newer checksum headers (each file's
 * SHA-256 is checked on every read anyway). The bucket must exist.
 */
public class S3Storage implements FileStorage, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(S3Storage.class);

	private final S3Client client;

	private final String bucket;

	/**
	 * @param endpoint the server's URL; blank for AWS itself
	 * @param bucket the bucket, not blank
	 * @param region the region (any name for most S3-compatible servers); blank for
	 * us-east-1
	 * @param accessKey the access key; blank to take credentials from the environment
	 * (the AWS SDK's default chain)
	 * @param secretKey the secret key, with an access key
	 */
	public S3Storage(String endpoint, String bucket, String region, String accessKey, String secretKey) {
		if (bucket == null || bucket.isBlank()) {
			throw new IllegalStateException(
					"intime.workflows.files.s3.bucket must name a bucket when intime.workflows.files.storage=s3");
		}
		this.bucket = bucket.strip();
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(blank(region) ? "us-east-1" : region.strip()))
			.forcePathStyle(true)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.credentialsProvider(credentials(accessKey, secretKey));
		if (!blank(endpoint)) {
			builder.endpointOverride(URI.create(endpoint.strip()));
		}
		this.client = builder.build();
		log.info("Workflow files are kept in the S3 bucket {} at {}", this.bucket,
				blank(endpoint) ? "AWS" : endpoint.strip());
	}

	private static AwsCredentialsProvider credentials(String accessKey, String secretKey) {
		if (blank(accessKey)) {
			return DefaultCredentialsProvider.builder().build();
		}
		if (blank(secretKey)) {
			throw new IllegalStateException(
					"intime.workflows.files.s3.secret-key must be set with intime.workflows.files.s3.access-key");
		}
		return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.strip(), secretKey.strip()));
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	@Override
	public void put(String key, byte[] content) {
		client.putObject(PutObjectRequest.builder()
			.bucket(bucket)
			.key(StorageKeys.checked(key))
			.contentLength((long) content.length)
			.contentType("application/octet-stream")
			.build(), RequestBody.fromBytes(content));
	}

	@Override
	public byte[] get(String key) {
		try {
			return client
				.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(StorageKeys.checked(key)).build())
				.asByteArray();
		}
		catch (NoSuchKeyException e) {
			throw new IllegalStateException("No workflow file is stored under " + key + " in bucket " + bucket, e);
		}
	}

	@Override
	public void close() {
		client.close();
	}

}
