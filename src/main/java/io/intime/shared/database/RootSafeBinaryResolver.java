package io.intime.shared.database;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * PostgreSQL refuses to run as root ("initdb: cannot be run as root"), yet CI machines and
 * containers often run everything as root. When the JVM runs as root, this resolver hands
 * zonky the same binaries with {@code bin/initdb} and {@code bin/pg_ctl} replaced by small
 * scripts that drop to the unprivileged {@code nobody} user with {@code setpriv} (util-linux)
 * before running the real programs. The server, started by {@code pg_ctl}, inherits that user.
 * The rewritten archive is kept in the temp folder so later starts reuse it (and zonky's own
 * extraction cache, which is keyed by the archive's digest, stays valid).
 */
final class RootSafeBinaryResolver implements PgBinaryResolver {

    static final int UNPRIVILEGED_UID = 65534;
    private static final Set<String> WRAPPED = Set.of("bin/initdb", "bin/pg_ctl");

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        Path cacheDir = Path.of(System.getProperty("java.io.tmpdir"), "intime-embedded-pg");
        Files.createDirectories(cacheDir);
        Path original = cacheDir.resolve("original.txz.part");
        String digest;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
             DigestInputStream digesting = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
            Files.copy(digesting, original, StandardCopyOption.REPLACE_EXISTING);
            digest = HexFormat.of().formatHex(digesting.getMessageDigest().digest()).substring(0, 16);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path rewritten = cacheDir.resolve("postgres-" + digest + "-rootsafe.txz");
        if (!Files.exists(rewritten)) {
            Path part = cacheDir.resolve(rewritten.getFileName() + ".part");
            rewrite(original, part);
            Files.move(part, rewritten, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.deleteIfExists(original);
        return Files.newInputStream(rewritten);
    }

    private static void rewrite(Path source, Path target) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(source));
             TarArchiveInputStream tarIn = new TarArchiveInputStream(new XZInputStream(raw));
             OutputStream rawOut = new BufferedOutputStream(Files.newOutputStream(target));
             // Preset 1: fast to write, and zonky unpacks it as quickly as the original.
             TarArchiveOutputStream tarOut = new TarArchiveOutputStream(new XZOutputStream(rawOut, new LZMA2Options(1)))) {
            tarOut.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry entry;
            while ((entry = tarIn.getNextEntry()) != null) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (WRAPPED.contains(name) && entry.isFile()) {
                    TarArchiveEntry real = new TarArchiveEntry(name + ".real");
                    real.setSize(entry.getSize());
                    real.setMode(0755);
                    tarOut.putArchiveEntry(real);
                    tarIn.transferTo(tarOut);
                    tarOut.closeArchiveEntry();
                    byte[] script = wrapperScript(name.substring("bin/".length())).getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry wrapper = new TarArchiveEntry(name);
                    wrapper.setSize(script.length);
                    wrapper.setMode(0755);
                    tarOut.putArchiveEntry(wrapper);
                    tarOut.write(script);
                    tarOut.closeArchiveEntry();
                }
                else {
                    tarOut.putArchiveEntry(entry);
                    if (entry.isFile()) {
                        tarIn.transferTo(tarOut);
                    }
                    tarOut.closeArchiveEntry();
                }
            }
            tarOut.finish();
        }
    }

    /**
     * The capability lets the unprivileged server reach a data folder below a directory that
     * only root may enter (a clone under /root, say); it grants no write access anywhere.
     */
    static String wrapperScript(String program) {
        return """
                #!/bin/sh
                # Written by InTime Accounts: PostgreSQL will not run as root, so run it as 'nobody'.
                here=$(dirname "$0")
                exec setpriv --reuid=%d --regid=%d --clear-groups \\
                  --inh-caps=+dac_read_search --ambient-caps=+dac_read_search \\
                  -- "$here/%s.real" "$@"
                """.formatted(UNPRIVILEGED_UID, UNPRIVILEGED_UID, program);
    }
}
