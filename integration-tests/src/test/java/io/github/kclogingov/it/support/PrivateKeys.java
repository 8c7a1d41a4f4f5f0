package io.github.kclogingov.it.support;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds private keys in text (an API answer, an export, a log), whether or not the test knows
 * them: any PEM private key block, and any run of base64 that decodes to a PKCS#8 RSA private key,
 * which is how Keycloak's key providers store theirs.
 */
public final class PrivateKeys {

    /** Shorter runs cannot hold an RSA-2048 private key (about 1600 base64 characters). */
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/]{1000,}={0,2}");

    private PrivateKeys() {}

    /** What looks like a private key in {@code text}, shortened for a failure message. */
    public static List<String> in(String text) {
        List<String> found = new ArrayList<>();
        if (text.contains("PRIVATE KEY-----")) {
            found.add("a PEM private key block");
        }
        Matcher run = BASE64_RUN.matcher(text.replace("\\n", "").replace("\\r", ""));
        while (run.find()) {
            if (isPrivateKey(run.group())) {
                found.add(run.group().substring(0, 24) + "...");
            }
        }
        return found;
    }

    private static boolean isPrivateKey(String base64) {
        try {
            KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return true;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
