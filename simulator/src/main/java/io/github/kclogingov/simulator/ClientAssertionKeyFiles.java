package io.github.kclogingov.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a client-assertion key for a Keycloak realm and the simulator that must trust it, as two
 * files in one folder: {@code docker-compose.yml}'s one-shot {@code client-assertion-key} service
 * runs it into a volume that Keycloak and the simulator both mount.
 *
 * <ul>
 *   <li>{@value #CERTIFICATE_FILE}: the certificate as PEM, for the simulator's {@code
 *       certificateFiles};
 *   <li>{@value #ENVIRONMENT_FILE}: {@code LOGINGOV_CLIENT_ASSERTION_PRIVATE_KEY=...} and {@code
 *       LOGINGOV_CLIENT_ASSERTION_CERTIFICATE=...}, one line each, for a shell to read before {@code
 *       kc.sh --import-realm} (the realm file's placeholders).
 * </ul>
 *
 * <p>A folder that already has the environment file is left alone: Keycloak imports the realm, and
 * so its key, only once into its database, so a new key at the next start would no longer match
 * it. The environment file is written last, by a rename, so that its presence means both are
 * complete.
 *
 * <p>Usage: {@code java -cp logingov-simulator-<version>-all.jar
 * io.github.kclogingov.simulator.ClientAssertionKeyFiles FOLDER}.
 */
public final class ClientAssertionKeyFiles {
    static final String CERTIFICATE_FILE = "client-assertion.crt";
    static final String ENVIRONMENT_FILE = "client-assertion.env";

    private ClientAssertionKeyFiles() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("Usage: java -cp logingov-simulator-all.jar " + ClientAssertionKeyFiles.class.getName()
                    + " FOLDER");
            System.exit(2);
        }
        try {
            boolean written = writeIfAbsent(Path.of(args[0]));
            System.out.println(
                    (written ? "Wrote a new client-assertion key to " : "Kept the client-assertion key in ") + args[0]);
        } catch (IOException e) {
            System.err.println("Cannot write the client-assertion key: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Generates a key and writes both files into {@code folder}, unless its environment file exists.
     *
     * @return true if a new key was written, false if the folder's key was kept
     */
    public static boolean writeIfAbsent(Path folder) throws IOException {
        Path environment = folder.resolve(ENVIRONMENT_FILE);
        if (Files.exists(environment)) {
            return false;
        }
        Files.createDirectories(folder);
        SelfSignedKey key = SelfSignedKey.generate("CN=Keycloak demo realm, OU=Login.gov client assertion");
        Files.writeString(folder.resolve(CERTIFICATE_FILE), key.certificatePem(), StandardCharsets.US_ASCII);
        Path partial = folder.resolve(ENVIRONMENT_FILE + ".partial");
        Files.writeString(
                partial,
                "LOGINGOV_CLIENT_ASSERTION_PRIVATE_KEY=" + key.privateKeyPkcs8Base64() + "\n"
                        + "LOGINGOV_CLIENT_ASSERTION_CERTIFICATE=" + key.certificateBase64() + "\n",
                StandardCharsets.US_ASCII);
        Files.move(partial, environment, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
