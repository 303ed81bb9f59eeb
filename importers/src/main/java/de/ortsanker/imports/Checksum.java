package de.ortsanker.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** SHA-256 of an input (over all its files, in order), recorded with the run. */
final class Checksum {

    /** A checksum being computed; {@link #get()} waits for it. */
    static final class Pending {
        private final CompletableFuture<String> value;

        private Pending(CompletableFuture<String> value) {
            this.value = value;
        }

        String get() {
            try {
                return value.join();
            } catch (CompletionException e) {
                throw new ImportFailure("cannot read the input for its checksum: " + e.getCause().getMessage(),
                        e.getCause());
            }
        }
    }

    private Checksum() {
    }

    /** Starts computing the checksum, on a thread of its own when {@code background}, else at once. */
    static Pending start(List<Path> files, boolean background) throws IOException {
        if (!background) {
            return new Pending(CompletableFuture.completedFuture(of(files)));
        }
        var future = new CompletableFuture<String>();
        Thread t = new Thread(() -> {
            try {
                future.complete(of(files));
            } catch (IOException | RuntimeException e) {
                future.completeExceptionally(e);
            }
        }, "import-checksum");
        t.setDaemon(true);
        t.start();
        return new Pending(future);
    }

    static String of(List<Path> files) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    sha.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
